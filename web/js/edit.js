// Editing, when the server was started with `kizuna serve --allow-write`: forms that add and edit an
// organisation or a relation (POST /api/entity, /api/relation add one JSON Lines record, written as import
// writes it, and never replace one: an id that exists is refused 409, so the form suggests a free one;
// PUT edits, sending the record as it was opened: a record changed meanwhile is refused 409 and the form
// offers to read it again), and the history of changes (GET /api/log, /api/diff/N) with undo (POST /api/undo, its dry
// run shown first); duplicates.js adds an organisation's duplicate candidates with merge. The server
// checks everything and its messages are shown as it words them, in the page's language (?lang=); the page
// only hints at a malformed date
// as one types. The write token (printed by `serve`) is pasted once and
// kept for the tab (sessionStorage).
import { ApiError, api, forgetAnswers, relationById } from './api.js';
import { attributeName, language, word } from './i18n.js';
import * as style from './style.js';
import { element, value } from './panel.js';
import { setUpSearch } from './search.js';

const TOKEN_KEY = 'kizuna-write-token';
let writable = false;
const token = () => sessionStorage.getItem(TOKEN_KEY) || '';

// POST (or PUT, an edit) to a write endpoint: the answer, or an ApiError with the server's message, its
// kind, problems and (a conflict) the change that caused it.
export async function post(path, body, params = {}, method = 'POST') {
  const query = new URLSearchParams(params);
  query.set('lang', language());  // the server words its refusals in the page's language
  const given = token();
  let response;
  try {
    response = await fetch(`/api/${path}${query.size ? `?${query}` : ''}`, {
      method, body,
      headers: { Authorization: `Bearer ${given}`, 'Content-Type': 'application/json' },
    });
  } catch (error) {
    throw new ApiError(String(error), undefined);
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new ApiError(answer.error || response.statusText, answer.exit ?? 1);
    error.status = response.status;
    error.kind = answer.kind;
    error.change = answer.change;
    error.problems = answer.problems || [];
    error.tokenGiven = Boolean(given);
    throw error;
  }
  return answer;
}

// Whether the server takes writes (with the token): its capabilities say (a read, nothing written).
export async function probeWritable() {
  try {
    writable = (await api('capabilities')).writes === true;
  } catch {
    writable = false;
  }
  return writable;
}
export const isWritable = () => writable;

// ---- dates: the format hint -----------------------------------------------------------------------------
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const firstDay = (d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const lastDay = (d) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
const daysIn = (year, month) => (month === 2 ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  : [4, 6, 9, 11].includes(month) ? 30 : 31);
// What is wrong with a date as typed, the way the date rule (core/src/partial_date.cpp) says it: a word key
// and the part that is wrong (month 13, day 31 of April), or null.
function dateProblem(text) {
  const parts = text.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!parts) return ['date format'];
  const [year, month, day] = [Number(parts[1]), Number(parts[2] || 0), Number(parts[3] || 0)];
  if (year < 1) return ['bad year'];
  if (parts[2] && (month < 1 || month > 12)) return ['bad month', parts[2]];
  if (parts[3] && (day < 1 || day > daysIn(year, month))) return ['bad day', parts[3]];
  return DATE.test(text) ? null : ['date format'];
}
// [which, word key, value] for what is wrong with start/end as typed (null when nothing seems wrong).
export function dateHint(start, end) {
  for (const [which, text] of [['start', start], ['end', end]]) {
    const problem = text ? dateProblem(text) : null;
    if (problem) return [which, ...problem];
  }
  // The end wholly before the start: its last possible day before the start's first (the importer's rule).
  if (start && end && lastDay(end) < firstDay(start)) return ['end', 'end before start'];
  return null;
}

// ---- form pieces -----------------------------------------------------------------------------------------
function field(labelWord, input, extra) {
  const label = element('label', undefined, 'edit-field');
  label.append(element('span', word(labelWord)), input);
  if (extra) label.append(extra);
  return label;
}
function input(name, text = '', attributes = {}) {
  const node = element('input');
  node.name = name;
  node.value = text || '';
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  return node;
}
function select(name, options, chosen) {
  const node = element('select');
  node.name = name;
  for (const [id, label] of options) node.append(new Option(label, id, false, id === chosen));
  return node;
}

// Sources: rows of title, URL, locator; one row at least, with a title (the form asks for it).
function sourcesEditor(sources) {
  const box = element('fieldset', undefined, 'edit-sources');
  box.append(element('legend', word('Sources')));
  const rows = element('div');
  const addRow = (source = {}) => {
    const row = element('div', undefined, 'edit-source');
    const title = input('source-title', source.title, { placeholder: word('title'), 'aria-label': word('title') });
    const url = input('source-url', source.url, { placeholder: 'https://…', 'aria-label': 'URL', type: 'url' });
    const locator = input('source-locator', source.locator, { placeholder: word('locator'), 'aria-label': word('locator') });
    const remove = element('button', '×');
    remove.type = 'button';
    remove.title = word('Remove');
    remove.setAttribute('aria-label', word('Remove'));
    remove.addEventListener('click', () => {
      if (rows.children.length > 1) row.remove();
      else for (const i of row.querySelectorAll('input')) i.value = '';
      refreshRequired();
    });
    row.append(title, url, locator, remove);
    rows.append(row);
    refreshRequired();
  };
  // The first row's title is required; others may be left empty (dropped).
  const refreshRequired = () => [...rows.children].forEach((row, i) => { row.querySelector('[name="source-title"]').required = i === 0; });
  for (const source of sources?.length ? sources : [{}]) addRow(source);
  const more = element('button', word('Add a source'));
  more.type = 'button';
  more.addEventListener('click', () => addRow());
  box.append(rows, more);
  // The sources typed, trimmed; a row with a URL or locator but no title, or no titled row at all, is
  // refused here (a local error, the field marked) rather than dropped or left to a title of spaces.
  box.read = () => {
    const sources = [];
    for (const row of rows.children) {
      const get = (name) => row.querySelector(`[name="${name}"]`).value.trim();
      const title = row.querySelector('[name="source-title"]');
      title.removeAttribute('aria-invalid');
      const source = { title: get('source-title') };
      if (get('source-url')) source.url = get('source-url');
      if (get('source-locator')) source.locator = get('source-locator');
      if (!source.title && (source.url || source.locator)) throw localError(word('a source needs a title'), title);
      if (source.title) sources.push(source);
    }
    if (!sources.length) throw localError(word('at least one source'), rows.querySelector('[name="source-title"]'));
    return sources;
  };
  return box;
}

// An error found by the form itself (nothing was sent), its field marked and focused.
function localError(message, field_) {
  const error = new ApiError(message, 2);
  error.local = true;
  if (field_) {
    field_.setAttribute('aria-invalid', 'true');
    field_.focus();
  }
  return error;
}

// The server's refusal, as it words it (its problems name the field), under the page's own words.
export function showRefusal(box, error) {
  box.replaceChildren();
  box.hidden = false;
  if (error.status === 401 || error.local) {
    box.append(element('p', error.local ? error.message : word(error.tokenGiven ? 'the token was refused' : 'a token is needed')));
    return;
  }
  box.append(element('p', word('The server refused the change:')));
  const list = element('ul');
  for (const problem of error.problems?.length ? error.problems : [error.message]) list.append(value('li', problem));
  box.append(list);
}

// A refusal added under box (an undo's or a merge's), with the token field when the token was missing or
// refused.
export function refuseIn(box, error) {
  if (error.status === 401) sessionStorage.removeItem(TOKEN_KEY);
  const refusal = element('div', undefined, 'edit-refusal');
  refusal.setAttribute('role', 'alert');
  box.append(refusal);
  showRefusal(refusal, error);
  if (!token()) box.append(tokenField());
}

// The form's fields as text, to tell whether anything was typed since it was opened.
const formState = (form) => JSON.stringify([...form.querySelectorAll('input, select, textarea')]
  .filter((node) => node.name !== 'token').map((node) => [node.name, node.value]));

// Escape on a form with changes asks first (Discard / Keep editing) instead of throwing the typing away.
function guardEscape(dialog, form) {
  const opened = formState(form);
  dialog.oncancel = (event) => {
    if (!form.isConnected || formState(form) === opened) return;
    event.preventDefault();
    if (form.querySelector('.edit-discard')) return;
    const ask = element('div', undefined, 'edit-discard');
    ask.setAttribute('role', 'alertdialog');
    ask.setAttribute('aria-label', word('Discard your changes?'));
    const discard = element('button', word('Discard'));
    discard.type = 'button';
    discard.className = 'discard';
    discard.addEventListener('click', () => dialog.close());
    const keep = element('button', word('Keep editing'));
    keep.type = 'button';
    keep.className = 'keep-editing primary';
    keep.addEventListener('click', () => {
      ask.remove();
      form.querySelector('input:not([readonly]):not([type="hidden"]), select')?.focus();
    });
    ask.append(element('p', word('Discard your changes?')), discard, keep);
    form.querySelector('.more-buttons').before(ask);
    keep.focus();
  };
}

function buttons(dialog, submitWord) {
  const row = element('div', undefined, 'more-buttons');
  const save = element('button', word(submitWord));
  save.type = 'submit';
  save.className = 'primary';
  const cancel = element('button', word('Cancel'));
  cancel.type = 'button';
  cancel.addEventListener('click', () => dialog.close());
  row.append(save, cancel);
  return row;
}

function tokenField() {
  const box = element('div', undefined, 'edit-token');
  const field_ = input('token', token(), { type: 'password', autocomplete: 'off', 'aria-label': word('write token') });
  field_.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, field_.value.trim()));
  box.append(field('write token', field_, element('small', word('token hint'))));
  return box;
}

// A form in the dialog; submit(form) writes and resolves to what onDone is given. onRefused(error,
// refusal) may add to a refusal (a conflict's "read it again").
function openForm(dialog, title, body, submitWord, submit, onDone, onRefused = () => {}) {
  dialog.replaceChildren();
  const form = element('form', undefined, 'edit-form');
  form.noValidate = false;
  form.append(element('h2', title), ...body);
  if (!token()) form.append(tokenField());
  const refusal = element('div', undefined, 'edit-refusal');
  refusal.setAttribute('role', 'alert');
  refusal.hidden = true;
  form.append(refusal, buttons(dialog, submitWord));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const tokenInput = form.querySelector('[name="token"]');
    if (tokenInput) sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
    form.querySelector('button[type="submit"]').disabled = true;
    try {
      const answer = await submit(form);
      forgetAnswers();
      dialog.close();
      await onDone(answer);
    } catch (error) {
      if (error.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        if (!form.querySelector('[name="token"]')) refusal.before(tokenField());
      }
      showRefusal(refusal, error);
      onRefused(error, refusal);
    } finally {
      form.querySelector('button[type="submit"]').disabled = false;
    }
  });
  dialog.append(form);
  if (!dialog.open) dialog.showModal();
  guardEscape(dialog, form);
  form.querySelector('input:not([readonly]), select')?.focus();
}

// The first of id, id-2, id-3 … that no entity (what: 'entity') or relation has: an add never replaces,
// so the id the form makes up is a free one. (The server refuses a taken one anyway.)
async function freeId(what, base) {
  if (!base) return base;
  const ids = [base, ...Array.from({ length: 19 }, (_, i) => `${base}-${i + 2}`)];
  const text = what === 'entity' ? 'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id'
                                 : 'MATCH ()-[r]->() WHERE r.id IN $ids RETURN r.id AS id';
  try {
    const answer = await api('query', { query: text, param: [`ids=${JSON.stringify(ids)}`] });
    const taken = new Set(answer.rows.map((row) => row.id));
    return ids.find((id) => !taken.has(id)) ?? base;
  } catch {
    return base;  // the server decides
  }
}

// An id field's suggestion kept free: made(text) is the id made from what was typed; the field shows it,
// then the first free one (with a note when that differs). settle() waits for the last check.
function idSuggester(what, id, note, touched) {
  let ticket = 0;
  let pending = Promise.resolve();
  const suggest = (made) => {
    const mine = ++ticket;
    id.value = made;
    note.textContent = '';
    pending = freeId(what, made).then((free) => {
      if (mine !== ticket || touched()) return;
      id.value = free;
      note.textContent = free !== made ? word('id taken', free) : '';
    });
  };
  return { suggest, settle: () => pending };
}

// A conflict of an edit: the refusal offers to read the record again (the form opened anew with it).
function offerReload(error, refusal, reload) {
  if (error.status !== 409 || !reload) return;
  const again = element('button', word('Read it again'));
  again.type = 'button';
  again.className = 'read-again';
  again.addEventListener('click', reload);
  refusal.prepend(element('p', word('changed meanwhile')));
  refusal.append(again);
}

// The record as a JSON Lines line holds it, from an answer's entity or relation: what an edit sends as
// opened (the server compares it with what is stored), built as the form builds what it saves.
const sourceRecord = (s) => Object.assign({ title: s.title }, s.url ? { url: s.url } : {}, s.locator ? { locator: s.locator } : {});
function entityRecord(e) {
  const names = {};
  for (const code of ['en', 'ja', 'vi']) if (e.names?.[code]) names[code] = e.names[code];
  const record = { id: e.id, kind: e.kind, names, aliases: e.aliases || [], attributes: e.attributes || {},
                   sources: (e.sources || []).map(sourceRecord) };
  if (e.country) record.country = e.country;
  return record;
}
function relationRecord(r) {
  const record = { id: r.id, type: r.type, from: r.from, to: r.to, attributes: r.attributes || {},
                   sources: (r.sources || []).map(sourceRecord) };
  if (r.start) record.start = r.start;
  if (r.end) record.end = r.end;
  return record;
}

const slug = (text) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

// ---- an organisation ---------------------------------------------------------------------------------------
// entity: the one edited (its id fixed), or null for a new one. onDone(id) after the write.
export function editEntity(dialog, entity, onDone) {
  const isNew = !entity;
  const e = entity || { id: '', kind: 'company', names: {}, aliases: [], country: '', sources: [], attributes: {} };
  const id = input('id', e.id, { required: '', pattern: '[a-z0-9][a-z0-9\\-]*', autocomplete: 'off' });
  if (!isNew) id.readOnly = true;
  const kinds = style.styleSheet().kinds.map((k) => [k.id, k.label]);
  if (!kinds.some(([k]) => k === e.kind)) kinds.unshift([e.kind, e.kind]);
  const kind = select('kind', kinds, e.kind);
  const en = input('name_en', e.names?.en), ja = input('name_ja', e.names?.ja), vi = input('name_vi', e.names?.vi);
  let idTouched = !isNew;
  const idNote = element('small', '', 'edit-id-note');
  idNote.setAttribute('aria-live', 'polite');
  const ids = idSuggester('entity', id, idNote, () => idTouched);
  id.addEventListener('input', () => { idTouched = true; idNote.textContent = ''; });
  en.addEventListener('input', () => { if (!idTouched) ids.suggest(slug(en.value)); });
  const aliases = element('textarea');
  aliases.name = 'aliases';
  aliases.value = (e.aliases || []).join('\n');
  aliases.rows = Math.min(8, Math.max(3, (e.aliases || []).length + 1));  // every alias seen, one to add
  const country = input('country', e.country, { maxlength: '2', pattern: '[A-Za-z]{2}', placeholder: 'JP, VN …', list: 'edit-countries' });
  const countries = element('datalist');
  countries.id = 'edit-countries';
  for (const c of style.styleSheet().countries) countries.append(new Option(c.name, c.code));
  const sources = sourcesEditor(e.sources);
  const body = [field('id', id, idNote), field('kind', kind), field('English', en), field('Japanese', ja), field('Vietnamese', vi),
                field('aliases', aliases, element('small', word('one per line'))), field('country', country, countries), sources];
  openForm(dialog, word(isNew ? 'Add an organisation' : 'Edit the organisation'), body, 'Save', async () => {
    const names = {};
    for (const [code, node] of [['en', en], ['ja', ja], ['vi', vi]]) if (node.value.trim()) names[code] = node.value.trim();
    const record = { id: id.value.trim(), kind: kind.value, names,
                     aliases: aliases.value.split('\n').map((a) => a.trim()).filter(Boolean),
                     country: country.value.trim().toUpperCase(), attributes: e.attributes || {}, sources: sources.read() };
    if (!record.country) delete record.country;
    if (isNew) {
      await ids.settle();
      record.id = id.value.trim();
      await post('entity', JSON.stringify(record));
    } else {
      await post('entity', JSON.stringify({ record, opened: entityRecord(e) }), {}, 'PUT');
    }
    return record.id;
  }, onDone, async (error, refusal) => {
    if (isNew && error.kind === 'conflict') {
      const free = await freeId('entity', typedId(id));
      if (free !== typedId(id)) { id.value = free; idTouched = false; idNote.textContent = word('id taken', free); }
    }
    offerReload(error, refusal, isNew ? null : async () => {
      forgetAnswers();
      const fresh = await api(`show/${encodeURIComponent(e.id)}`);
      editEntity(dialog, fresh.entity, onDone);
    });
  });
}
const typedId = (node) => node.value.trim();

// ---- a relation -------------------------------------------------------------------------------------------
// An end chosen by search (search.js): the id is kept beside the name shown.
function endPicker(name, labelWord, id, shown, onPick) {
  const wrap = element('div', undefined, 'search edit-end');
  const box = input(`${name}-search`, shown, { type: 'search', autocomplete: 'off', role: 'combobox', 'aria-expanded': 'false',
                                                required: '', placeholder: word('Search'), 'aria-label': word(labelWord) });
  const results = element('ul', undefined, 'edit-results');
  results.id = `edit-${name}-results`;
  results.setAttribute('role', 'listbox');
  results.hidden = true;
  box.setAttribute('aria-controls', results.id);
  const chosen = input(name, id, { type: 'hidden' });
  const shownId = value('code', id || '', 'edit-id');
  box.addEventListener('input', () => { chosen.value = ''; shownId.textContent = ''; });
  setUpSearch(box, results, (picked) => {
    chosen.value = picked;
    shownId.textContent = picked;
    onPick();
  }, () => {});
  wrap.append(box, results, chosen);
  return { label: field(labelWord, wrap, shownId), chosen, box };
}

// relation: the one edited (its id fixed), or a new one from `from` (an entity) when given.
export function editRelation(dialog, relation, onDone, { from = null, nameOf = (id) => id } = {}) {
  const isNew = !relation;
  let idTouched = !isNew;
  const r = relation || { id: '', type: 'cooperation', from: from?.id || '', to: '', start: '', end: '', attributes: {}, sources: [] };
  const id = input('id', r.id, { required: '', autocomplete: 'off', placeholder: word('made from the ends and type') });
  if (!isNew) id.readOnly = true;
  const types = style.styleSheet().types.map((t) => [t.id, `${t.label}${t.directed ? ' →' : ''}`]);
  if (!types.some(([t]) => t === r.type)) types.unshift([r.type, r.type]);
  const type = select('type', types, r.type);
  const idNote = element('small', '', 'edit-id-note');
  idNote.setAttribute('aria-live', 'polite');
  const ids = idSuggester('relation', id, idNote, () => idTouched);
  const suggestId = () => {
    if (idTouched) return;
    const f = fromEnd.chosen.value, t = toEnd.chosen.value;
    ids.suggest(f && t ? `${f}-${slug(type.value)}-${t}`.slice(0, 96) : '');
  };
  const fromEnd = endPicker('from', 'from', r.from, r.from ? nameOf(r.from) : '', suggestId);
  const toEnd = endPicker('to', 'to', r.to, r.to ? nameOf(r.to) : '', suggestId);
  const start = input('start', r.start, { placeholder: 'YYYY, YYYY-MM, YYYY-MM-DD', autocomplete: 'off' });
  const end = input('end', r.end, { placeholder: word('empty: ongoing'), autocomplete: 'off' });
  const hint = element('p', undefined, 'edit-hint');
  hint.setAttribute('aria-live', 'polite');
  const checkDates = () => {
    const problem = dateHint(start.value.trim(), end.value.trim());
    start.setAttribute('aria-invalid', String(problem?.[0] === 'start'));
    end.setAttribute('aria-invalid', String(problem?.[0] === 'end'));
    hint.textContent = problem ? `${word(problem[0])}: ${word(problem[1], problem[2])}` : '';
  };
  start.addEventListener('input', checkDates);
  end.addEventListener('input', checkDates);
  id.addEventListener('input', () => { idTouched = true; idNote.textContent = ''; });
  type.addEventListener('change', suggestId);
  const sources = sourcesEditor(r.sources);
  const body = [field('type', type), fromEnd.label, toEnd.label, field('start', start), field('end', end), hint,
                field('id', id, idNote), sources];
  openForm(dialog, word(isNew ? 'Add a relation' : 'Edit the relation'), body, 'Save', async () => {
    if (!fromEnd.chosen.value || !toEnd.chosen.value) throw localError(word('choose both ends from the search'));
    if (isNew) await ids.settle();
    const record = { id: id.value.trim(), type: type.value, from: fromEnd.chosen.value, to: toEnd.chosen.value,
                     attributes: r.attributes || {}, sources: sources.read() };
    if (start.value.trim()) record.start = start.value.trim();
    if (end.value.trim()) record.end = end.value.trim();
    if (isNew) await post('relation', JSON.stringify(record));
    else await post('relation', JSON.stringify({ record, opened: relationRecord(r) }), {}, 'PUT');
    return record;
  }, onDone, async (error, refusal) => {
    if (isNew && error.kind === 'conflict') {
      const free = await freeId('relation', typedId(id));
      if (free !== typedId(id)) { id.value = free; idTouched = false; idNote.textContent = word('id taken', free); }
    }
    offerReload(error, refusal, isNew ? null : async () => {
      forgetAnswers();
      const fresh = await relationById(r.id);
      if (fresh) editRelation(dialog, fresh, onDone, { nameOf });
    });
  });
  checkDates();
}

// ---- the history -----------------------------------------------------------------------------------------
const SHOWN_CHANGES = 50;

function countsText(changed) {
  const parts = [];
  for (const key of ['entities', 'relations', 'relation_types', 'entity_kinds', 'redirects_and_judgements']) {
    if (changed?.[key]) parts.push(`${word(`changed ${key}`)}: ${changed[key]}`);
  }
  return parts.join(', ') || '—';
}

// A field's value as a reader reads it: lists of aliases and sources, attributes, as text (the diff gives
// them as the JSON the database keeps).
const parsed = (text) => { try { return JSON.parse(text); } catch { return undefined; } };
export function fieldText(field, text) {
  if (text === null || text === undefined || text === '') return '';
  const data = field === 'aliases' || field === 'sources' || field === 'attributes' ? parsed(text) : undefined;
  if (field === 'aliases' && Array.isArray(data)) return data.join(', ');
  if (field === 'sources' && Array.isArray(data)) {
    return data.map((s) => [s.title, s.url, s.locator].filter(Boolean).join(' · ')).join('\n');
  }
  if (field === 'attributes' && data && typeof data === 'object') {
    return Object.entries(data).map(([k, v]) => `${attributeName(k)[0]}: ${v}`).join('\n');
  }
  return String(text);
}
// A field's name in the page's language ("name_ja": "Japanese name"); an unknown one as it is written.
// An attribute's field ("attribute:website") by the attribute's name.
export function fieldLabel(field) {
  const attribute = field.match(/^attribute:(.+)$/);
  if (attribute) return `${word('field attribute')} ${attributeName(attribute[1])[0]}`;
  return word(`field ${field}`) === `field ${field}` ? field : word(`field ${field}`);
}

// The names of the entities a list of rows is about, in the page's language, read from the database as it
// is (an entity removed since: from its own fields in the rows).
async function entityNames(rows) {
  const ids = [...new Set(rows.filter((r) => r.what === 'entity').map((r) => r.id))].sort();
  const names = new Map();
  if (!ids.length) return names;
  try {
    const answer = await api('query', { query: 'MATCH (n) WHERE n.id IN $ids RETURN n.id AS id, n.name_en AS en, n.name_ja AS ja, n.name_vi AS vi',
                                        param: [`ids=${JSON.stringify(ids)}`] });
    for (const row of answer.rows) names.set(row.id, row[language()] || row.en || row.ja || row.vi);
  } catch { /* the rows' own names serve */ }
  return names;
}
function nameFromFields(row) {
  const of = (key) => row.fields?.find((f) => f.field === key);
  for (const key of [`name_${language()}`, 'name_en', 'name_ja', 'name_vi']) {
    const f = of(key);
    if (f?.after || f?.before) return f.after || f.before;
  }
  return row.name;
}

// The rows of a diff or of an undo's dry run: what was added, changed or removed, field by field.
async function rowsList(rows) {
  const names = await entityNames(rows);
  const list = element('ul', undefined, 'diff-rows');
  for (const row of rows) {
    const item = element('li', undefined, `diff-${row.op}`);
    const head = element('div');
    head.append(element('strong', `${word(`op ${row.op}`)} · ${word(`what ${row.what}`)} `));
    const name = row.what === 'entity' ? names.get(row.id) || nameFromFields(row) : row.name;
    if (name) head.append(value('span', `${name} `, 'diff-name'));
    head.append(value('code', row.id));
    item.append(head);
    const table = element('table', undefined, 'diff-fields');
    for (const f of row.fields || []) {
      if (f.before === f.after) continue;
      const line = element('tr');
      const label = element('th', fieldLabel(f.field));
      label.scope = 'row';
      label.title = f.field;
      line.append(label);
      // Added: only its values; removed: only what was; changed: before → after.
      if (row.op !== 'added') line.append(value('td', fieldText(f.field, f.before), f.before === null ? '' : 'before'));
      if (row.op === 'changed') line.append(element('td', '→', 'arrow'));
      if (row.op !== 'removed') line.append(value('td', fieldText(f.field, f.after), f.after === null ? '' : 'after'));
      table.append(line);
    }
    item.append(table);
    list.append(item);
  }
  return list;
}

// A dialog of a list (the history, an organisation's duplicates): its title, a place for a refusal, the
// list and a Close button, shown. Returns the refusal's place and the list.
export function listDialog(dialog, className, title, listClass) {
  dialog.replaceChildren();
  dialog.oncancel = null;  // a list has nothing typed to keep
  const box = element('form', undefined, className);
  box.method = 'dialog';
  const status = element('div', undefined, 'edit-refusal');
  status.setAttribute('role', 'alert');
  status.hidden = true;
  const list = element('ol', undefined, listClass);
  const close = element('button', word('Close'));
  close.type = 'submit';
  const footer = element('div', undefined, 'more-buttons');
  footer.append(close);
  box.append(title, status, list, footer);
  dialog.append(box);
  if (!dialog.open) dialog.showModal();
  return { status, list };
}

// "saved as change #N" after a write: the newest change of the history that touched the entity written (or
// a relation of it); '' when the history cannot be read.
export async function savedNote(entityId) {
  try {
    const log = await api('log', { entity: entityId });
    const last = log.changes.at(-1);
    return last ? word('saved as change #N', last.seq) : '';
  } catch {
    return '';
  }
}

// onChanged() after an undo: the map and panel read again.
export async function openHistory(dialog, onChanged) {
  const { status, list } = listDialog(dialog, 'history', element('h2', word('History of changes')), 'history-list');
  let log;
  try {
    log = await api('log');
  } catch (error) {
    showRefusal(status, error);
    return;
  }
  const changes = log.changes.slice(-SHOWN_CHANGES).reverse();
  for (const change of changes) {
    const item = element('li', undefined, 'history-item');
    item.dataset.change = change.seq;
    const head = element('div', undefined, 'history-head');
    head.append(element('strong', `#${change.seq}`), value('span', ` ${change.at.replace('T', ' ').replace('Z', ' UTC')} · `),
                value('span', change.author, 'author'), element('span', ` · ${countsText(change.changed)}`));
    const command = value('div', change.command, 'history-command');
    const notes = element('div', undefined, 'meta');
    if (change.undoes) notes.append(element('span', word('undoes #N', change.undoes)));
    if (change.undone_by) notes.append(element('span', ` ${word('undone by #N', change.undone_by)}`));
    const actions = element('div', undefined, 'history-actions');
    const show = element('button', word('Show the change'));
    show.type = 'button';
    show.className = 'show-diff';
    const undo = element('button', word('Undo…'));
    undo.type = 'button';
    undo.className = 'undo-change';
    undo.disabled = Boolean(change.undone_by);
    const detail = element('div', undefined, 'history-detail');
    show.addEventListener('click', async () => {
      if (detail.dataset.shown === 'diff') { detail.replaceChildren(); detail.dataset.shown = ''; return; }
      try {
        const diff = await api(`diff/${change.seq}`);
        detail.replaceChildren(await rowsList(diff.rows));
        detail.dataset.shown = 'diff';
      } catch (error) {
        showRefusal(detail, error);
      }
    });
    undo.addEventListener('click', async () => {
      detail.replaceChildren();
      detail.dataset.shown = 'dry-run';
      try {
        const dry = await post('undo', '', { change: change.seq, dry_run: 'true' });
        const confirm = element('button', word('Confirm the undo'));
        confirm.type = 'button';
        confirm.className = 'confirm-undo primary';
        confirm.addEventListener('click', async () => {
          confirm.disabled = true;
          try {
            await post('undo', '', { change: change.seq });
            forgetAnswers();
            await onChanged();
            await openHistory(dialog, onChanged);
          } catch (error) {
            showRefusal(detail, error);
          }
        });
        detail.append(element('p', word('The undo would do this:')), await rowsList(dry.rows), confirm);
      } catch (error) {
        refuseIn(detail, error);
      }
    });
    actions.append(show, undo);
    item.append(head, command, notes, actions, detail);
    list.append(item);
  }
  if (!changes.length) list.append(element('li', word('no changes yet')));
}

// The buttons of the editing bar (index.html #editing) and of the panel, for the selection shown.
// rows: the relations listed under an organisation ([{relation}]), each given its own Edit button.
export function panelButtons(panel, { entity = null, relation = null, rows = [], onEditEntity, onAddRelation, onEditRelation, onDuplicates }) {
  if (!writable) return;
  const row = element('div', undefined, 'edit-actions');
  if (entity) {
    const edit = element('button', word('Edit'));
    edit.type = 'button';
    edit.className = 'edit-entity';
    edit.addEventListener('click', () => onEditEntity(entity));
    const add = element('button', word('Add a relation'));
    add.type = 'button';
    add.className = 'add-relation-here';
    add.addEventListener('click', () => onAddRelation(entity));
    const duplicates = element('button', word('Possible duplicates…'));
    duplicates.type = 'button';
    duplicates.className = 'find-duplicates';
    duplicates.addEventListener('click', () => onDuplicates(entity));
    row.append(edit, add, duplicates);
    const byId = new Map(rows.map(({ relation: r }) => [r.id, r]));
    for (const item of panel.querySelectorAll('ol.relations > li[data-relation]')) {
      const listed = byId.get(item.dataset.relation);
      if (!listed) continue;
      const editRow = element('button', word('Edit'));
      editRow.type = 'button';
      editRow.className = 'edit-relation-row';
      editRow.setAttribute('aria-label', `${word('Edit the relation')} ${listed.id}`);
      editRow.addEventListener('click', () => onEditRelation(listed));
      item.append(editRow);
    }
  }
  if (relation) {
    const edit = element('button', word('Edit'));
    edit.type = 'button';
    edit.className = 'edit-relation';
    edit.addEventListener('click', () => onEditRelation(relation));
    row.append(edit);
  }
  panel.querySelector('h2')?.after(row);
}
