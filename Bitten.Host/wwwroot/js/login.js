// /login?code=…: redeems a one-time login code for a bearer token, then opens the war room.
import { applyTelegramTheme, signInWithCode, signInWithTelegram, showError } from './api.js';

applyTelegramTheme();
const state = document.getElementById('login-state');
const params = new URLSearchParams(location.search);
const code = params.get('code') ?? params.get('token');
// The code is single-use: take it out of the address bar and history at once.
history.replaceState(null, '', '/login');
const next = params.get('next');
const target = next && /^\/[a-z]+(\?[\w=&%-]*)?$/i.test(next) ? next : '/me';

const form = document.getElementById('code-form');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  signIn(() => signInWithCode(form.code.value.trim()));
});

if (code) {
  await signIn(() => signInWithCode(code));
} else if (globalThis.Telegram?.WebApp?.initData) {
  await signIn(() => signInWithTelegram(globalThis.Telegram.WebApp.initData));
} else {
  document.getElementById('h-login').textContent = 'Sign in';
  state.textContent = 'Send /login to the BITTEN bot and open its link, or type the code it sent.';
  form.hidden = false;
}

async function signIn(redeem) {
  try {
    await redeem();
    state.textContent = 'Signed in. Opening your war room…';
    location.replace(target);
  } catch (e) {
    document.getElementById('h-login').textContent = 'Sign-in failed';
    state.textContent = e.message;
    form.hidden = false;
    showError(e.message);
  }
}
