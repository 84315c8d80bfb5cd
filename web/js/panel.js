// The side panel: an organisation (names, kind, country, attributes, its relations with their stored
// direction, dates and state at the chosen date, caveats and sources) or one relation. Text from the
// data reaches the page through textContent only, marked data-value; links only for http(s) URLs.
import { word, attributeName } from './i18n.js';
import * as style from './style.js';
import { entityName } from './graph.js';

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}
// Text that comes from the data (names, values, titles): not the page's words.
export const value = (tag, text, className) => {
  const node = element(tag, text, className);
  node.dataset.value = '';
  return node;
};

export function safeUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function sourceList(sources) {
  const list = element('ul', undefined, 'sources');
  for (const source of sources || []) {
    const item = value('li');
    const url = safeUrl(source.url || '');
    if (url) {
      const link = element('a', source.title);
      link.href = url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      item.append(link);
    } else {
      item.append(document.createTextNode(source.title));
      if (source.url) item.append(document.createTextNode(` (${source.url})`));
    }
    if (source.locator) item.append(document.createTextNode(`, ${source.locator}`));
    list.append(item);
  }
  return list;
}

// Every organisation met in an answer, by id: names for relations whose other end is not drawn.
export const known = new Map();
export function remember(entity) {
  if (entity && entity.id) known.set(entity.id, entity);
}
export const nameOf = (id) => (known.has(id) ? entityName(known.get(id)) : id);

const STATE_WORDS = { active: 'active', possibly_active: 'possibly active', 'possibly active': 'possibly active',
                      date_unknown: 'date unknown', 'date unknown': 'date unknown' };

// The relation's dates, and its state at the chosen date when there is one (undefined: no date chosen;
// null: not active then).
export function datesLine(relation, activity) {
  const line = element('div', undefined, 'when');
  if (!relation.start && !relation.end) line.append(element('span', word('date unknown')));
  else {
    line.append(element('span', `${word('start')} `), value('span', relation.start || '?'),
                element('span', ` · ${word('end')} `));
    line.append(relation.end ? value('span', relation.end) : element('span', word('ongoing')));
  }
  if (activity !== undefined) {
    const state = activity === null ? 'not active then' : STATE_WORDS[activity] || 'active';
    line.append(element('span', word(state), `state state-${state.replace(/ /g, '-')}`));
  }
  return line;
}

// "A —subsidiary of→ B" in the relation's stored direction (a symmetric type has no arrow).
export function relationSentence(relation) {
  const line = element('div', undefined, 'sentence');
  line.dataset.from = relation.from;
  line.dataset.to = relation.to;
  const directed = style.typeDirected(relation.type);
  const type = element('span', ` —${style.typeLabel(relation.type)}${directed ? '→' : '—'} `, 'type');
  type.style.color = style.typeColour(relation.type);
  line.append(value('strong', nameOf(relation.from), 'from'), type, value('strong', nameOf(relation.to), 'to'));
  if (relation.category === 'evidence') line.append(element('span', ` (${word('evidence')})`, 'evidence'));
  return line;
}

function attributesTable(attributes) {
  const table = element('table', undefined, 'attributes');
  // The caveat first: it says how far the relation may be read.
  const entries = Object.entries(attributes || {}).sort(([a], [b]) => (b === 'caveat') - (a === 'caveat'));
  for (const [key, text] of entries) {
    const row = element('tr', undefined, key === 'caveat' ? 'caveat' : '');
    const [name, isWord] = attributeName(key);
    row.append(isWord ? element('td', name) : value('td', name), value('td', text));
    table.append(row);
  }
  return table;
}

// The full description of one relation: the sentence, dates and state, attributes, sources.
export function relationBlock(relation, activity) {
  const block = element('div', undefined, 'relation');
  block.append(relationSentence(relation), datesLine(relation, activity));
  if (relation.attributes && Object.keys(relation.attributes).length) block.append(attributesTable(relation.attributes));
  block.append(sourceList(relation.sources));
  return block;
}

// rows: [{relation, partner}]; total: how many partners there are when rows are only those drawn (a hub).
export function showEntity(panel, entity, rows, activityOf, total = null) {
  remember(entity);
  panel.replaceChildren();
  panel.append(value('h2', entityName(entity)));
  const table = element('table', undefined, 'names');
  const add = (label, text, isValue = true) => {
    if (!text) return;
    const row = element('tr');
    row.append(element('td', label), isValue ? value('td', text) : element('td', text));
    table.append(row);
  };
  add(word('English'), entity.names.en);
  add(word('Japanese'), entity.names.ja);
  add(word('Vietnamese'), entity.names.vi);
  add(word('kind'), style.kindLabel(entity.kind), false);
  if (entity.country) add(word('country'), style.countryName(entity.country), false);
  if (entity.aliases?.length) add(word('aliases'), entity.aliases.join(', '));
  panel.append(table);
  if (entity.attributes && Object.keys(entity.attributes).length) panel.append(attributesTable(entity.attributes));
  panel.append(element('h3', total === null ? `${word('relations')} (${rows.length})`
                                            : `${word('relations')} (${rows.length} ${word('shown')} · ${total} ${word('neighbours')})`));
  const list = element('ol', undefined, 'relations');
  for (const { relation, partner } of rows) {
    remember(partner);
    const item = element('li', undefined, relation.category === 'evidence' ? 'evidence-row' : '');
    item.dataset.relation = relation.id;
    item.append(relationBlock(relation, activityOf ? activityOf(relation.id) : undefined));
    list.append(item);
  }
  panel.append(list);
  panel.append(element('h3', word('sources')));
  panel.append(sourceList(entity.sources));
}

export function showRelation(panel, relation, activity) {
  panel.replaceChildren();
  panel.append(element('h2', word('Relation')));
  panel.append(relationBlock(relation, activity));
}
