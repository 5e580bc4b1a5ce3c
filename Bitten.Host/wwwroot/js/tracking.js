// /tracking: signal monitoring. Live signals, the per pattern/symbol table with intervals, calibration, cumulative R.
import { api, optionalApi, initPage, el, fmt, showError } from './api.js';
import { calibration, line } from './chart.js';
import { genericView } from './view.js';

const $ = (id) => document.getElementById(id);
const me = await initPage();

if (me) {
  $('period').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  await load();
  setInterval(() => loadSignals(range()).catch(() => {}), 10_000);
}
$('page').setAttribute('aria-busy', 'false');

function range() {
  const form = $('period');
  const q = new URLSearchParams();
  if (form.from.value) q.set('from', `${form.from.value}T00:00:00Z`);
  if (form.to.value) q.set('to', `${form.to.value}T23:59:59Z`);
  return q;
}

async function load() {
  const q = range();
  await Promise.all([loadSignals(q), loadStats(q), loadResolved(q), loadReport(q)]);
}

async function loadSignals(q) {
  const list = await api(`/api/signals?page_size=50&${q}`).catch(() => null);
  const items = list?.items ?? [];
  $('signals').tBodies[0].replaceChildren(...(items.length ? items.map((s) => el('tr', {},
    el('td', { title: fmt.time(s.created_ts_ms) }, fmt.short(s.created_ts_ms)), el('td', {}, s.symbol), el('td', { class: `side-${s.side}` }, s.side), el('td', {}, s.pattern),
    el('td', { class: 'num' }, fmt.num(s.confidence, 1)), el('td', { class: 'num' }, fmt.pct(s.win_probability)),
    el('td', {}, s.status === 'open' ? 'open' : (s.outcome ?? 'resolved').toLowerCase()),
    el('td', { class: 'num' }, s.r_multiple === null ? '—' : fmt.r(s.r_multiple))))
    : [el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'No signals in this period.'))]));
}

async function loadStats(q) {
  const stats = await api(`/api/stats/patterns?${q}`).catch(() => null);
  const rows = stats?.by_pattern_and_symbol ?? [];
  const row = (pattern, symbol, s, cls) => el('tr', { class: cls },
    el('td', {}, pattern), el('td', {}, symbol), el('td', { class: 'num' }, s.count),
    el('td', { class: 'num' }, fmt.pct(s.win_rate)), el('td', {}, `${fmt.pct(s.win_rate_ci95[0])} – ${fmt.pct(s.win_rate_ci95[1])}`),
    el('td', { class: 'num' }, fmt.r(s.average_r)), el('td', { class: 'num' }, s.profit_factor === null ? '—' : fmt.num(s.profit_factor, 2)),
    el('td', { class: 'num' }, fmt.r(s.total_r)));
  const body = rows.map((r) => row(r.pattern, r.symbol, r.stats));
  if (stats?.overall?.count) body.push(row('all', 'all', stats.overall, 'total'));
  $('stats').tBodies[0].replaceChildren(...(body.length ? body : [el('tr', {}, el('td', { colspan: 8, class: 'muted' }, 'No resolved signals in this period.'))]));
}

async function loadResolved(q) {
  // Resolved signals, oldest first, for the calibration bins and the cumulative R curve.
  const resolved = [];
  for (let page = 1; page <= 10; page++) {
    const list = await api(`/api/signals?status=resolved&page_size=500&page=${page}&${q}`, { quiet: true }).catch(() => null);
    if (!list) break;
    resolved.push(...list.items);
    if (resolved.length >= list.total) break;
  }
  resolved.reverse();
  const bins = new Map();
  for (const s of resolved) {
    if (s.outcome !== 'WIN' && s.outcome !== 'LOSS') continue;
    const bin = Math.min(9, Math.floor(Number(s.win_probability) * 10));
    const b = bins.get(bin) ?? { sum: 0, wins: 0, n: 0 };
    b.sum += Number(s.win_probability); b.n += 1; b.wins += s.outcome === 'WIN' ? 1 : 0;
    bins.set(bin, b);
  }
  const points = [...bins.values()].map((b) => ({ predicted: b.sum / b.n, observed: b.wins / b.n, n: b.n }));
  calibration($('calibration'), {
    points,
    label: points.length
      ? `Calibration of ${resolved.length} resolved signals: ${points.map((p) => `predicted ${fmt.pct(p.predicted, 0)} won ${fmt.pct(p.observed, 0)} of ${p.n}`).join('; ')}`
      : 'Calibration: no resolved signals in this period',
  });
  let total = 0;
  const curve = resolved.filter((s) => s.r_multiple !== null).map((s, i) => ({ x: i, y: (total += Number(s.r_multiple)) }));
  line($('equity'), {
    points: curve,
    label: curve.length ? `Cumulative R of all ${curve.length} resolved signals, now ${fmt.r(total)}` : 'Cumulative R of all signals: none resolved in this period',
  });
}

async function loadReport(q) {
  const box = $('report');
  try {
    const report = await optionalApi(`/api/stats/report?${q}`);
    if (!report) {
      box.replaceChildren(el('p', { class: 'unavailable', 'data-testid': 'report-unavailable' }, 'Backtest reports are not available on this server yet.'));
      return;
    }
    box.replaceChildren(genericView(report));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'unavailable' }, `Backtest report: ${e.message}`));
    showError(e.message);
  }
}
