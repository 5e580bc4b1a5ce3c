// /me: the war room. Terminals, open positions with live P/L, today's guards, rank, equity curve, settings.
import { api, optionalApi, openStream, initPage, el, fmt } from './api.js';
import { line } from './chart.js';

const $ = (id) => document.getElementById(id);
const me = await initPage();

if (me) {
  await Promise.all([loadAccount(), loadMissions(), loadProgress(), loadEquity(), loadSettings()]);
  $('settings').addEventListener('submit', saveSettings);
  setInterval(() => loadAccount().catch(() => {}), 3000);
  openStream((name) => {
    if (name === 'mission' || name === 'mission_state' || name === 'resync') {
      loadMissions().catch(() => {});
      loadEquity().catch(() => {});
    }
  });
}
$('page').setAttribute('aria-busy', 'false');

async function loadAccount() {
  const [eas, positions, guards] = await Promise.all([
    api('/api/eas', { quiet: true }).catch(() => []),
    api('/api/positions', { quiet: true }).catch(() => []),
    optionalApi('/api/me/guards').catch(() => null),
  ]);
  $('eas').tBodies[0].replaceChildren(...(eas.length ? eas.map((e) => el('tr', {},
    el('td', { class: 'wrap' }, e.ea_id, e.is_default ? ' (default)' : '', e.broker ? el('div', { class: 'muted' }, e.broker) : null),
    el('td', {}, el('span', { class: `badge ${e.online ? 'online' : 'offline'}` }, e.online ? 'online' : 'offline')),
    el('td', { class: 'num' }, fmt.money(e.balance, e.currency ?? '')),
    el('td', { class: 'num' }, fmt.money(e.equity, e.currency ?? ''))))
    : [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No terminal has connected. Link one with /link in the bot.'))]));

  $('positions').tBodies[0].replaceChildren(...(positions.length ? positions.map((p) => el('tr', { 'data-fire': p.fire_id ?? '' },
    el('td', {}, p.symbol, p.bitten ? '' : el('span', { class: 'muted' }, ' (not BITTEN)')),
    el('td', { class: `side-${p.side}` }, p.side),
    el('td', { class: 'num' }, fmt.num(p.volume, 2)),
    el('td', { class: 'num' }, fmt.num(p.open_price, 5)),
    el('td', { class: `num ${Number(p.profit) >= 0 ? 'pos' : 'neg'}`, 'data-testid': 'position-pl' }, fmt.num(p.profit, 2)),
    el('td', {}, p.bitten ? el('button', { type: 'button', class: 'danger', onclick: () => closePosition(p.fire_id) }, 'Close') : '')))
    : [el('tr', {}, el('td', { colspan: 6, class: 'muted' }, 'No open positions.'))]));

  const ea = eas.find((e) => e.is_default) ?? eas[0];
  const rows = [];
  if (ea && ea.start_of_day_equity) {
    const change = Number(ea.equity) - Number(ea.start_of_day_equity);
    rows.push(['today', `${fmt.money(change, ea.currency ?? '')} (${fmt.num((change / Number(ea.start_of_day_equity)) * 100, 2)} %)`]);
  }
  if (guards) {
    rows.push(['loss budget used', `${fmt.num(guards.loss_used_percent, 2)} % of ${fmt.num(guards.loss_cap_percent, 1)} %`]);
    rows.push(['tilt', guards.tilt_blocked_until ? `blocked until ${fmt.time(guards.tilt_blocked_until)}` : `${guards.consecutive_losses} losses in a row (block at ${guards.tilt_losses})`]);
    rows.push(['fires', guards.halted ? 'HALTED by the operator' : 'allowed']);
  } else {
    rows.push(['guards', el('span', { class: 'unavailable' }, 'not available on this server yet')]);
  }
  $('guards').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

async function closePosition(fireId) {
  if (!confirm('Close this position at market?')) return;
  await api(`/api/positions/${encodeURIComponent(fireId)}/close`, { method: 'POST' }).catch(() => null);
  await loadAccount();
}

async function loadMissions() {
  const list = await api('/api/missions?page_size=10', { quiet: true }).catch(() => null);
  const items = list?.items ?? [];
  $('missions').tBodies[0].replaceChildren(...(items.length ? items.map((m) => el('tr', {},
    el('td', { class: 'wrap' }, el('a', { href: `/hud?mission=${encodeURIComponent(m.mission_id)}` }, `${m.symbol} ${m.side} ${m.pattern}`)),
    el('td', {}, m.status),
    el('td', { class: 'num' }, fmt.r(m.expected_value_r))))
    : [el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'No missions yet.'))]));
}

async function loadProgress() {
  const p = await api('/api/me/progress', { quiet: true }).catch(() => null);
  if (!p) {
    $('rank').replaceChildren(el('dt', {}, 'rank'), el('dd', { class: 'unavailable' }, 'not available'));
    return;
  }
  const achievements = Object.keys(p.achievements ?? {});
  $('rank').replaceChildren(
    el('dt', {}, 'rank'), el('dd', { 'data-testid': 'rank' }, p.rank),
    el('dt', {}, 'XP'), el('dd', {}, `${p.xp}`, p.next_rank ? ` · ${p.next_rank} at ${p.next_rank_xp}` : ''),
    el('dt', {}, 'progress'), el('dd', {}, el('progress', { max: 1, value: p.rank_progress ?? 0, 'aria-label': `progress to ${p.next_rank ?? 'the top rank'}` })),
    el('dt', {}, 'tactic'), el('dd', {}, `${p.tactic} · ${p.shots_remaining} shots left today`),
    el('dt', {}, 'streak'), el('dd', {}, `${p.streak_days} days`),
    el('dt', {}, 'achievements'), el('dd', {}, achievements.length ? achievements.join(', ') : 'none yet'));
}

async function loadEquity() {
  const fires = await api('/api/fires?limit=500', { quiet: true }).catch(() => []);
  const closed = fires.filter((f) => f.r_multiple !== null && f.r_multiple !== undefined).reverse();
  let total = 0;
  const points = closed.map((f, i) => ({ x: i, y: (total += Number(f.r_multiple)) }));
  line($('equity'), {
    points,
    label: points.length ? `Your equity curve in R over ${points.length} closed trades, now ${fmt.r(total)}` : 'Your equity curve in R: no closed trades yet',
  });
}

async function loadSettings() {
  const s = await api('/api/me/settings', { quiet: true }).catch(() => null);
  if (!s) return;
  const form = $('settings');
  form.auto_fire.checked = !!s.auto_fire;
  form.risk_percent.value = s.risk_percent ?? '';
  form.min_win_probability.value = s.min_win_probability ?? '';
}

async function saveSettings(event) {
  event.preventDefault();
  const form = event.target;
  const body = {
    auto_fire: form.auto_fire.checked,
    risk_percent: form.risk_percent.value === '' ? null : Number(form.risk_percent.value),
    min_win_probability: form.min_win_probability.value === '' ? null : Number(form.min_win_probability.value),
  };
  const saved = await api('/api/me/settings', { method: 'PATCH', body }).catch(() => null);
  $('settings-saved').textContent = saved ? 'Saved.' : '';
}
