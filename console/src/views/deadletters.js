import { call } from '../api.js';
import { el, notice } from '../dom.js';

/**
 * The dead letters of every queue, grouped by failure category (GET /ops/dead-letters), and redrive buttons for a
 * whole queue, a category or one message (POST /ops/dead-letters/redrive). Not refreshed by itself: SQS cannot
 * peek, so each look receives every dead letter and releases it; "Refresh" looks again.
 */
export function renderDeadLetters(main) {
  const list = el('div', { 'data-testid': 'dead-letters' }, el('p', { class: 'muted' }, 'Reading the dead-letter queues…'));
  const load = async () => {
    try {
      const { deadLetterQueues } = await call('GET', '/ops/dead-letters');
      list.replaceChildren(...(deadLetterQueues.length ? deadLetterQueues.map((q) => queue(q, load))
        : [el('p', { 'data-testid': 'no-dead-letters' }, 'No dead letters. Nothing is waiting for an operator.')]));
    } catch (e) {
      notice(e.message, true);
    }
  };
  main.append(el('h1', {}, 'Dead letters'), el('div', { class: 'toolbar' }, el('button', { class: 'secondary', onclick: load }, 'Refresh')), list);
  load();
}

function queue(q, reload) {
  const redrive = async (what, body) => {
    try {
      const moved = await call('POST', '/ops/dead-letters/redrive', { sourceQueue: q.sourceQueue, ...body });
      notice(`${what}: ${moved.moved} redriven, ${moved.left} left, ${moved.failed} could not be moved`, moved.failed > 0);
    } catch (e) {
      notice(`${what}: ${e.message}`, true);
    }
    reload();
  };
  return el('section', { 'data-source-queue': q.sourceQueue },
    el('h2', {}, `${q.sourceQueue} — ${q.depth} dead letter${q.depth === 1 ? '' : 's'}`,
      listedCount(q) < q.depth ? ` (the first ${listedCount(q)} listed) ` : ' ',
      el('button', { class: 'secondary', onclick: () => redrive(`redrive ${q.sourceQueue}`, {}) }, 'Redrive all')),
    ...q.categories.map((c) => el('div', { 'data-category': c.category },
      el('h3', {}, `${c.category} (${c.letters.length}) `,
        el('button', { class: 'secondary', onclick: () => redrive(`redrive ${c.category}`, { category: c.category }) }, `Redrive ${c.category}`)),
      el('table', {}, el('thead', {}, el('tr', {}, ...['Message', 'Asset', 'Attempts', 'Reason', ''].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...c.letters.map((l) => el('tr', { 'data-message': l.messageId },
          el('td', {}, el('code', {}, l.messageId.slice(0, 8))),
          el('td', {}, l.assetId ? el('a', { href: `#/assets/${l.assetId}` }, el('code', {}, l.assetId.slice(0, 8))) : '—'),
          el('td', { class: 'num' }, l.attempts),
          el('td', {}, l.reason, l.triaged ? '' : el('span', { class: 'muted' }, ' (not triaged yet)')),
          el('td', {}, el('button', { 'data-testid': 'redrive-message', onclick: () => redrive('redrive', { messageIds: [l.messageId] }) }, 'Redrive')))))))));
}

function listedCount(q) {
  return q.categories.reduce((sum, c) => sum + c.letters.length, 0);
}
