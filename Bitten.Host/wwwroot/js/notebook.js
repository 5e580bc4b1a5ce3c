// /notebook: the journal. List, search by tag, add, edit, delete; entries may link to a filled trade.
import { api, initPage, el, fmt } from './api.js';

const $ = (id) => document.getElementById(id);
const form = $('entry-form');
const me = await initPage();
let fires = [];

if (me) {
  fires = await api('/api/fires?limit=100', { quiet: true }).catch(() => []);
  const linkable = fires.filter((f) => ['FILLED', 'CLOSED'].includes(f.status));
  form.fire_id.append(...linkable.map((f) => el('option', { value: f.fire_id }, `${f.symbol} ${f.side} ${fmt.time(f.created_at)} ${f.r_multiple === null ? '' : fmt.r(f.r_multiple)}`)));
  const wanted = new URLSearchParams(location.search).get('fire');
  if (wanted && linkable.some((f) => f.fire_id === wanted)) form.fire_id.value = wanted;
  form.addEventListener('submit', save);
  $('cancel').addEventListener('click', resetForm);
  $('search').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  await load();
}
$('page').setAttribute('aria-busy', 'false');

async function load() {
  const tag = $('search').tag.value.trim();
  const entries = await api(`/api/notebook?limit=200${tag ? `&tag=${encodeURIComponent(tag)}` : ''}`).catch(() => []);
  $('entries').replaceChildren(...(entries.length ? entries.map(view)
    : [el('p', { class: 'muted' }, tag ? `No entries tagged “${tag}”.` : 'No entries yet. Write what you saw, felt and learnt after each trade.')]));
}

function view(entry) {
  const fire = fires.find((f) => f.fire_id === entry.fire_id);
  return el('article', { class: 'entry', 'data-entry': entry.id },
    el('div', { class: 'row muted' }, fmt.time(entry.created_at), entry.mood ? ` · ${entry.mood}` : '',
      fire ? el('a', { href: `/hud?mission=${encodeURIComponent(fire.mission_id)}` }, ` · ${fire.symbol} ${fire.side} ${fire.r_multiple === null ? '' : fmt.r(fire.r_multiple)}`) : ''),
    el('p', {}, entry.text),
    entry.tags?.length ? el('div', { class: 'row' }, ...entry.tags.map((t) => el('button', { type: 'button', class: 'badge', onclick: () => { $('search').tag.value = t; load(); } }, `#${t}`))) : null,
    el('div', { class: 'row' },
      el('button', { type: 'button', onclick: () => edit(entry) }, 'Edit'),
      el('button', { type: 'button', class: 'danger', onclick: () => remove(entry) }, 'Delete')));
}

function edit(entry) {
  form.id.value = entry.id;
  form.text.value = entry.text;
  form.mood.value = entry.mood ?? '';
  form.tags.value = (entry.tags ?? []).join(', ');
  form.fire_id.value = entry.fire_id ?? '';
  $('save').textContent = 'Save changes';
  $('cancel').hidden = false;
  form.text.focus();
}

function resetForm() {
  form.reset();
  form.id.value = '';
  $('save').textContent = 'Save entry';
  $('cancel').hidden = true;
}

async function save(event) {
  event.preventDefault();
  const body = {
    text: form.text.value.trim(),
    mood: form.mood.value.trim() || null,
    tags: form.tags.value.split(',').map((t) => t.trim()).filter(Boolean),
    fire_id: form.fire_id.value || null,
  };
  const id = form.id.value;
  const saved = await api(id ? `/api/notebook/${encodeURIComponent(id)}` : '/api/notebook', { method: id ? 'PUT' : 'POST', body }).catch(() => null);
  if (saved) {
    resetForm();
    await load();
  }
}

async function remove(entry) {
  if (!confirm('Delete this entry?')) return;
  await api(`/api/notebook/${encodeURIComponent(entry.id)}`, { method: 'DELETE' }).catch(() => null);
  await load();
}
