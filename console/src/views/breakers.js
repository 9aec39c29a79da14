import { call } from '../api.js';
import { el, stateBadge, when } from '../dom.js';
import { every } from './refresh.js';

/** Each step's circuit breaker (GET /ops/breakers), refreshed every 5 s. */
export function renderBreakers(main) {
  const body = el('tbody', { 'data-testid': 'breakers' });
  main.append(el('h1', {}, 'Circuit breakers'),
    el('p', { class: 'muted' }, 'OPEN: the step pulls no work until its probe; HALF_OPEN: one probe batch decides (README, "Circuit breakers").'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Step', 'State', 'Since', 'Probe at', 'Reason'].map((h) => el('th', {}, h)))), body));
  return every(5, async () => {
    const { breakers } = await call('GET', '/ops/breakers');
    body.replaceChildren(...breakers.map((b) => el('tr', { 'data-step': b.step },
      el('td', {}, b.step), el('td', {}, stateBadge(b.status)),
      el('td', {}, b.since && !b.since.startsWith('1970') ? when(b.since) : ''), el('td', {}, when(b.probeAt)), el('td', {}, b.reason || ''))));
  });
}
