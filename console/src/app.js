// The console's entry: a hash router over the pages. Each page renders into <main> and may return a function that
// stops what it started (a refresh timer, a player) when the operator leaves it.
import { renderAssets } from './views/assets.js';
import { renderAsset } from './views/asset.js';
import { renderQueues } from './views/queues.js';
import { renderDeadLetters } from './views/deadletters.js';
import { renderBreakers } from './views/breakers.js';
import { renderLatency } from './views/latency.js';
import { renderSettings } from './views/settings.js';
import { renderConfig } from './views/config.js';
import { renderPartial } from './views/partial.js';
import { el } from './dom.js';

const routes = [
  [/^#\/assets\/([0-9a-f-]{36})$/, 'assets', (main, m) => renderAsset(main, m[1])],
  [/^#\/assets$/, 'assets', renderAssets],
  [/^#\/queues$/, 'queues', renderQueues],
  [/^#\/dead-letters$/, 'dead-letters', renderDeadLetters],
  [/^#\/partial$/, 'partial', renderPartial],
  [/^#\/breakers$/, 'breakers', renderBreakers],
  [/^#\/latency$/, 'latency', renderLatency],
  [/^#\/config$/, 'config', renderConfig],
  [/^#\/settings$/, 'settings', renderSettings],
];

let leave = null;

function show() {
  const hash = location.hash || '#/assets';
  const main = document.getElementById('page');
  if (leave) leave();
  leave = null;
  main.replaceChildren();
  for (const [pattern, nav, render] of routes) {
    const match = pattern.exec(hash);
    if (match) {
      document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.nav === nav));
      leave = render(main, match) || null;
      return;
    }
  }
  main.append(el('h1', {}, 'Not found'), el('p', {}, el('a', { href: '#/assets' }, 'Back to the assets')));
}

window.addEventListener('hashchange', show);
show();
