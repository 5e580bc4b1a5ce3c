// BITTEN charts: small SVG charts with no dependencies. Every chart is an <svg role="img"> with an
// aria-label that says what it shows in words, and a <title> for pointer users. The viewBox scales
// with its container, so charts fit a phone's width without layout jumps.

const NS = 'http://www.w3.org/2000/svg';
const W = 640;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(container, label, height) {
  const root = svg('svg', { viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-label': label, class: 'chart'});
  root.append(svg('title', {}, label));
  container.replaceChildren(root);
  return root;
}

function scale(min, max, from, to) {
  const span = max - min || 1;
  return (v) => from + ((v - min) / span) * (to - from);
}

function empty(root, height, message) {
  root.append(svg('text', { x: W / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty' }, message));
}

function axisLabels(root, y, min, max, digits, left, height, pad) {
  for (const v of [min, (min + max) / 2, max]) {
    root.append(svg('text', { x: W - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-axis' }, v.toFixed(digits)));
  }
  root.append(svg('line', { x1: left, x2: left, y1: pad, y2: height - pad, class: 'chart-grid' }));
}

/**
 * Candles with horizontal overlay lines (entry, stop, target, key levels).
 * bars: [{t,o,h,l,c}], lines: [{price, label, kind: 'entry'|'sl'|'tp'|'level'|'live'}].
 */
export function candles(container, { bars = [], lines = [], digits = 5, label, height = 280 }) {
  const root = frame(container, label, height);
  const prices = [...bars.flatMap((b) => [Number(b.h), Number(b.l)]), ...lines.map((l) => Number(l.price))].filter(Number.isFinite);
  if (prices.length === 0) {
    empty(root, height, 'No bars yet');
    return root;
  }
  const pad = 12;
  const right = W - 80;
  let min = Math.min(...prices);
  let max = Math.max(...prices);
  const margin = (max - min || Math.abs(max) * 0.001 || 1) * 0.06;
  min -= margin; max += margin;
  const y = scale(min, max, height - pad, pad);
  axisLabels(root, y, min, max, digits, 0, height, pad);
  const step = bars.length ? (right - 8) / bars.length : 0;
  bars.forEach((b, i) => {
    const x = 4 + i * step + step / 2;
    const up = Number(b.c) >= Number(b.o);
    root.append(svg('line', { x1: x, x2: x, y1: y(Number(b.h)), y2: y(Number(b.l)), class: up ? 'wick up' : 'wick down' }));
    const top = y(Math.max(Number(b.o), Number(b.c)));
    const bottom = y(Math.min(Number(b.o), Number(b.c)));
    root.append(svg('rect', {
      x: x - Math.max(1, step * 0.35), width: Math.max(2, step * 0.7), y: top, height: Math.max(1, bottom - top),
      class: up ? 'candle up' : 'candle down',
    }));
  });
  if (bars.length === 0) empty(root, height, 'No closed M5 bars yet');
  for (const line of lines) {
    const p = Number(line.price);
    if (!Number.isFinite(p)) continue;
    root.append(svg('line', { x1: 0, x2: right, y1: y(p), y2: y(p), class: `overlay ${line.kind ?? 'level'}` }));
    root.append(svg('text', { x: 6, y: y(p) - 4, class: `overlay-label ${line.kind ?? 'level'}` }, `${line.label} ${p.toFixed(digits)}`));
  }
  return root;
}

/** A line (optionally filled as an area) of points [{x, y}] in order. */
export function line(container, { points = [], label, height = 200, area = true, digits = 2, zero = true }) {
  const root = frame(container, label, height);
  if (points.length === 0) {
    empty(root, height, 'No data yet');
    return root;
  }
  const pad = 12;
  const right = W - 72;
  const ys = points.map((p) => Number(p.y));
  let min = Math.min(...ys, zero ? 0 : Infinity);
  let max = Math.max(...ys, zero ? 0 : -Infinity);
  if (min === max) { min -= 1; max += 1; }
  const y = scale(min, max, height - pad, pad);
  const x = scale(0, Math.max(1, points.length - 1), 4, right);
  axisLabels(root, y, min, max, digits, 0, height, pad);
  if (zero && min < 0 && max > 0) root.append(svg('line', { x1: 0, x2: right, y1: y(0), y2: y(0), class: 'chart-zero' }));
  const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(Number(p.y)).toFixed(1)}`).join(' ');
  if (area) {
    const base = y(Math.max(min, Math.min(max, 0)));
    root.append(svg('path', { d: `${path} L${x(points.length - 1).toFixed(1)},${base} L${x(0).toFixed(1)},${base} Z`, class: 'chart-area' }));
  }
  root.append(svg('path', { d: path, class: 'chart-line' }));
  if (points.length <= 40) {
    points.forEach((p, i) => root.append(svg('circle', { cx: x(i), cy: y(Number(p.y)), r: 3.5, class: 'chart-dot' })));
  }
  return root;
}

/** Vertical bars [{label, value}], positive up and negative down. */
export function bars(container, { items = [], label, height = 200, digits = 2 }) {
  const root = frame(container, label, height);
  if (items.length === 0) {
    empty(root, height, 'No data yet');
    return root;
  }
  const pad = 18;
  const values = items.map((i) => Number(i.value));
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values) || 1;
  const y = scale(min, max, height - pad, pad);
  const step = (W - 8) / items.length;
  items.forEach((item, i) => {
    const v = Number(item.value);
    const top = y(Math.max(0, v));
    const bottom = y(Math.min(0, v));
    root.append(svg('rect', { x: 4 + i * step + step * 0.15, width: step * 0.7, y: top, height: Math.max(1, bottom - top), class: v >= 0 ? 'bar up' : 'bar down' }));
    root.append(svg('text', { x: 4 + i * step + step / 2, y: height - 4, 'text-anchor': 'middle', class: 'chart-axis' }, item.label));
    root.append(svg('text', { x: 4 + i * step + step / 2, y: top - 3, 'text-anchor': 'middle', class: 'chart-axis' }, v.toFixed(digits)));
  });
  return root;
}

/**
 * Calibration: predicted probability (x) against the observed win rate (y) per bin, with the diagonal.
 * points: [{predicted, observed, n}].
 */
export function calibration(container, { points = [], label, height = 280 }) {
  const root = frame(container, label, height);
  const pad = 24;
  const size = Math.min(W, height) - 2 * pad;
  const left = (W - size) / 2;
  const x = scale(0, 1, left, left + size);
  const y = scale(0, 1, pad + size, pad);
  root.append(svg('rect', { x: left, y: pad, width: size, height: size, class: 'chart-box' }));
  root.append(svg('line', { x1: x(0), y1: y(0), x2: x(1), y2: y(1), class: 'chart-diagonal' }));
  root.append(svg('text', { x: left + size / 2, y: height - 4, 'text-anchor': 'middle', class: 'chart-axis' }, 'predicted win probability'));
  root.append(svg('text', { x: left - 6, y: pad + 10, 'text-anchor': 'end', class: 'chart-axis' }, '1'));
  root.append(svg('text', { x: left - 6, y: pad + size, 'text-anchor': 'end', class: 'chart-axis' }, '0'));
  if (points.length === 0) empty(root, height, 'No resolved signals yet');
  const biggest = Math.max(1, ...points.map((p) => p.n));
  for (const p of points) {
    root.append(svg('circle', { cx: x(p.predicted), cy: y(p.observed), r: 3 + 7 * Math.sqrt(p.n / biggest), class: 'chart-dot' }));
  }
  return root;
}
