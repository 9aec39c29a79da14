import { call } from '../api.js';
import { el, millis } from '../dom.js';
import { every } from './refresh.js';

/**
 * Every queue's depth (GET /ops/queues), as numbers and bars, and the asset that has waited longest in each work
 * queue (from the assets' records: SQS itself only reports the age of the oldest message to CloudWatch), every 5 s.
 */
export function renderQueues(main) {
  const body = el('tbody', { 'data-testid': 'queues' });
  const partial = el('p', { class: 'muted', hidden: true }, 'More assets wait than were read: the oldest waiting shown is among the newest queued.');
  main.append(el('h1', {}, 'Queues'),
    el('p', { class: 'muted' }, 'Approximate counts from SQS. "Oldest waiting" is the asset queued longest ago for that queue, from the '
      + 'assets\' records (the CloudWatch metric ApproximateAgeOfOldestMessage is on the stack\'s dashboard and alarms).'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Queue', 'Serves', 'Waiting', 'In flight', 'Delayed', 'Oldest waiting', 'Dead letters', '']
      .map((h) => el('th', {}, h)))), body), partial);
  return every(5, async () => {
    const { queues, waitingAllRead } = await call('GET', '/ops/queues');
    partial.hidden = waitingAllRead;
    const most = Math.max(1, ...queues.map((q) => (q.visible || 0) + (q.inFlight || 0)));
    body.replaceChildren(...queues.map((q) => el('tr', { 'data-queue': q.name },
      el('td', {}, el('code', {}, q.name)),
      el('td', {}, q.work || el('span', { class: 'muted' }, 'dead letters only')),
      el('td', { class: 'num' }, q.visible ?? ''),
      el('td', { class: 'num' }, q.inFlight ?? ''),
      el('td', { class: 'num' }, q.delayed ?? ''),
      el('td', { 'data-oldest-waiting': q.oldestWaiting ? q.oldestWaiting.assetId : '' }, q.oldestWaiting
        ? el('a', { href: `#/assets/${q.oldestWaiting.assetId}`, title: `queued since ${q.oldestWaiting.since}` }, millis(q.oldestWaiting.ageSeconds * 1000))
        : ''),
      el('td', { class: 'num' }, q.deadLetters ? el('a', { href: '#/dead-letters' }, q.deadLetters) : '0'),
      el('td', {}, el('div', { class: 'bar' }, el('span', { style: `width:${Math.round((100 * ((q.visible || 0) + (q.inFlight || 0))) / most)}%` }))))));
  });
}
