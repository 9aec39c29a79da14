import { call } from '../api.js';
import { el } from '../dom.js';
import { every } from './refresh.js';

/** Every queue's depth (GET /ops/queues), as numbers and bars, refreshed every 5 s. */
export function renderQueues(main) {
  const body = el('tbody', { 'data-testid': 'queues' });
  main.append(el('h1', {}, 'Queues'),
    el('p', { class: 'muted' }, 'Approximate counts from SQS. The age of the oldest message is a CloudWatch metric (ApproximateAgeOfOldestMessage): '
      + 'see the stack\'s dashboard and alarms.'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Queue', 'Serves', 'Waiting', 'In flight', 'Delayed', 'Dead letters', ''].map((h) => el('th', {}, h)))), body));
  return every(5, async () => {
    const { queues } = await call('GET', '/ops/queues');
    const most = Math.max(1, ...queues.map((q) => (q.visible || 0) + (q.inFlight || 0)));
    body.replaceChildren(...queues.map((q) => el('tr', { 'data-queue': q.name },
      el('td', {}, el('code', {}, q.name)),
      el('td', {}, q.work || el('span', { class: 'muted' }, 'dead letters only')),
      el('td', { class: 'num' }, q.visible ?? ''),
      el('td', { class: 'num' }, q.inFlight ?? ''),
      el('td', { class: 'num' }, q.delayed ?? ''),
      el('td', { class: 'num' }, q.deadLetters ? el('a', { href: '#/dead-letters' }, q.deadLetters) : '0'),
      el('td', {}, el('div', { class: 'bar' }, el('span', { style: `width:${Math.round((100 * ((q.visible || 0) + (q.inFlight || 0))) / most)}%` }))))));
  });
}
