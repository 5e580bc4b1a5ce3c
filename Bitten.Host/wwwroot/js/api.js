// BITTEN web HUD: sign-in, the JSON API and the live stream. No dependencies, no build step.
// The bearer token lives in sessionStorage inside Telegram's webview and in localStorage in a browser;
// it is sent only in the Authorization header, never in a URL.

const STORE_KEY = 'bitten.auth';
const tg = globalThis.Telegram?.WebApp;

function store() {
  return tg?.initData ? sessionStorage : localStorage;
}

export function savedAuth() {
  try {
    return JSON.parse(store().getItem(STORE_KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function saveAuth(token) {
  const auth = {
    access: token.accessToken,
    refresh: token.refreshToken,
    expiresAt: Date.now() + (Number(token.expiresIn) || 3600) * 1000,
  };
  store().setItem(STORE_KEY, JSON.stringify(auth));
  return auth;
}

export function signOut() {
  store().removeItem(STORE_KEY);
}

/** Telegram Mini App: follow its theme colours and tell it we are ready. Safe without Telegram. */
export function applyTelegramTheme() {
  if (!tg) return;
  const p = tg.themeParams ?? {};
  const map = {
    bg_color: '--bg', text_color: '--fg', hint_color: '--muted', link_color: '--link',
    button_color: '--accent', button_text_color: '--accent-fg', secondary_bg_color: '--panel',
  };
  for (const [key, variable] of Object.entries(map)) {
    if (typeof p[key] === 'string' && /^#[0-9a-f]{3,8}$/i.test(p[key])) {
      document.documentElement.style.setProperty(variable, p[key]);
    }
  }
  document.documentElement.classList.add('telegram');
  try { tg.ready?.(); tg.expand?.(); } catch { /* older clients */ }
}

/** Shows a message in the page's alert region (role=alert). */
export function showError(message) {
  const box = document.getElementById('errors');
  if (!box) return;
  const line = document.createElement('p');
  line.textContent = message;
  box.replaceChildren(line);
  box.hidden = false;
}

export function clearError() {
  const box = document.getElementById('errors');
  if (box) { box.hidden = true; box.replaceChildren(); }
}

export class ApiError extends Error {
  constructor(status, title, detail, body) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.body = body;
  }
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, json?.title, json?.detail, json);
  return json;
}

/** Signs in with Telegram's initData (Mini App). */
export async function signInWithTelegram(initData) {
  return saveAuth(await post('/api/auth/telegram', { init_data: initData }));
}

/** Redeems a one-time login code (from the bot's /login, or the demo line the server prints). */
export async function signInWithCode(code) {
  return saveAuth(await post('/api/auth/login-link', { code }));
}

async function refresh(auth) {
  if (!auth?.refresh) return null;
  try {
    return saveAuth(await post('/api/auth/refresh', { refresh_token: auth.refresh }));
  } catch {
    return null;
  }
}

/** A usable token: the saved one, a refreshed one, or a Telegram sign-in. Null when the user must sign in. */
export async function ensureAuth() {
  let auth = savedAuth();
  if (auth && auth.expiresAt - Date.now() > 30_000) return auth;
  auth = await refresh(auth);
  if (auth) return auth;
  if (tg?.initData) return signInWithTelegram(tg.initData);
  return null;
}

/** fetch() against the API with the bearer token; throws ApiError with the server's ProblemDetails. */
export async function api(path, { method = 'GET', body, quiet = false } = {}) {
  let auth = await ensureAuth();
  if (!auth) {
    const error = new ApiError(401, 'Not signed in', 'You are not signed in. Open BITTEN from the Telegram bot, or send /login to the bot for a login link.');
    if (!quiet) showError(error.message);
    throw error;
  }

  const send = (token) => fetch(path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  let response;
  try {
    response = await send(auth.access);
    if (response.status === 401 && (auth = await refresh(auth))) response = await send(auth.access);
  } catch (e) {
    const error = new ApiError(0, 'Network error', `The server could not be reached (${e.message}).`);
    if (!quiet) showError(error.message);
    throw error;
  }

  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    const detail = json?.detail ?? (json?.errors ? Object.values(json.errors).flat().join(' ') : null);
    const error = new ApiError(response.status, json?.title, detail ?? `${method} ${path} answered ${response.status}.`, json);
    if (!quiet) showError(error.message);
    throw error;
  }

  return json;
}

/** Like api(), but a 404 answers null: for endpoints that a server may not have yet. */
export async function optionalApi(path) {
  try {
    return await api(path, { quiet: true });
  } catch (e) {
    if (e.status === 404 || e.status === 405) return null;
    throw e;
  }
}

/**
 * The live stream (/api/stream, Server-Sent Events) read with fetch(), so the token travels in the
 * Authorization header (EventSource cannot send one, and a token in a URL ends up in logs).
 * Reconnects with Last-Event-ID. Returns a function that stops it.
 */
export function openStream(onEvent, { onState } = {}) {
  let stopped = false;
  let lastId = null;
  let controller = null;
  let delay = 1000;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const auth = await ensureAuth();
        if (!auth) return;
        const headers = { Authorization: `Bearer ${auth.access}`, Accept: 'text/event-stream' };
        if (lastId !== null) headers['Last-Event-ID'] = lastId;
        const response = await fetch('/api/stream', { headers, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onState?.('live');
        delay = 1000;
        await readEvents(response.body, (event) => {
          if (event.id) lastId = event.id;
          if (event.retry) delay = event.retry;
          if (event.name) onEvent(event.name, event.data);
        });
      } catch (e) {
        if (stopped || e.name === 'AbortError') return;
      }
      onState?.('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }

  run();
  return () => { stopped = true; controller?.abort(); };
}

async function readEvents(body, emit) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { name: null, data: '', id: null, retry: null };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.name = val;
        else if (field === 'data') event.data += (event.data ? '\n' : '') + val;
        else if (field === 'id') event.id = val;
        else if (field === 'retry') event.retry = Number(val) || null;
      }
      if (event.name) {
        try { event.data = event.data ? JSON.parse(event.data) : null; } catch { /* keep the text */ }
      }
      emit(event);
    }
  }
}

// ---- small DOM and number helpers shared by the pages ----

/** Creates an element: el('td', {class: 'num'}, 'text', child). Text is always text, never HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const fmt = {
  num(value, digits = 2) {
    if (value === null || value === undefined || Number.isNaN(Number(value))) return '—';
    return Number(value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  },
  price(value, digits = 5) { return fmt.num(value, digits); },
  pct(value, digits = 1) {
    return value === null || value === undefined ? '—' : `${(Number(value) * 100).toFixed(digits)} %`;
  },
  money(value, currency = '') {
    return value === null || value === undefined ? '—' : `${fmt.num(value, 2)}${currency ? ' ' + currency : ''}`;
  },
  r(value) {
    return value === null || value === undefined ? '—' : `${Number(value) >= 0 ? '+' : ''}${Number(value).toFixed(2)} R`;
  },
  time(value) {
    if (value === null || value === undefined) return '—';
    const d = typeof value === 'number' ? new Date(value) : new Date(value);
    return Number.isNaN(d.getTime()) ? '—' : d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  },
  /** Short form for tables: MM-DD HH:MM (UTC). */
  short(value) {
    if (value === null || value === undefined) return '—';
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? '—' : d.toISOString().slice(5, 16).replace('T', ' ');
  },
  duration(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  },
};

/** Marks the current page's nav link and shows the admin link to admins. */
export async function initPage() {
  applyTelegramTheme();
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
  }
  const auth = await ensureAuth().catch((e) => { showError(e.message); return null; });
  if (!auth) {
    showError('You are not signed in. Open BITTEN from the Telegram bot, or send /login to the bot for a login link.');
    return null;
  }
  const me = await api('/api/me').catch(() => null);
  if (me) {
    const who = document.getElementById('who');
    if (who) who.textContent = `${me.display_name} · ${me.tier}${me.is_admin ? ' · admin' : ''}`;
    if (me.is_admin) document.querySelectorAll('[data-admin]').forEach((n) => { n.hidden = false; });
  }
  return me;
}
