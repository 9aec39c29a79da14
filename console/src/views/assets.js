import { call } from '../api.js';
import { upload } from '../uploads.js';
import { bytes, el, notice, stateBadge, when } from '../dom.js';
import { every } from './refresh.js';

const STATES = ['', 'RECEIVED', 'CLASSIFIED', 'QUEUED', 'PROCESSING', 'READY', 'PARTIAL', 'FAILED', 'QUARANTINED'];
const KINDS = ['', 'image', 'video', 'audio', 'document', 'other'];
const PRIORITIES = ['', 'critical', 'standard', 'bulk', 'review'];

/** The assets list (GET /assets), newest first, refreshed every 3 s, with filters and an upload button. */
export function renderAssets(main) {
  const filters = el('form', { class: 'filters', 'data-testid': 'filters' },
    select('state', STATES), select('kind', KINDS), select('priority', PRIORITIES),
    el('label', {}, 'key prefix', el('input', { name: 'prefix', placeholder: 'uploads/…' })),
    el('label', {}, 'since', el('input', { name: 'since', type: 'datetime-local' })));
  const body = el('tbody', { 'data-testid': 'assets' });
  const more = el('button', { class: 'secondary', hidden: true }, 'More');
  const file = el('input', { type: 'file', multiple: true, 'data-testid': 'upload-file' });
  const progress = el('span', { class: 'muted', 'data-testid': 'upload-progress' });
  let pages = 1;

  file.addEventListener('change', async () => {
    for (const f of file.files) {
      try {
        const plan = await upload(f, (share) => (progress.textContent = `${f.name}: ${Math.round(share * 100)} %`));
        progress.textContent = `${f.name}: uploaded as ${plan.assetId}`;
        notice(`${f.name} uploaded; it appears below once ingested`);
      } catch (e) {
        notice(`${f.name}: ${e.message}`, true);
      }
    }
    file.value = '';
  });

  const query = () => {
    const form = new FormData(filters);
    const params = new URLSearchParams();
    for (const [name, value] of form) {
      if (!value) continue;
      params.set(name, name === 'since' ? new Date(value).toISOString() : value);
    }
    return params;
  };

  const load = async () => {
    const rows = [];
    let cursor = null;
    for (let page = 0; page < pages; page++) {
      const params = query();
      if (cursor) params.set('cursor', cursor);
      const answer = await call('GET', `/assets?${params}`);
      rows.push(...answer.assets);
      cursor = answer.cursor;
      if (!cursor) break;
    }
    more.hidden = !cursor;
    body.replaceChildren(...rows.map(row), ...(rows.length ? [] : [el('tr', {}, el('td', { colspan: 7, class: 'muted' }, 'No assets match.'))]));
  };

  more.addEventListener('click', () => { pages++; load(); });
  filters.addEventListener('change', () => { pages = 1; load(); });
  main.append(
    el('h1', {}, 'Assets'),
    el('div', { class: 'toolbar' }, el('label', {}, 'upload files', file), progress),
    filters,
    el('table', {}, el('thead', {}, el('tr', {}, ...['Asset', 'State', 'Kind', 'Priority', 'Key', 'Size', 'Created'].map((h) => el('th', {}, h)))), body),
    more);
  return every(3, load);
}

function select(name, options) {
  return el('label', {}, name, el('select', { name }, ...options.map((o) => el('option', { value: o }, o || 'any'))));
}

function row(asset) {
  return el('tr', { 'data-asset': asset.assetId },
    el('td', {}, el('a', { href: `#/assets/${asset.assetId}` }, el('code', {}, asset.assetId.slice(0, 8)))),
    el('td', {}, stateBadge(asset.state), asset.failureCategory ? el('span', { class: 'muted' }, ` ${asset.failureCategory}`) : null),
    el('td', {}, asset.kind || ''),
    el('td', {}, asset.priority || ''),
    el('td', {}, asset.sourceKey?.replace(/^uploads\/[0-9a-f-]{36}\//, '') || ''),
    el('td', { class: 'num' }, bytes(asset.sizeBytes)),
    el('td', {}, when(asset.createdAt)));
}
