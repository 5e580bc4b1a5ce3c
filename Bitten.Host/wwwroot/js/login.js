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

try {
  if (code) {
    await signInWithCode(code);
  } else if (globalThis.Telegram?.WebApp?.initData) {
    await signInWithTelegram(globalThis.Telegram.WebApp.initData);
  } else {
    throw new Error('This page needs a login link. Send /login to the BITTEN bot for one.');
  }
  state.textContent = 'Signed in. Opening your war room…';
  location.replace(target);
} catch (e) {
  document.getElementById('h-login').textContent = 'Sign-in failed';
  state.textContent = e.message;
  showError(e.message);
}
