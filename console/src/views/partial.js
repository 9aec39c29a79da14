import { call } from '../api.js';
import { el, notice, when } from '../dom.js';
import { every } from './refresh.js';

/**
 * The PARTIAL assets (GET /assets?state=PARTIAL): what each is missing, with a Repair button per asset and for all
 * of them (POST /assets/{id}/repair, as ./scripts/repair). Refreshed every 5 s: a repaired asset leaves the list.
 */
export function renderPartial(main) {
  const body = el('tbody', { 'data-testid': 'partial' });
  const repair = async (ids) => {
    let sent = 0;
    for (const id of ids) {
      try {
        await call('POST', `/assets/${id}/repair`);
        sent++;
      } catch (e) {
        notice(`repair ${id.slice(0, 8)}: ${e.message}`, true);
      }
    }
    notice(`${sent} of ${ids.length} sent for repair`);
  };
  let shown = [];
  const all = el('button', { class: 'secondary', onclick: () => repair(shown) }, 'Repair all listed');
  main.append(el('h1', {}, 'PARTIAL assets'),
    el('p', { class: 'muted' }, 'Assets that got some of their renditions: the failure says what is missing. A repair makes only the missing ones '
      + '(README, "Graceful degradation and ./scripts/repair").'),
    el('div', { class: 'toolbar' }, all),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Asset', 'Kind', 'Key', 'Missing', 'Updated', ''].map((h) => el('th', {}, h)))), body));
  return every(5, async () => {
    const { assets } = await call('GET', '/assets?state=PARTIAL&limit=200');
    shown = assets.map((a) => a.assetId);
    all.disabled = shown.length === 0;
    const details = await Promise.all(assets.map((a) => call('GET', `/assets/${a.assetId}`).catch(() => null)));
    body.replaceChildren(...assets.map((a, i) => el('tr', { 'data-asset': a.assetId },
      el('td', {}, el('a', { href: `#/assets/${a.assetId}` }, el('code', {}, a.assetId.slice(0, 8)))),
      el('td', {}, a.kind || ''),
      el('td', {}, a.sourceKey?.replace(/^uploads\/[0-9a-f-]{36}\//, '') || ''),
      el('td', {}, details[i]?.failure?.reason || a.failureCategory || ''),
      el('td', {}, when(a.updatedAt)),
      el('td', {}, el('button', { 'data-testid': 'repair', onclick: () => repair([a.assetId]) }, 'Repair')))),
    ...(assets.length ? [] : [el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No PARTIAL assets.'))]));
  });
}
