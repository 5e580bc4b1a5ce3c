// Generic rendering of JSON the HUD has no dedicated view for (reports, models, audit entries).
import { el } from './api.js';

/** Renders any JSON: objects as fact lists, arrays of objects as tables. */
export function genericView(value, depth = 0) {
  if (value === null || value === undefined) return el('span', { class: 'muted' }, '—');
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', { class: 'muted' }, 'none');
    if (value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      const keys = [...new Set(value.flatMap((v) => Object.keys(v)))];
      return el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ...keys.map((k) => el('th', {}, k)))),
        el('tbody', {}, ...value.slice(0, 200).map((v) => el('tr', {}, ...keys.map((k) => el('td', {}, scalar(v[k]))))))));
    }
    return el('span', {}, value.map(scalar).join(', '));
  }
  if (typeof value === 'object') {
    if (depth > 2) return el('code', {}, JSON.stringify(value));
    return el('dl', { class: 'facts' }, ...Object.entries(value).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'object' && v !== null ? genericView(v, depth + 1) : scalar(v))]));
  }
  return el('span', {}, scalar(value));
}

function scalar(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return String(v);
}
