import Hls from 'hls.js';
import { call, renditionUrl } from '../api.js';
import { bytes, el, notice, stateBadge, when } from '../dom.js';
import { every } from './refresh.js';

const TERMINAL = ['READY', 'PARTIAL', 'FAILED', 'QUARANTINED'];

/** One asset (GET /assets/{id}): its state, failure, progress, actions, renditions with previews and history. */
export function renderAsset(main, assetId) {
  const players = [];
  let shown = null;
  const load = async () => {
    let asset;
    try {
      asset = await call('GET', `/assets/${assetId}`);
    } catch (e) {
      if (e.status === 404) {
        main.replaceChildren(el('h1', {}, 'Asset'), el('p', {}, `No asset ${assetId} (not ingested yet, or erased).`));
        return;
      }
      throw e;
    }
    const fingerprint = JSON.stringify([asset.state, asset.updatedAt, asset.renditions.length, asset.transcode]);
    if (fingerprint === shown) return; // unchanged: keep the players playing
    shown = fingerprint;
    players.splice(0).forEach((p) => p.destroy());
    main.replaceChildren(...page(asset, players, load).filter(Boolean));
  };
  const stop = every(2, load);
  return () => {
    stop();
    players.forEach((p) => p.destroy());
  };
}

function page(asset, players, reload) {
  return [
    el('h1', {}, `${asset.original?.key?.split('/').pop() || asset.assetId} `, stateBadge(asset.state)),
    el('p', { class: 'muted' }, `${asset.kind || 'unclassified'} · ${asset.detectedType || asset.declaredType || ''} · `
      + `${bytes(asset.original?.sizeBytes)} · ${asset.route ? `${asset.route.priority} on ${asset.route.engine}, profile ${asset.route.profile}` : 'not routed yet'}`
      + ` · ${asset.assetId}`),
    asset.failure ? el('div', { class: 'failure', 'data-testid': 'failure' }, el('strong', {}, asset.failure.category), ': ', asset.failure.reason) : null,
    progress(asset),
    actions(asset, reload),
    el('h2', {}, `Renditions (${asset.renditions.length})`),
    el('div', { class: 'cards', 'data-testid': 'renditions' }, ...asset.renditions.map((r) => rendition(r, players))),
    el('h2', {}, 'History'),
    el('ol', { class: 'timeline', 'data-testid': 'history' }, ...asset.history.map((h) => el('li', {},
      el('div', {}, `${h.from || '—'} → `, stateBadge(h.to)),
      el('div', { class: 'when' }, `${when(h.at)} by ${h.by || '?'}${h.rule ? ` · rule ${h.rule}` : ''}${h.configVersion ? ` · config v${h.configVersion}` : ''}`),
      h.reason ? el('div', { class: 'muted' }, h.reason) : null))),
  ];
}

function progress(asset) {
  const t = asset.transcode;
  if (!t || TERMINAL.includes(asset.state)) return null;
  if (t.progress) return renditionProgress(t);
  const done = t.partsDone ?? (t.percentComplete !== undefined ? t.percentComplete : null);
  const total = t.partsTotal ?? (t.percentComplete !== undefined ? 100 : null);
  if (done === null || !total) return el('p', { class: 'muted' }, `transcoding on ${t.engine}…`);
  const finished = new Set((t.parts || []).map((p) => p.index));
  return el('div', { 'data-testid': 'progress' },
    el('div', { class: 'toolbar' },
      el('span', {}, `${t.engine}: ${done} of ${total}${t.partsTotal ? ' parts' : ' %'}`),
      el('div', { class: 'bar', style: 'width:240px' }, el('span', { style: `width:${Math.round((100 * done) / total)}%` }))),
    t.partsTotal ? el('div', { class: 'parts', title: 'each chunk, then the audio' }, ...Array.from({ length: t.partsTotal }, (_, i) =>
      el('span', { class: finished.has(i) ? 'done' : '', title: i === t.partsTotal - 1 ? 'audio' : `chunk ${i}` }))) : null);
}

// a video made in one ffmpeg run: each planned rendition, done or still to come
function renditionProgress(t) {
  const done = t.progress.filter((p) => p.state === 'DONE').length;
  return el('div', { 'data-testid': 'progress' },
    el('div', { class: 'toolbar' },
      el('span', {}, `${t.engine}: ${done} of ${t.progress.length} renditions`),
      el('div', { class: 'bar', style: 'width:240px' }, el('span', { style: `width:${Math.round((100 * done) / t.progress.length)}%` }))),
    el('ul', { class: 'rendition-progress' }, ...t.progress.map((p) =>
      el('li', { 'data-rendition-progress': p.rendition, class: p.state === 'DONE' ? 'done' : '' }, `${p.state === 'DONE' ? '✓' : '…'} ${p.rendition}`))));
}

function actions(asset, reload) {
  const act = async (what, method, path, body) => {
    try {
      const answer = await call(method, path, body);
      notice(`${what}: ${answer?.message || answer?.result || 'done'}`);
      reload();
    } catch (e) {
      notice(`${what}: ${e.message}`, true);
    }
  };
  const priority = el('select', { 'data-testid': 'priority' }, ...['critical', 'standard', 'bulk'].map((p) =>
    el('option', { value: p, selected: asset.route?.priority === p }, p)));
  const withOriginal = el('input', { type: 'checkbox', 'data-testid': 'erase-original' });
  const terminal = TERMINAL.includes(asset.state);
  return el('div', { class: 'toolbar', 'data-testid': 'actions' },
    el('label', {}, 'priority', priority),
    el('button', { disabled: terminal, onclick: () => act('priority', 'POST', `/assets/${asset.assetId}/priority`, { priority: priority.value }) }, 'Change priority'),
    el('button', { class: 'secondary', disabled: !['READY', 'PARTIAL'].includes(asset.state),
      onclick: () => act('reprocess', 'POST', `/assets/${asset.assetId}/reprocess`) }, 'Reprocess'),
    el('button', { class: 'secondary', disabled: asset.state !== 'PARTIAL', 'data-testid': 'repair',
      onclick: () => act('repair', 'POST', `/assets/${asset.assetId}/repair`) }, 'Repair'),
    el('label', {}, 'with the original', withOriginal),
    el('button', { class: 'danger', disabled: !terminal, 'data-testid': 'delete', onclick: () => {
      if (confirm(`Erase ${asset.assetId}'s renditions and records${withOriginal.checked ? ' and its original' : ''}?`)) {
        act('delete', 'DELETE', `/assets/${asset.assetId}${withOriginal.checked ? '?original=true' : ''}`);
      }
    } }, 'Delete'));
}

function rendition(r, players) {
  const url = renditionUrl(r.location);
  const type = r.contentType || '';
  let preview = null;
  if (url && type.startsWith('image/')) {
    preview = el('img', { src: url, alt: r.name, loading: 'lazy' });
  } else if (url && type.includes('mpegurl') && r.name.endsWith('master')) {
    preview = el('video', { controls: true, muted: true, preload: 'metadata', 'data-testid': 'player' });
    if (Hls.isSupported()) {
      const hls = new Hls();
      hls.loadSource(url);
      hls.attachMedia(preview);
      players.push(hls);
    } else {
      preview.src = url; // Safari plays HLS itself
    }
  } else if (url && type.startsWith('video/')) {
    preview = el('video', { controls: true, preload: 'metadata', src: url });
  } else if (url && type.startsWith('audio/')) {
    preview = el('audio', { controls: true, preload: 'metadata', src: url });
  }
  return el('div', { class: 'card', 'data-rendition': r.name },
    preview,
    el('div', {}, el('strong', {}, r.name), ' ', stateBadge(r.state === 'DONE' ? 'READY' : r.state)),
    el('div', { class: 'meta' }, `${r.profile} v${r.profileVersion} · ${type} · ${bytes(r.bytes)}${r.width ? ` · ${r.width}×${r.height}` : ''}`),
    url ? el('div', { class: 'meta' }, el('a', { href: url, target: '_blank' }, 'open')) : null);
}
