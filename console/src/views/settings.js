import { token } from '../api.js';
import { el, notice } from '../dom.js';

/** The bearer token the console sends, for a stack deployed with the JWT authorizer (README, "The console"). */
export function renderSettings(main) {
  const input = el('textarea', { rows: 4, cols: 80, 'data-testid': 'token' });
  input.value = token.get();
  main.append(
    el('h1', {}, 'Sign-in'),
    el('p', { class: 'muted' }, 'A stack deployed with jwtIssuer/jwtAudience wants a token from that issuer (a Cognito ID or access token, '
      + 'say). It is kept in this browser\'s local storage and sent as "Authorization: Bearer …". The local stack needs none.'),
    input,
    el('div', { class: 'toolbar' },
      el('button', { onclick: () => { token.set(input.value.trim()); notice('token saved'); } }, 'Save'),
      el('button', { class: 'secondary', onclick: () => { token.set(''); input.value = ''; notice('token removed'); } }, 'Sign out')),
  );
}
