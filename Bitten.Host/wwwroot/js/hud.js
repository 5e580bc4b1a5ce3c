// /hud?mission=<id>: the mission briefing, the FIRE button and the fire's progress, live.
import { api, optionalApi, openStream, initPage, showError, clearError, el, fmt } from './api.js';
import { candles } from './chart.js';

const $ = (id) => document.getElementById(id);
const page = $('page');
const me = await initPage();
// From a link (/hud?mission=…) or a Mini App deep link (startapp=mission_<id>).
const startParam = globalThis.Telegram?.WebApp?.initDataUnsafe?.start_param ?? '';
const missionId = new URLSearchParams(location.search).get('mission') ?? (startParam.startsWith('mission_') ? startParam.slice(8) : null);

let detail = null;      // GET /api/missions/{id}
let signal = null;      // GET /api/signals/{id} (components, shield reasons, key levels)
let eas = [];           // GET /api/eas
let fire = null;        // GET /api/fires/{id} (timeline)
let deadline = null;    // performance.now() at expiry: immune to a skewed device clock
let firing = false;

if (!me) {
  page.setAttribute('aria-busy', 'false');
} else if (!missionId) {
  const latest = await api('/api/missions?status=pending&page_size=1').catch(() => null);
  if (latest?.items?.length) location.replace(`/hud?mission=${encodeURIComponent(latest.items[0].mission_id)}`);
  else showError('No mission selected, and you have no pending mission. Missions arrive with each signal.');
  page.setAttribute('aria-busy', 'false');
} else {
  await start();
}

async function start() {
  try {
    await reload();
  } catch {
    page.setAttribute('aria-busy', 'false');
    return;
  }
  const m = detail.mission;
  const [sig, bars, stats] = await Promise.all([
    optionalApi(`/api/signals/${encodeURIComponent(m.signal_id)}`).catch(() => null),
    api(`/api/market/${encodeURIComponent(m.symbol)}/bars?tf=M5&count=60`, { quiet: true }).catch(() => null),
    api('/api/stats/patterns', { quiet: true }).catch(() => null),
  ]);
  signal = sig;
  renderScore();
  renderRecord(stats);
  renderChart(bars);
  page.setAttribute('aria-busy', 'false');
  $('fire').addEventListener('click', onFire);
  $('skip').addEventListener('click', onSkip);
  setInterval(tick, 250);
  setInterval(() => reload().catch(() => {}), 3000);
  openStream((name, data) => {
    if (name === 'mission_state' && data?.mission_id === missionId) reload().catch(() => {});
    if (name === 'resync') reload().catch(() => {});
  });
}

async function reload() {
  const [d, e] = await Promise.all([
    api(`/api/missions/${encodeURIComponent(missionId)}`),
    api('/api/eas', { quiet: true }).catch(() => []),
  ]);
  detail = d;
  eas = e ?? [];
  deadline = performance.now() + (d.mission.seconds_to_expiry ?? 0) * 1000;
  const fireId = d.mission.fire_id;
  if (fireId) fire = await api(`/api/fires/${encodeURIComponent(fireId)}`, { quiet: true }).catch(() => fire);
  render();
}

function digits() {
  const entry = String(detail?.mission?.entry ?? '');
  const dot = entry.indexOf('.');
  return dot < 0 ? 2 : Math.min(5, Math.max(2, entry.length - dot - 1));
}

function facts(target, rows) {
  target.replaceChildren(...rows.flatMap(([k, v, testId]) => [el('dt', {}, k), el('dd', { 'data-testid': testId }, v)]));
}

function render() {
  const { mission: m, signal: s, sizing, live, result } = detail;
  $('title').replaceChildren(el('span', {}, `${m.symbol} `), el('span', { class: `side-${m.side}` }, m.side));
  document.title = `${m.symbol} ${m.side} · BITTEN`;
  $('subtitle').textContent = `${m.pattern} · ${s.timeframe} · ${s.session} session · ${s.signal_class} · mission ${m.mission_id}`;
  $('status').textContent = m.status;
  const d = digits();
  $('live').textContent = live ? `${fmt.price(live.bid, d)} / ${fmt.price(live.ask, d)}${live.stale ? ' (stale)' : ''}` : 'no live price';
  facts($('trade'), [
    ['entry', fmt.price(m.entry, d)],
    ['stop', `${fmt.price(m.sl, d)} (${fmt.num(s.stop_pips, 1)} pips)`],
    ['target', `${fmt.price(m.tp, d)} (${fmt.num(s.target_pips, 1)} pips)`],
    ['reward : risk', fmt.num(s.risk_reward, 2)],
    ['volume', m.volume === null ? '—' : `${fmt.num(m.volume, 2)} lots`, 'volume'],
    ['risk', `${fmt.money(m.risk_money, m.currency ?? '')} (${fmt.num(m.risk_percent, 2)} %)`, 'risk-money'],
    ['reward', fmt.money(m.reward_money, m.currency ?? ''), 'reward-money'],
    ['balance', fmt.money(sizing?.balance, m.currency ?? '')],
  ]);
  renderFireButton();
  renderSteps();
  renderResult(result);
}

function refusalReason() {
  const m = detail.mission;
  if (m.status !== 'PENDING') {
    return m.status === 'VIEW_ONLY' ? (m.not_fireable?.reason ?? 'this mission is view-only') : `this mission is ${m.status.toLowerCase()}`;
  }
  if (!m.fireable) return m.not_fireable?.reason ?? 'you may not fire this mission';
  if (deadline !== null && performance.now() >= deadline) return 'the mission has expired';
  if (eas.length > 0 && !eas.some((e) => e.online)) return 'your terminal (EA) is offline: start MetaTrader with the BITTEN EA';
  if (eas.length === 0) return 'no terminal of yours is connected';
  return null;
}

function renderFireButton() {
  const reason = refusalReason();
  const button = $('fire');
  button.disabled = firing || reason !== null;
  const refusal = $('fire-refusal');
  const m = detail.mission;
  const showReason = reason !== null && !m.fire_id;
  refusal.hidden = !showReason;
  if (showReason) refusal.textContent = `Cannot fire: ${reason}.`;
  button.setAttribute('aria-describedby', showReason ? 'fire-refusal' : '');
  $('skip').hidden = m.status !== 'PENDING';
}

function tick() {
  if (!detail) return;
  const m = detail.mission;
  const left = m.status === 'PENDING' && deadline !== null ? (deadline - performance.now()) / 1000 : 0;
  $('countdown').textContent = m.status === 'PENDING' ? fmt.duration(left) : '—';
  if (m.status === 'PENDING') renderFireButton();
}

async function onFire() {
  firing = true;
  renderFireButton();
  clearError();
  try {
    const answer = await api(`/api/missions/${encodeURIComponent(missionId)}/fire`, { method: 'POST', quiet: true });
    detail.mission.fire_id = answer.fire_id;
    detail.mission.status = 'FIRING';
  } catch (e) {
    const refusal = $('fire-refusal');
    refusal.hidden = false;
    refusal.textContent = `Fire refused: ${e.message}`;
  } finally {
    firing = false;
    await reload().catch(() => {});
  }
}

async function onSkip() {
  await api(`/api/missions/${encodeURIComponent(missionId)}/skip`, { method: 'POST' }).catch(() => null);
  await reload().catch(() => {});
}

function renderSteps() {
  const m = detail.mission;
  const steps = [
    { name: 'signal', at: detail.signal.created_ts_ms },
    { name: 'alert', at: m.created_ts_ms },
  ];
  const timeline = fire?.timeline ?? [];
  const at = (status) => {
    const e = timeline.find((t) => t.status === status);
    return e ? Date.parse(e.at) : null;
  };
  const fail = timeline.find((t) => ['REJECTED', 'FAILED', 'UNCONFIRMED'].includes(t.status));
  if (m.fire_id || timeline.length) {
    steps.push({ name: 'fire (queued)', at: at('QUEUED') });
    steps.push({ name: 'EA (sent)', at: at('SENT') });
    if (fail) steps.push({ name: fail.status.toLowerCase(), at: Date.parse(fail.at), failed: true, detail: fail.detail });
    else steps.push({ name: 'filled', at: at('FILLED'), detail: fire?.fire?.fill_price ? `at ${fmt.price(fire.fire.fill_price, digits())}` : null });
    if (at('CLOSED')) steps.push({ name: 'closed', at: at('CLOSED') });
  }
  let previous = null;
  $('steps').replaceChildren(...steps.map((step) => {
    const latency = step.at !== null && previous !== null ? `+${Math.max(0, Math.round(step.at - previous))} ms` : '';
    if (step.at !== null) previous = step.at;
    const cls = step.failed ? 'failed' : step.at !== null ? 'done' : '';
    return el('li', { class: cls, 'data-step': step.name },
      el('span', {}, step.name, step.detail ? ` — ${step.detail}` : ''),
      el('span', { class: 'num', title: 'time since the previous step' }, step.at === null ? 'waiting' : latency || fmt.time(step.at)));
  }));
}

function renderResult(result) {
  const box = $('result');
  const m = detail.mission;
  if (m.status === 'CLOSED' && result) {
    box.replaceChildren(
      el('h2', {}, 'Result'),
      el('p', { 'data-testid': 'result' }, `${result.trade_result} · ${fmt.r(result.r_multiple)} · ${fmt.money(result.profit, m.currency ?? '')}`),
      el('p', {}, 'How did you trade it? ', el('a', { href: `/notebook?fire=${encodeURIComponent(m.fire_id ?? '')}` }, 'Write it in your notebook')));
  } else if (result?.fill_price) {
    box.replaceChildren(el('p', { class: 'muted' }, `Filled ${fmt.num(result.filled_volume, 2)} lots at ${fmt.price(result.fill_price, digits())}.`));
  } else if (m.status_reason && ['REJECTED', 'FAILED', 'UNCONFIRMED', 'EXPIRED'].includes(m.status)) {
    box.replaceChildren(el('p', { class: 'refusal' }, m.status_reason));
  } else {
    box.replaceChildren();
  }
}

function renderScore() {
  const m = detail.mission;
  const s = detail.signal;
  facts($('score'), [
    ['TCS', fmt.num(m.confidence, 1), 'tcs'],
    ['CITADEL shield', `${s.shield_class} (${fmt.num(s.shield_score, 0)}, ×${fmt.num(m.shield_multiplier, 2)} size)`, 'shield'],
    ['win probability', fmt.pct(m.win_probability), 'win-probability'],
    ['expected value', fmt.r(m.expected_value_r), 'ev'],
    ['model', signal?.signal?.model_version ?? 'prior (no model)'],
  ]);
  const rows = (items) => (Array.isArray(items) && items.length
    ? items.map((c) => el('tr', {}, el('td', {}, c.name), el('td', { class: 'num' }, fmt.num(c.points, 1)), el('td', { class: 'wrap' }, c.reason ?? '')))
    : [el('tr', {}, el('td', { colspan: 3, class: 'unavailable' }, signal ? 'none' : 'The signal details are not available.'))]);
  $('components').tBodies[0].replaceChildren(...rows(signal?.components));
  $('shield').tBodies[0].replaceChildren(...rows(signal?.shield_reasons));
}

function renderRecord(stats) {
  const m = detail.mission;
  const pair = stats?.by_pattern_and_symbol?.find((r) => r.pattern === m.pattern && r.symbol === m.symbol)?.stats;
  const all = stats?.by_pattern?.find((r) => r.pattern === m.pattern)?.stats;
  const line = (st) => (st && st.count > 0
    ? `${fmt.pct(st.win_rate)} (95 % ${fmt.pct(st.win_rate_ci95[0])}–${fmt.pct(st.win_rate_ci95[1])}), n = ${st.count}, avg ${fmt.r(st.average_r)}`
    : 'no resolved signals yet');
  facts($('record'), [
    [`${m.pattern} on ${m.symbol}`, stats ? line(pair) : 'not available', 'record'],
    [`${m.pattern}, all symbols`, stats ? line(all) : 'not available'],
  ]);
}

function renderChart(barsAnswer) {
  const m = detail.mission;
  const d = barsAnswer?.digits ?? digits();
  const lines = [
    { price: m.entry, label: 'entry', kind: 'entry' },
    { price: m.sl, label: 'stop', kind: 'sl' },
    { price: m.tp, label: 'target', kind: 'tp' },
    ...(signal?.context?.key_levels ?? []).map((k) => ({ price: k.price, label: k.name, kind: 'level' })),
  ];
  const bars = barsAnswer?.bars ?? [];
  candles($('chart'), {
    bars, lines, digits: d,
    label: `${m.symbol} M5 chart: ${bars.length} recent candles with entry ${fmt.price(m.entry, d)}, stop ${fmt.price(m.sl, d)} and target ${fmt.price(m.tp, d)}` +
      (lines.length > 3 ? ` and ${lines.length - 3} key levels` : ''),
  });
}
