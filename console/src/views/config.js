import { call } from '../api.js';
import { el, notice, when } from '../dom.js';
import { lineDiff } from './linediff.js';

/**
 * The configuration editor (/ops/config/{document}): the serving version in an editor that validates as you type,
 * the dry-run effect of the edit (which recent assets the rules would route differently, which profiles change),
 * publishing it as a new version without a deploy, and the version history with a diff against the editor and rollback.
 */
export function renderConfig(main) {
  const documentSelect = el('select', { 'data-testid': 'config-document' },
    el('option', { value: 'routing-rules' }, 'routing rules'), el('option', { value: 'profiles' }, 'profiles'));
  const editor = el('textarea', { rows: 24, cols: 100, spellcheck: 'false', 'data-testid': 'config-editor', style: 'font-family: monospace; width: 100%' });
  const verdict = el('div', { 'data-testid': 'config-verdict' });
  const publish = el('button', { disabled: true, 'data-testid': 'config-publish' }, 'Publish as a new version');
  const dryRun = el('button', { class: 'secondary', 'data-testid': 'config-diff' }, 'Dry run');
  const effect = el('div', { 'data-testid': 'config-effect' });
  const history = el('tbody', { 'data-testid': 'config-history' });
  const compare = el('pre', { 'data-testid': 'config-compare', style: 'background:#fff;border:1px solid var(--line);padding:.5rem;max-height:20rem;overflow:auto' });
  let timer = null;
  let serial = 0;
  const doc = () => documentSelect.value;

  const validate = async () => {
    const mine = ++serial;
    const answer = await call('POST', `/ops/config/${doc()}/validate`, undefined, editor.value);
    if (mine !== serial) return; // a newer keystroke's answer is on its way
    publish.disabled = !answer.valid;
    verdict.replaceChildren(answer.valid
      ? el('p', { class: 'muted', 'data-valid': 'true' }, `valid: ${answer.summary}`)
      : el('div', { class: 'failure', 'data-valid': 'false' }, el('strong', {}, `${answer.problems.length} problem${answer.problems.length === 1 ? '' : 's'}`),
        el('ul', {}, ...answer.problems.map((p) => el('li', {}, p)))));
  };

  const load = async () => {
    const view = await call('GET', `/ops/config/${doc()}`);
    editor.value = view.text;
    effect.replaceChildren();
    compare.textContent = '';
    history.replaceChildren(...view.history.map((v) => el('tr', { 'data-version': v.version },
      el('td', { class: 'num' }, v.version),
      el('td', {}, when(v.at)),
      el('td', {}, v.note || v.by || ''),
      el('td', {}, v.summary, v.serving ? el('span', { class: 'state READY' }, ' serving') : v.refused ? el('span', { class: 'state FAILED' }, ' refused') : ''),
      el('td', {},
        el('button', { class: 'secondary', onclick: () => showDiff(v) }, 'Diff with editor'), ' ',
        el('button', { class: 'secondary', disabled: v.serving, 'data-testid': 'config-rollback', onclick: () => rollback(v.version) }, 'Roll back to this')))));
    // the serving text as it is: nothing to publish until it is edited (a new version must differ and raise its version)
    const serving = view.history.find((v) => v.serving);
    publish.disabled = true;
    verdict.replaceChildren(el('p', { class: 'muted', 'data-valid': 'serving' },
      `serving: version ${view.serving}${serving ? ` (${serving.summary})` : ''}; edit it to make the next version`));
  };

  const showDiff = (version) => {
    compare.replaceChildren(...lineDiff(version.text, editor.value).filter((d, i, all) => d.op !== ' ' || near(all, i))
      .map((d) => el('div', { style: d.op === '+' ? 'background:#e6f4ea' : d.op === '-' ? 'background:#fde8e8' : '' }, `${d.op} ${d.line}`)));
    if (!compare.childElementCount) compare.textContent = `version ${version.version} and the editor are the same`;
  };

  const rollback = async (version) => {
    try {
      const answer = await call('POST', `/ops/config/${doc()}/rollback`, { version });
      notice(`rolled back: ${answer.result} version ${answer.version} (${answer.message})`);
      await load();
    } catch (e) {
      notice(`rollback: ${e.message}`, true);
    }
  };

  dryRun.addEventListener('click', async () => {
    try {
      const answer = await call('POST', `/ops/config/${doc()}/diff`, undefined, editor.value);
      effect.replaceChildren(doc() === 'routing-rules'
        ? el('div', {}, el('p', {}, `${answer.changes.length} of the ${answer.considered} newest assets would route differently`),
          answer.changes.length ? el('table', {}, el('thead', {}, el('tr', {}, ...['Asset', 'Key', 'Now', 'With the edit'].map((h) => el('th', {}, h)))),
            el('tbody', {}, ...answer.changes.map((c) => el('tr', { 'data-asset': c.assetId }, el('td', {}, el('a', { href: `#/assets/${c.assetId}` }, el('code', {}, c.assetId.slice(0, 8)))),
              el('td', {}, c.key), el('td', {}, c.before), el('td', {}, c.after))))) : null)
        : el('div', {}, el('p', {}, `${answer.profiles.length} profile${answer.profiles.length === 1 ? '' : 's'} change`),
          el('ul', {}, ...answer.profiles.map((p) => el('li', {}, `${p.profile}: ${p.before ? `v${p.before}` : '(new)'} → ${p.after ? `v${p.after}` : '(removed)'}`)))));
    } catch (e) {
      notice(`dry run: ${e.message}`, true);
    }
  });

  publish.addEventListener('click', async () => {
    try {
      const answer = await call('PUT', `/ops/config/${doc()}`, undefined, editor.value);
      notice(`${answer.result}: version ${answer.version} (${answer.message})`);
      await load();
    } catch (e) {
      notice(`publish: ${e.message}`, true);
    }
  });

  editor.addEventListener('input', () => {
    publish.disabled = true;
    clearTimeout(timer);
    timer = setTimeout(() => validate().catch((e) => notice(e.message, true)), 400);
  });
  documentSelect.addEventListener('change', () => load().catch((e) => notice(e.message, true)));

  main.append(el('h1', {}, 'Configuration'),
    el('p', { class: 'muted' }, 'What the functions serve, as data (SSM parameters). A published version is used within a minute, without a deploy; '
      + 'the same checks as ./scripts/config apply (README, "Configuration as data").'),
    el('div', { class: 'toolbar' }, el('label', {}, 'document', documentSelect), dryRun, publish),
    verdict, editor, effect,
    el('h2', {}, 'Versions'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Version', 'Written', 'By', 'Summary', ''].map((h) => el('th', {}, h)))), history),
    compare);
  load().catch((e) => notice(e.message, true));
  return () => clearTimeout(timer);
}

function near(all, index) {
  for (let k = Math.max(0, index - 2); k <= Math.min(all.length - 1, index + 2); k++) {
    if (all[k].op !== ' ') return true;
  }
  return false;
}
