// The Kizuna explorer: a map of who partners with whom, drawn with Cytoscape.js from the JSON answers of
// `kizuna serve` (the same answers as `kizuna … --format json`). Every text from the data reaches the page
// through textContent or the canvas, never as HTML; links only for http(s) URLs. The view's whole state
// (entity, language, year, path) is in the URL's hash, so a link reproduces it.

// The page's own words; names and relation labels come from the data in the chosen language.
const WORDS = {
  en: { 'title': 'Kizuna explorer', 'language': 'Language' },
  ja: {
    'title': 'Kizuna エクスプローラー', 'language': '言語', 'as of': '時点', 'How are they connected?': 'どうつながっているか',
    'walk evidence': '根拠資料もたどる', 'Find': '検索', 'Show': '表示', 'names': '名称', 'attributes': '属性',
    'relations': '関係', 'sources': '出典', 'no connection': 'つながりは見つかりません', 'hops': 'ホップ',
    'English': '英語', 'Japanese': '日本語', 'Vietnamese': 'ベトナム語', 'kind': '種別', 'country': '国',
    'legend': '凡例', 'category': '分類', 'until': '〜', 'all shortest': '最短経路をすべて',  'date unknown': '日付不明', 'possibly active': '有効の可能性', 'not active then': 'その時点で無効',
    'double-click to expand': 'ダブルクリックで展開', 'from': '起点', 'to': '終点', 'only evidence connects them': '根拠資料だけがつないでいます',
  },
  vi: {
    'title': 'Kizuna – khám phá', 'language': 'Ngôn ngữ', 'as of': 'tại thời điểm', 'How are they connected?': 'Liên kết thế nào?',
    'walk evidence': 'đi qua cả nguồn tài liệu', 'Find': 'Tìm', 'Show': 'Hiển thị', 'names': 'tên', 'attributes': 'thuộc tính',
    'relations': 'quan hệ', 'sources': 'nguồn', 'no connection': 'không tìm thấy liên kết', 'hops': 'bước',
    'English': 'tiếng Anh', 'Japanese': 'tiếng Nhật', 'Vietnamese': 'tiếng Việt', 'kind': 'loại', 'country': 'quốc gia',
    'legend': 'chú giải', 'category': 'phân loại', 'until': 'đến', 'all shortest': 'mọi đường ngắn nhất',  'date unknown': 'không rõ ngày', 'possibly active': 'có thể còn hiệu lực', 'not active then': 'không hiệu lực khi đó',
    'double-click to expand': 'nhấp đúp để mở rộng', 'from': 'từ', 'to': 'đến', 'only evidence connects them': 'chỉ nguồn tài liệu nối họ',
  },
};

// Shapes and fills as in the Graphviz diagrams (viz/src/style.cpp).
const KIND_SHAPES = {
  government: 'octagon', ministry: 'rectangle', agency: 'round-rectangle', department: 'round-rectangle',
  prefecture: 'pentagon', municipality: 'pentagon', company: 'ellipse', university: 'cut-rectangle',
  hospital: 'octagon', clinic: 'octagon', programme: 'rhomboid', system: 'barrel', document: 'tag',
  agreement: 'tag', policy: 'hexagon',
};
const COUNTRY_FILLS = { JP: '#fde2e4', VN: '#fff1c1', '': '#eeeeee', US: '#dbeafe', KR: '#e0f2e9', CN: '#fde8d7',
                        TH: '#ede4fb', SG: '#d9f2f7' };
const TYPE_COLOURS = {
  mou: '#1d4ed8', cooperation: '#2563eb', partnership: '#0891b2', acquisition: '#b91c1c', subsidiary_of: '#dc2626',
  joint_venture: '#7c3aed', part_of: '#6b7280', operates: '#15803d', oversees: '#4b5563', established: '#c2410c',
  developed: '#0f766e', integrates_with: '#0d9488', supports: '#65a30d', implements: '#a16207', issued: '#9333ea',
  funds: '#be185d', authored: '#64748b', publishes: '#64748b', mentions: '#94a3b8', located_in: '#94a3b8',
};

// year: the slider's year (as of), or with yearTo the first year of a period; null: no date filter.
const state = { entity: '', lang: 'en', year: null, yearTo: null, from: '', to: '', evidence: false, all: false,
                expanded: [] };
const vocabulary = { types: new Map(), kinds: new Map(), countries: new Map(), categories: new Map() };
let cy = null;
// What the filters hide: relation categories, entity kinds and countries ("category:evidence",
// "kind:document", "country:JP"). Evidence is hidden at first.
const hidden = new Set(['category:evidence']);

const $ = (id) => document.getElementById(id);
const word = (text) => (WORDS[state.lang] && WORDS[state.lang][text]) || WORDS.en[text] || text;

function status(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

// GET /api/…; resolves to the JSON answer, or rejects with the server's message.
async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v === true ? '1' : String(v));
  }
  query.set('lang', state.lang);
  const response = await fetch(`/api/${path}?${query}`);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function safeUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function entityName(entity) {
  const names = entity.names || {};
  return names[state.lang] || names.en || names.ja || names.vi || entity.id;
}

function typeLabel(typeId) {
  const type = vocabulary.types.get(typeId);
  if (!type) return typeId;
  return type.labels[state.lang] || type.labels.en || typeId;
}

function edgeLabel(relation) {
  return relation.start ? `${typeLabel(relation.type)} ${relation.start.slice(0, 4)}` : typeLabel(relation.type);
}

// ---- the graph ------------------------------------------------------------------------------------

function makeGraph() {
  cy = cytoscape({
    container: $('canvas'),
    wheelSensitivity: 0.3,
    maxZoom: 1.6,  // a map of two entities is not blown up to fill the canvas
    minZoom: 0.05,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'shape': 'data(shape)', 'background-color': 'data(fill)', 'border-width': 1,
        'border-color': '#6b7280', 'font-size': 11, 'text-wrap': 'wrap', 'text-max-width': 120, 'text-valign': 'center',
        'width': 'label', 'height': 'label', 'padding': 8, 'font-family': 'Noto Sans CJK JP, Noto Sans, sans-serif' } },
      { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#111827' } },
      { selector: 'edge', style: {
        'label': 'data(label)', 'font-size': 9, 'curve-style': 'bezier', 'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'data(arrow)', 'width': 1.6,
        'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
        'text-background-padding': 1 } },
      { selector: 'edge.evidence', style: { 'line-style': 'dotted' } },
      { selector: '.faded', style: { 'opacity': 0.15 } },
      { selector: '.possible', style: { 'line-style': 'dashed', 'opacity': 0.5 } },
      { selector: '.hidden', style: { 'display': 'none' } },
      { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#f59e0b', 'z-index': 10 } },
      { selector: 'edge.highlight', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'width': 4,
                                             'z-index': 10 } },
    ],
  });
  cy.on('tap', 'node', (event) => showEntity(event.target.id()));
  cy.on('tap', 'edge', (event) => showRelation(event.target.data('relation')));
  cy.on('dbltap', 'node', (event) => expand(event.target.id()));
}

function addEntity(entity) {
  const data = { id: entity.id, label: entityName(entity), entity, shape: KIND_SHAPES[entity.kind] || 'ellipse',
                 fill: COUNTRY_FILLS[entity.country || ''] || '#e8f5e9' };
  const existing = cy.getElementById(entity.id);
  if (existing.nonempty()) existing.data(data); else cy.add({ group: 'nodes', data });
}

function addRelation(relation) {
  const type = vocabulary.types.get(relation.type);
  const data = { id: `r:${relation.id}`, source: relation.from, target: relation.to, relation,
                 label: edgeLabel(relation), colour: TYPE_COLOURS[relation.type] || '#374151',
                 arrow: type && !type.directed ? 'none' : 'triangle', category: relation.category };
  const existing = cy.getElementById(data.id);
  if (existing.nonempty()) existing.data(data); else cy.add({ group: 'edges', data });
  cy.getElementById(data.id).toggleClass('evidence', relation.category === 'evidence');
}

function layout() {
  // cose's force-directed layout; past 100 entities fewer iterations keep it under a second (bench/README).
  const large = cy.nodes().length > 100;
  cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: 140,
              nodeRepulsion: 400000, nodeOverlap: 40, componentSpacing: 80, randomize: false,
              numIter: large ? 200 : 1000, coolingFactor: large ? 0.9 : 0.99 }).run();
  cy.fit(undefined, 30);
}

async function loadEgo(id) {
  const answer = await api(`ego/${encodeURIComponent(id)}`, { radius: 1, include_evidence: true });
  cy.batch(() => {
    for (const entity of answer.entities) addEntity(entity);
    for (const relation of answer.relations) addRelation(relation);
  });
  return answer;
}

async function select(id) {
  state.entity = id;
  state.expanded = [id];
  cy.elements().remove();
  try {
    await loadEgo(id);
    cy.nodes().removeClass('centre');
    cy.getElementById(id).addClass('centre');
    applyFilters();
    layout();
    await applyYear();
    await showEntity(id);
    status(`${cy.nodes().length} · ${word('double-click to expand')}`);
  } catch (error) {
    status(error.message, true);
  }
  saveState();
}

async function expand(id) {
  if (state.expanded.includes(id)) return;
  state.expanded.push(id);
  try {
    await loadEgo(id);
    applyFilters();
    layout();
    await applyYear();
    status(`${cy.nodes().length} · ${word('double-click to expand')}`);
  } catch (error) {
    status(error.message, true);
  }
}

// Filters: relations of a hidden category, and entities of a hidden kind or country (with their relations).
function applyFilters() {
  cy.nodes().forEach((node) => {
    const entity = node.data('entity') || {};
    node.toggleClass('hidden', hidden.has(`kind:${entity.kind}`) || hidden.has(`country:${entity.country || ''}`));
  });
  cy.edges().forEach((edge) => edge.toggleClass('hidden', hidden.has(`category:${edge.data('category')}`)));
}

// The time slider: relations not active in the year (or the period) fade; possibly active ones (coarse
// dates) go dashed. Which is which comes from the server's answer under --as-of or --since/--until (the
// interval rule of dates).
async function applyYear() {
  cy.edges().removeClass('faded possible');
  if (state.year === null) return;
  const when = state.yearTo === null ? { as_of: state.year }
                                     : { since: Math.min(state.year, state.yearTo), until: Math.max(state.year, state.yearTo) };
  const alive = new Map();
  for (const centre of state.expanded) {
    const answer = await api(`ego/${encodeURIComponent(centre)}`,
                             { radius: 1, include_evidence: true, undated: 'include', ...when });
    for (const relation of answer.relations) alive.set(`r:${relation.id}`, relation.activity);
  }
  cy.edges().forEach((edge) => {
    const activity = alive.get(edge.id());
    if (activity === undefined) edge.addClass('faded');
    else if (activity !== 'active') edge.addClass('possible');
  });
}

// ---- the side panel ---------------------------------------------------------------------------------

function sourceList(sources) {
  const list = element('ul');
  for (const source of sources || []) {
    const item = element('li');
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

function nameOf(id) {
  const node = cy.getElementById(id);
  return node.nonempty() ? node.data('label') : id;
}

function when(relation) {
  if (!relation.start && !relation.end) return word('date unknown');
  return `${relation.start || '?'} – ${relation.end || ''}`;
}

async function showEntity(id) {
  const panel = $('panel');
  let answer;
  try {
    answer = await api(`show/${encodeURIComponent(id)}`);
  } catch (error) {
    status(error.message, true);
    return;
  }
  const entity = answer.entity;
  panel.replaceChildren();
  panel.append(element('h2', entityName(entity)));
  const names = element('table', undefined, 'names');
  const rows = [[word('English'), entity.names.en], [word('Japanese'), entity.names.ja],
                [word('Vietnamese'), entity.names.vi], [word('kind'), entity.kind], [word('country'), entity.country]];
  if (entity.aliases && entity.aliases.length) rows.push(['aliases', entity.aliases.join(', ')]);
  for (const [name, value] of Object.entries(entity.attributes || {})) rows.push([name, value]);
  for (const [label, value] of rows) {
    if (!value) continue;
    const row = element('tr');
    row.append(element('td', label), element('td', value));
    names.append(row);
  }
  panel.append(names);
  panel.append(element('h3', word('relations')));
  const relations = element('table', undefined, 'relations');
  for (const relation of answer.relations) {
    const row = element('tr', undefined, relation.category === 'evidence' ? 'evidence' : '');
    row.dataset.relation = relation.id;
    const other = relation.from === id ? relation.to : relation.from;
    const arrow = relation.from === id ? '→' : '←';
    const cell = element('td');
    cell.append(element('div', `${typeLabel(relation.type)} ${arrow} ${nameOf(other)}`));
    cell.append(element('div', when(relation), 'when'));
    cell.append(sourceList(relation.sources));
    row.append(cell);
    relations.append(row);
  }
  panel.append(relations);
  panel.append(element('h3', word('sources')));
  panel.append(sourceList(entity.sources));
}

function showRelation(relation) {
  const panel = $('panel');
  panel.replaceChildren();
  panel.append(element('h2', `${nameOf(relation.from)} — ${typeLabel(relation.type)} — ${nameOf(relation.to)}`));
  panel.append(element('p', when(relation), 'when'));
  const table = element('table');
  for (const [name, value] of Object.entries(relation.attributes || {})) {
    const row = element('tr');
    row.append(element('td', name), element('td', value));
    table.append(row);
  }
  panel.append(table);
  panel.append(element('h3', word('sources')));
  panel.append(sourceList(relation.sources));
}

// ---- paths ------------------------------------------------------------------------------------------

async function findPath() {
  state.from = $('path-from').value.trim();
  state.to = $('path-to').value.trim();
  state.evidence = $('path-evidence').checked;
  state.all = $('path-all').checked;
  saveState();
  const hops = $('path-hops');
  hops.replaceChildren();
  cy.elements().removeClass('highlight');
  if (!state.from || !state.to) return;
  let answer;
  try {
    answer = await api('path', { from: state.from, to: state.to, include_evidence: state.evidence, all: state.all });
  } catch (error) {
    status(error.message, true);
    return;
  }
  if (answer.paths.length === 0) {
    hops.append(element('li', answer.evidence_only ? word('only evidence connects them') : word('no connection')));
    return;
  }
  cy.batch(() => {
    for (const path of answer.paths) {
      for (const id of path.nodes) addEntity(answer.entities[id]);
      for (const relation of path.relations) addRelation(relation);
    }
  });
  if (state.evidence) hidden.delete('category:evidence');
  renderFilters();
  applyFilters();
  layout();
  // Each path: its hops with their dates and evidence, highlighted on the map.
  const nested = state.all || answer.paths.length > 1;  // one list per path, else the hops themselves
  answer.paths.forEach((path, n) => {
    const heading = element('li', `#${n + 1}`, 'path');
    const list = nested ? element('ol') : hops;
    for (let i = 0; i < path.relations.length; ++i) {
      const relation = path.relations[i];
      const item = element('li', undefined, 'hop');
      item.append(element('div', `${nameOf(path.nodes[i])} — ${typeLabel(relation.type)} (${when(relation)}) — ${nameOf(path.nodes[i + 1])}`,
                          relation.category === 'evidence' ? 'evidence' : ''));
      item.append(sourceList(relation.sources));
      list.append(item);
      cy.getElementById(`r:${relation.id}`).addClass('highlight');
    }
    for (const id of path.nodes) cy.getElementById(id).addClass('highlight');
    if (nested) {
      heading.append(list);
      hops.append(heading);
    }
  });
  const path = answer.paths[0];
  status(`${path.length} ${word('hops')}`);
}

// ---- legend, filters, language, export, state ------------------------------------------------------

// A small picture of a node shape for the legend (SVG built through the DOM, fill by country).
const SHAPE_POINTS = {
  rectangle: '1,2 23,2 23,14 1,14', 'round-rectangle': null, ellipse: null,
  octagon: '7,1 17,1 23,5 23,11 17,15 7,15 1,11 1,5', pentagon: '12,1 23,6 20,15 4,15 1,6',
  hexagon: '6,1 18,1 23,8 18,15 6,15 1,8', rhomboid: '6,2 23,2 18,14 1,14', barrel: null,
  tag: '1,2 17,2 23,8 17,14 1,14', 'cut-rectangle': '5,2 19,2 23,6 23,14 1,14 1,6',
};
function shapeIcon(shape, fill) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 16');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '16');
  svg.setAttribute('class', 'shape');
  let figure;
  if (shape === 'ellipse') {
    figure = document.createElementNS(ns, 'ellipse');
    for (const [k, v] of [['cx', 12], ['cy', 8], ['rx', 11], ['ry', 6.5]]) figure.setAttribute(k, v);
  } else if (shape === 'round-rectangle' || shape === 'barrel') {
    figure = document.createElementNS(ns, 'rect');
    for (const [k, v] of [['x', 1], ['y', 2], ['width', 22], ['height', 12], ['rx', shape === 'barrel' ? 6 : 3]]) figure.setAttribute(k, v);
  } else {
    figure = document.createElementNS(ns, 'polygon');
    figure.setAttribute('points', SHAPE_POINTS[shape] || SHAPE_POINTS.rectangle);
  }
  figure.setAttribute('fill', fill);
  figure.setAttribute('stroke', '#6b7280');
  svg.append(figure);
  return svg;
}

// The legend: kinds by shape, countries by fill, relation types by colour (those the data has).
function renderLegend() {
  const legend = $('legend');
  legend.replaceChildren(element('h2', word('legend')));
  const kinds = element('ul');
  for (const [id, kind] of vocabulary.kinds) {
    const item = element('li');
    item.append(shapeIcon(KIND_SHAPES[id] || 'ellipse', '#ffffff'),
                document.createTextNode(` ${kind.labels[state.lang] || kind.labels.en || id}`));
    kinds.append(item);
  }
  legend.append(kinds);
  const countries = element('ul');
  for (const code of vocabulary.countries.keys()) {
    const item = element('li');
    item.append(shapeIcon('rectangle', COUNTRY_FILLS[code] || '#e8f5e9'), document.createTextNode(` ${code || '—'}`));
    countries.append(item);
  }
  legend.append(countries);
  const types = element('ul');
  for (const [id] of vocabulary.types) {
    const item = element('li');
    const swatch = element('span', undefined, 'line');
    swatch.style.borderTopColor = TYPE_COLOURS[id] || '#374151';
    item.append(swatch, document.createTextNode(` ${typeLabel(id)}`));
    types.append(item);
  }
  legend.append(types);
}

// One checkbox per relation category, entity kind and country there is; unchecked hides them.
function renderFilters() {
  const box = $('category-filters');
  box.replaceChildren();
  const groups = [
    ['category', [...new Set([...vocabulary.types.values()].map((type) => type.category))].sort()
                   .map((id) => [id, vocabulary.categories.get(id)?.names[state.lang] || id])],
    ['kind', [...vocabulary.kinds.values()].map((kind) => [kind.id, kind.labels[state.lang] || kind.labels.en || kind.id])],
    ['country', [...vocabulary.countries.keys()].map((code) => [code, code || '—'])],
  ];
  for (const [group, items] of groups) {
    const line = element('div', undefined, `filter-${group}`);
    line.append(element('span', `${word(group)}: `, 'filter-name'));
    for (const [id, text] of items) {
      const key = `${group}:${id}`;
      const label = element('label');
      const input = element('input');
      input.type = 'checkbox';
      input.checked = !hidden.has(key);
      input.dataset.filter = key;
      input.addEventListener('change', () => {
        if (input.checked) hidden.delete(key); else hidden.add(key);
        applyFilters();
        saveState();
      });
      label.append(input, document.createTextNode(` ${text} `));
      line.append(label);
    }
    box.append(line);
  }
}

function translatePage() {
  document.documentElement.lang = state.lang;
  for (const node of document.querySelectorAll('[data-word]')) node.textContent = word(node.dataset.word);
  $('path-from').placeholder = word('from');
  $('path-to').placeholder = word('to');
}

async function loadVocabulary() {
  const stats = await api('stats');
  vocabulary.types = new Map(stats.relation_types.map((type) => [type.id, type]));
  vocabulary.kinds = new Map(stats.entity_kinds.map((kind) => [kind.id, kind]));
  vocabulary.countries = new Map(Object.entries(stats.by_country));
  vocabulary.categories = new Map(stats.relation_categories.map((category) => [category.id, category]));
}

async function changeLanguage(lang) {
  state.lang = lang;
  translatePage();
  renderLegend();
  renderFilters();
  if (state.entity) await select(state.entity);
  if (state.from && state.to) await findPath();
  saveState();
}

function saveState() {
  const params = new URLSearchParams();
  if (state.entity) params.set('entity', state.entity);
  if (state.lang !== 'en') params.set('lang', state.lang);
  if (state.year !== null) params.set('year', state.year);
  if (state.year !== null && state.yearTo !== null) params.set('year_to', state.yearTo);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.evidence) params.set('evidence', '1');
  if (state.all) params.set('all', '1');
  params.set('hidden', [...hidden].sort().join(','));
  history.replaceState(null, '', `#${params}`);
}

function loadState() {
  const params = new URLSearchParams(location.hash.slice(1));
  state.entity = params.get('entity') || '';
  state.lang = ['en', 'ja', 'vi'].includes(params.get('lang')) ? params.get('lang') : 'en';
  const year = Number.parseInt(params.get('year') || '', 10);
  state.year = Number.isFinite(year) ? year : null;
  const yearTo = Number.parseInt(params.get('year_to') || '', 10);
  state.yearTo = Number.isFinite(yearTo) ? yearTo : null;
  state.from = params.get('from') || '';
  state.to = params.get('to') || '';
  state.evidence = params.get('evidence') === '1';
  state.all = params.get('all') === '1';
  if (params.has('hidden')) {
    hidden.clear();
    for (const key of params.get('hidden').split(',')) if (key) hidden.add(key);
  }
}

function download(blob, name) {
  const link = element('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function exportSvg() {
  if (!state.entity) return;
  const query = new URLSearchParams({ ego: state.entity, lang: state.lang });
  if (state.year !== null && state.yearTo === null) query.set('as_of', String(state.year));
  if (state.year !== null && state.yearTo !== null) {
    query.set('since', String(Math.min(state.year, state.yearTo)));
    query.set('until', String(Math.max(state.year, state.yearTo)));
  }
  const response = await fetch(`/api/render?${query}`);
  if (!response.ok) {
    status((await response.json()).error, true);
    return;
  }
  download(await response.blob(), `kizuna-${state.entity}.svg`);
}

function exportPng() {
  download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), `kizuna-${state.entity || 'map'}.png`);
}

// ---- search -----------------------------------------------------------------------------------------

let searchTimer = null;
let searchSeq = 0;
async function search(text) {
  const results = $('results');
  const seq = ++searchSeq;
  if (!text.trim()) {
    results.hidden = true;
    return;
  }
  let found;
  try {
    found = await api('search', { q: text, limit: 8 });
  } catch (error) {
    status(error.message, true);
    return;
  }
  if (seq !== searchSeq) return;  // a later keystroke's answer wins
  results.replaceChildren();
  for (const entity of found) {
    const item = element('li');
    const button = element('button');
    button.type = 'button';
    button.dataset.id = entity.id;
    button.append(document.createTextNode(entityName(entity)),
                  element('span', `${entity.kind} ${entity.country || ''}`, 'meta'));
    button.addEventListener('click', () => {
      results.hidden = true;
      $('search').value = entityName(entity);
      select(entity.id);
    });
    item.append(button);
    results.append(item);
  }
  results.hidden = found.length === 0;
}

// ---- start ------------------------------------------------------------------------------------------

async function start() {
  loadState();
  makeGraph();
  $('lang').value = state.lang;
  translatePage();
  try {
    await loadVocabulary();
  } catch (error) {
    status(error.message, true);
    return;
  }
  renderLegend();
  renderFilters();
  $('search').addEventListener('input', (event) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search(event.target.value), 120);
  });
  $('search').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      const first = $('results').querySelector('button');
      if (first) first.click();
    }
  });
  $('lang').addEventListener('change', (event) => changeLanguage(event.target.value));
  $('use-year').checked = state.year !== null;
  if (state.year !== null) $('year').value = String(state.year);
  $('year-label').textContent = $('year').value;
  $('use-range').checked = state.yearTo !== null;
  if (state.yearTo !== null) $('year-to').value = String(state.yearTo);
  $('year-to-label').textContent = $('year-to').value;
  const yearChanged = async () => {
    $('year-label').textContent = $('year').value;
    $('year-to-label').textContent = $('year-to').value;
    state.year = $('use-year').checked ? Number($('year').value) : null;
    state.yearTo = $('use-year').checked && $('use-range').checked ? Number($('year-to').value) : null;
    saveState();
    await applyYear();
    document.body.dataset.year = state.year === null ? '' : `${state.year}${state.yearTo === null ? '' : `-${state.yearTo}`}`;
  };
  for (const id of ['year', 'year-to']) $(id).addEventListener('input', yearChanged);
  for (const id of ['use-year', 'use-range']) $(id).addEventListener('change', yearChanged);
  $('path-form').addEventListener('submit', (event) => {
    event.preventDefault();
    findPath();
  });
  $('path-from').value = state.from;
  $('path-to').value = state.to;
  $('path-evidence').checked = state.evidence;
  $('path-all').checked = state.all;
  $('export-svg').addEventListener('click', exportSvg);
  $('export-png').addEventListener('click', exportPng);
  if (state.entity) await select(state.entity);
  if (state.from && state.to) await findPath();
  document.body.dataset.ready = '1';
}

window.addEventListener('DOMContentLoaded', start);

// What the browser tests ask of the map (web/tests): read-only views of the drawing's state, and a
// synthetic map of n entities to measure drawing time.
window.kizunaExplorer = {
  highlighted: () => ({ nodes: cy.nodes('.highlight').length, edges: cy.edges('.highlight').length }),
  faded: (relationId) => cy.getElementById(`r:${relationId}`).hasClass('faded'),
  hidden: (entityId) => cy.getElementById(entityId).hasClass('hidden'),
  labels: () => cy.nodes().map((node) => node.data('label')),
  drawSynthetic: (n) => {
    cy.elements().remove();
    const elements = [];
    for (let i = 0; i < n; ++i) {
      elements.push({ group: 'nodes', data: { id: `s${i}`, label: `entity ${i}`, shape: 'ellipse', fill: '#e8f5e9' } });
      if (i > 0) {
        elements.push({ group: 'edges', data: { id: `e${i}`, source: `s${Math.floor((i - 1) / 3)}`, target: `s${i}`,
                                                label: 'mou', colour: '#1d4ed8', arrow: 'none' } });
      }
    }
    cy.add(elements);
    layout();
  },
};
