// /throne: the operator's console. The admin API enforces the admin role; non-admins see a refusal here.
import { api, optionalApi, initPage, el, fmt } from './api.js';
import { genericView } from './view.js';
import { line } from './chart.js';

const $ = (id) => document.getElementById(id);
const me = await initPage();

if (!me?.is_admin) {
  document.querySelectorAll('.admin-only').forEach((n) => n.remove());
  $('refusal').hidden = false;
} else {
  $('halt').addEventListener('click', () => setHalt(true, false));
  $('resume').addEventListener('click', () => setHalt(false, false));
  $('close-all').addEventListener('click', () => setHalt(true, true));
  await Promise.all([loadHalt(), loadHealth(), loadEas(), loadUsers(), loadOptional()]);
  setInterval(() => Promise.all([loadHalt(), loadHealth(), loadEas()]).catch(() => {}), 10_000);
}
$('page').setAttribute('aria-busy', 'false');

async function loadHalt() {
  const h = await api('/api/admin/halt').catch(() => null);
  if (!h) return;
  $('halt-state').textContent = h.halted ? 'HALTED' : 'allowed';
  $('halt-by').textContent = h.changed_by ? `(changed by ${h.changed_by} at ${fmt.time(h.changed_at)})` : '';
}

async function setHalt(halted, closeAll) {
  const question = closeAll
    ? 'HALT all new fires AND ask every terminal to close all BITTEN positions now?'
    : halted ? 'HALT all new fires for every user?' : 'Resume fires?';
  if (!confirm(question)) return;
  await api('/api/admin/halt', { method: 'POST', body: { halted, close_all: closeAll } }).catch(() => null);
  await loadHalt();
}

async function loadHealth() {
  // /healthz answers 503 with the same body when something is unhealthy: read it either way.
  const response = await fetch('/healthz', { headers: { Accept: 'application/json' } }).catch(() => null);
  const health = response ? await response.json().catch(() => null) : null;
  if (!health) {
    $('health').replaceChildren(el('p', { class: 'unavailable' }, 'Health is not available.'));
    return;
  }
  $('health').replaceChildren(
    el('p', {}, `Overall ${health.status} · version ${health.version} · up ${fmt.duration(health.uptime_s)}`),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, 'check'), el('th', {}, 'status'), el('th', {}, 'details'))),
      el('tbody', {}, ...Object.entries(health.checks ?? {}).map(([name, c]) => el('tr', {},
        el('td', {}, name), el('td', { class: c.status === 'Healthy' ? 'pos' : 'neg' }, c.status),
        el('td', { class: 'wrap' }, c.description ?? '',
          c.data ? el('details', {}, el('summary', {}, 'details'), genericView(c.data)) : '')))))));
}

async function loadEas() {
  const eas = await api('/api/admin/eas', { quiet: true }).catch(() => []);
  $('eas').tBodies[0].replaceChildren(...(eas.length ? eas.map((e) => el('tr', {},
    el('td', {}, e.ea_id), el('td', {}, e.user_id ?? '—'),
    el('td', {}, el('span', { class: `badge ${e.online ? 'online' : 'offline'}` }, e.online ? 'online' : 'offline')),
    el('td', { class: 'num' }, fmt.money(e.balance, e.currency ?? '')), el('td', { class: 'num' }, fmt.money(e.equity, e.currency ?? '')),
    el('td', { class: 'num' }, e.positions), el('td', { class: 'num' }, e.ping_ms === null || e.ping_ms === undefined ? '—' : `${e.ping_ms} ms`),
    el('td', {}, fmt.time(e.last_seen))))
    : [el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'No terminal has connected.'))]));
}

async function loadUsers() {
  const list = await optionalApi('/api/admin/users?page_size=200').catch(() => null);
  if (!list) {
    $('users').replaceChildren(el('p', { class: 'unavailable' }, 'The user list is not available on this server yet.'));
    return;
  }
  $('users').replaceChildren(el('p', { class: 'muted' }, `${list.total} users. Tier changes are logged with your name.`),
    el('div', { class: 'table-wrap' }, el('table', { 'data-testid': 'users' },
      el('thead', {}, el('tr', {}, ...['user', 'telegram', 'tier', 'admin', 'active', 'EAs', 'last seen'].map((h) => el('th', {}, h)))),
      el('tbody', {}, ...list.items.map((u) => el('tr', {},
        el('td', {}, `${u.display_name} (#${u.user_id})`), el('td', {}, u.username ? `@${u.username}` : String(u.telegram_id)),
        el('td', {}, tierSelect(u, list.tiers)), el('td', {}, u.is_admin ? 'yes' : ''), el('td', {}, u.active ? 'yes' : 'no'),
        el('td', { class: 'num' }, u.linked_eas), el('td', {}, fmt.time(u.last_seen_at))))))));
}

function tierSelect(user, tiers) {
  const select = el('select', { 'aria-label': `tier of ${user.display_name}` }, ...tiers.map((t) => el('option', { value: t, selected: t === user.tier }, t)));
  select.addEventListener('change', async () => {
    if (!confirm(`Change ${user.display_name}'s tier from ${user.tier} to ${select.value}?`)) {
      select.value = user.tier;
      return;
    }
    const ok = await api(`/api/admin/users/${user.user_id}/tier`, { method: 'PUT', body: { tier: select.value } }).then(() => true, () => false);
    if (ok) user.tier = select.value; else select.value = user.tier;
  });
  return select;
}

async function loadOptional() {
  const show = async (id, path, what, render = genericView) => {
    try {
      const data = await optionalApi(path);
      $(id).replaceChildren(data ? render(data) : el('p', { class: 'unavailable', 'data-testid': `${id}-unavailable` }, `${what} not available on this server yet.`));
    } catch (e) {
      $(id).replaceChildren(el('p', { class: 'unavailable' }, `${what}: ${e.message}`));
    }
  };
  await Promise.all([
    show('thresholds', '/api/admin/thresholds', 'Threshold history is', renderThresholds),
    show('models', '/api/ml/models', 'Model versions are'),
    show('audit', '/api/admin/audit', 'The audit log is'),
  ]);
}

function renderThresholds(data) {
  const items = data.items ?? data;
  const chart = el('div', { class: 'chart-box-wrap short' });
  const ordered = [...items].reverse();
  line(chart, {
    // The value before the first change, then each new value.
    points: (ordered.length ? [ordered[0].previous, ...ordered.map((t) => t.threshold)] : []).map((v, i) => ({ x: i, y: Number(v) })),
    zero: false, digits: 1,
    label: ordered.length ? `Adaptive TCS threshold over ${ordered.length} changes, now ${ordered.at(-1).threshold}` : 'Adaptive threshold: no changes yet',
  });
  return el('div', {}, chart, genericView(items));
}
