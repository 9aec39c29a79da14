import { call } from '../api.js';
import { el, millis } from '../dom.js';
import { every } from './refresh.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Per-stage latency (p50/p95/p99) and throughput of the assets finished in a window (GET /ops/latency). */
export function renderLatency(main) {
  const windowSelect = el('select', {}, ...[['PT15M', '15 minutes'], ['PT1H', '1 hour'], ['PT6H', '6 hours'], ['P1D', '1 day'], ['P7D', '7 days']]
    .map(([value, label]) => el('option', { value, selected: value === 'PT1H' }, label)));
  const out = el('div', { 'data-testid': 'latency' });
  const load = async () => {
    const s = await call('GET', `/ops/latency?window=${windowSelect.value}`);
    out.replaceChildren(
      el('p', { class: 'muted' }, `${s.assets} assets finished between ${new Date(s.since).toLocaleTimeString()} and ${new Date(s.until).toLocaleTimeString()}.`),
      el('table', {}, el('thead', {}, el('tr', {}, ...['Stage', 'Samples', 'p50', 'p95', 'p99', 'max'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...s.stages.map((p) => el('tr', { 'data-stage': p.stage }, el('td', {}, p.stage.toLowerCase().replace('_', ' ')),
          el('td', { class: 'num' }, p.samples), el('td', { class: 'num' }, millis(p.p50Millis)), el('td', { class: 'num' }, millis(p.p95Millis)),
          el('td', { class: 'num' }, millis(p.p99Millis)), el('td', { class: 'num' }, millis(p.maxMillis)))))),
      el('h2', {}, 'Stages (p50, p95, p99)'), stageChart(s.stages),
      el('h2', {}, 'Finished per slice of the window'), throughputChart(s.throughput));
  };
  windowSelect.addEventListener('change', load);
  main.append(el('h1', {}, 'Latency and throughput'), el('div', { class: 'toolbar' }, el('label', {}, 'window', windowSelect)), out);
  return every(15, load);
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.append(typeof c === 'string' ? document.createTextNode(c) : c));
  return node;
}

function stageChart(stages) {
  const width = 720;
  const row = 34;
  const most = Math.max(1, ...stages.map((p) => p.p99Millis));
  const chart = svg('svg', { class: 'chart', width, height: row * stages.length + 10 });
  stages.forEach((p, i) => {
    const y = 8 + i * row;
    chart.append(svg('text', { x: 6, y: y + 16, 'font-size': 12 }, p.stage.toLowerCase().replace('_', ' ')));
    [['p99Millis', '#c9d6f5'], ['p95Millis', '#8ea9ea'], ['p50Millis', '#2456d3']].forEach(([key, color]) =>
      chart.append(svg('rect', { x: 110, y, height: 22, width: Math.max(1, ((width - 230) * p[key]) / most), fill: color })));
    chart.append(svg('text', { x: width - 110, y: y + 16, 'font-size': 12 }, `${millis(p.p50Millis)} / ${millis(p.p99Millis)}`));
  });
  return chart;
}

function throughputChart(slices) {
  const width = 720;
  const height = 160;
  const most = Math.max(1, ...slices.map((s) => s.ready + s.partial + s.failed));
  const column = (width - 20) / Math.max(1, slices.length);
  const chart = svg('svg', { class: 'chart', width, height: height + 24 });
  slices.forEach((s, i) => {
    let top = height;
    [['ready', '#1c8a4a'], ['partial', '#b26b00'], ['failed', '#c62828']].forEach(([key, color]) => {
      const h = (height - 10) * s[key] / most;
      top -= h;
      if (h > 0) chart.append(svg('rect', { x: 10 + i * column + 2, y: top, width: column - 4, height: h, fill: color }));
    });
    chart.append(svg('text', { x: 10 + i * column + 2, y: height + 16, 'font-size': 10 }, new Date(s.from).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
  });
  return chart;
}
