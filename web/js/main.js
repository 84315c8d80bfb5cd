// The Kizuna explorer: a map of who works with whom, drawn from the JSON answers of `kizuna serve`.
// This module holds the view (state.js) and turns actions into views: every view action becomes a
// history entry whose URL holds the whole view, and any URL (a link, Back, Forward, an edited hash) is
// drawn by replaying it: the centre, the expansions in order (the same rule picks the same neighbours),
// the neighbours added from lists, the path, then the hidden, pinned and placed organisations.
import { api, partners, neighbourhood, details, neighbourNames } from './api.js';
import { word, setLanguage, language, translatePage, errorText } from './i18n.js';
import { emptyView, encode, decode, drawnKey, pathPosition } from './state.js';
import * as style from './style.js';
import { makeGraph, addEntity, addRelation, placeAround, setMoreNode, organisations, relations, runLayout, fit, zoomBy,
         nearestInDirection, MAX_NEW, entityName } from './graph.js';
import { showEntity, showRelation, remember, nameOf } from './panel.js';
import { askPath, renderPath } from './path.js';
import { renderFilters, applyFilters } from './filters.js';
import { setUpSearch } from './search.js';
import { openMore } from './more.js';
import { rankPartners, lightRows, nameKey } from './rank.js';
import { renderLegend } from './legend.js';
import { buildSvg, svgToPng, download } from './export.js';
import { communityParams, findGroups, paintGroups, groupRows } from './groups.js';
import { probeWritable, editEntity, editRelation, openHistory, panelButtons, savedNote } from './edit.js';
import { openDuplicates } from './duplicates.js';
import { askChanges, showChanges } from './compare.js';

const $ = (id) => document.getElementById(id);
let cy = null;
let view = emptyView();
let drawn = null;                 // drawnKey of what the map shows
const moreLists = new Map();      // expanded id -> the neighbours it did not draw (ranked)
const loaded = new Map();         // expanded hub -> its relations read in full (null: not a hub)
let pathAnswer = null;            // the last path question's answers
let activity = null;              // relation id -> activity at the chosen date (null: no date chosen)
let communities = null;           // the communities the map is coloured by (null: coloured by country)
let depth = 0, deepest = 0;       // this view's place in the history, for Undo and Redo
let busy = Promise.resolve();
let target = '';                  // the URL of the view shown or being drawn

function status(text, error) {
  const box = $('status');
  box.textContent = text;
  box.title = error ? error.message : '';
  box.classList.toggle('error', Boolean(error));
}
const fail = (error) => {
  console.warn(error);
  status(errorText(error), error);
};
function counts() {
  const shown = organisations().not('.filtered').length;
  status(`${shown} ${word('organisations')} · ${relations().not('.filtered').length} ${word('relations')}`);
}

// ---- the view and the history -------------------------------------------------------------------------

function recordPositions() {
  view.pos = {};
  organisations().forEach((n) => {
    const p = n.position();
    view.pos[n.id()] = [p.x, p.y];
  });
}
function recordCamera() {
  view.zoom = cy.zoom();
  view.pan = { ...cy.pan() };
}
// A view action: a new history entry.
function commit() {
  recordPositions();
  recordCamera();
  drawn = drawnKey(view);
  depth += 1;
  deepest = depth;
  target = encode(view);
  history.pushState({ depth }, '', target);
  updateButtons();
}
// A change of camera or selection: the same entry, its URL updated.
function remember_() {
  recordCamera();
  target = encode(view);
  history.replaceState({ depth }, '', target);
}
let cameraTimer = null;
function cameraMoved() {
  clearTimeout(cameraTimer);
  cameraTimer = setTimeout(remember_, 250);
}

function updateButtons() {
  $('undo').disabled = depth <= 0;
  $('redo').disabled = depth >= deepest;
  const node = selectedNode();
  for (const id of ['pin', 'hide', 'expand']) $(id).disabled = !node;
  $('pin').textContent = word(node && node.hasClass('pinned') ? 'Unpin' : 'Pin');
}

// Draws a view from nothing (replaying it) or, when only the camera, positions or filters differ, adjusts.
async function show(next) {
  const languageChanged = next.lang !== language();
  if (languageChanged) {
    setLanguage(next.lang);
    await style.loadStyle();
    translatePage();
    $('lang').value = next.lang;
  }
  const redraw = languageChanged || drawnKey(next) !== drawn;
  view = next;
  syncControls();
  renderFilters($('category-filters'), view.filters, filterChanged);
  if (redraw) await replay();
  placeFromView();
  applyFilters(cy, view.filters);
  if (redraw) counts();  // what is drawn: counted once the filters have hidden what they hide
  await applyTime();
  await applyColour();
  if (view.zoom !== null && view.pan) cy.viewport({ zoom: view.zoom, pan: view.pan });
  else fit();
  await showSelection();
  drawn = drawnKey(view);
  updateButtons();
}

async function replay() {
  cy.elements().remove();
  moreLists.clear();
  loaded.clear();
  pathAnswer = null;
  $('path-hops').replaceChildren();
  // In the order they were made: a path asked before some expansions is drawn before them (those may
  // expand organisations only the path brought onto the map).
  const pathAt = pathPosition(view);
  const answers = await Promise.all(view.expanded.map((id) => neighbourhood(id)));
  if (view.centre) {
    const centre = addEntity(answers[0].entity, { x: 0, y: 0 });
    centre.addClass('centre');
    remember(answers[0].entity);
  }
  for (let i = 0; i < view.expanded.length; ++i) {
    if (i === pathAt) await drawPath();
    await expandWith(view.expanded[i], answers[i]);
  }
  for (const item of view.added) {
    const [parent, child] = item.split('~');
    await addFromList(parent, [child]);
  }
  if (pathAt === view.expanded.length) await drawPath();
  for (const id of view.hidden) {
    cy.getElementById(id).remove();
    cy.getElementById(`more:${id}`).remove();
  }
}

function placeFromView() {
  cy.batch(() => {
    organisations().forEach((n) => {
      const p = view.pos[n.id()];
      if (p) n.position({ x: p[0], y: p[1] });
      const pinned = view.pinned.includes(n.id());
      n.toggleClass('pinned', pinned);
      if (pinned) n.lock(); else n.unlock();
    });
    cy.nodes('.more').forEach((more) => {
      const parent = cy.getElementById(more.data('parent_id')).position();
      more.position({ x: parent.x + 150, y: parent.y - 130 });
    });
  });
}

// ---- expansions -----------------------------------------------------------------------------------------

const onMap = (id) => cy.getElementById(id).nonempty();

// Draws the neighbours of `id` from its neighbourhood (api.js): at most MAX_NEW new ones, the strongest
// first, placed around it; the rest behind its "+N more" node. Relations to neighbours already drawn are
// added too.
async function expandWith(id, hood) {
  const node = cy.getElementById(id);
  if (node.empty()) return 0;
  remember(hood.entity);
  const groups = rankPartners(hood.light ? lightRows(id, hood.light) : hood.partners);
  // Hidden ones count as drawn and are removed after: a link replays exactly the same choice.
  const fresh = groups.filter((g) => !onMap(g.id));
  const chosen = fresh.slice(0, MAX_NEW).map((g) => g.id);
  // A hub's light answer: the chosen ones and those already drawn are read in full.
  const full = hood.light ? await details(id, [...chosen, ...groups.filter((g) => onMap(g.id)).map((g) => g.id)]) : hood.partners;
  const rows = rankPartners(full);
  const byId = new Map(rows.map((g) => [g.id, g]));
  const added = [];
  cy.batch(() => {
    for (const pid of chosen) {
      const g = byId.get(pid);
      if (!g) continue;
      remember(g.entity);
      added.push(addEntity(g.entity));
    }
    placeAround(node, added);
    for (const g of rows) if (onMap(g.id)) for (const relation of g.relations) addRelation(relation);
    for (const hiddenId of view.hidden) if (hiddenId !== id) cy.getElementById(hiddenId).remove();
  });
  const rest = groups.filter((g) => !onMap(g.id) && !view.hidden.includes(g.id));  // dismissed: back by Undo
  for (const g of rest) if (byId.has(g.id)) Object.assign(g, byId.get(g.id));
  moreLists.set(id, rest);
  loaded.set(id, hood.light ? rows : null);
  setMoreNode(id, rest.length);
  // A small neighbourhood: also the relations among its members (the ego network), as the CLI draws it.
  if (!hood.light && hood.partners.length <= 150) {
    const ego = await api(`ego/${encodeURIComponent(id)}`, { radius: 1, include_evidence: true }, { cached: true });
    cy.batch(() => { for (const relation of ego.relations) addRelation(relation); });
  }
  return added.length;
}

// Adds neighbours of `parent` from its "+N more" list (read in full first when it is a hub's).
async function addFromList(parent, ids) {
  const rest = moreLists.get(parent);
  const around = cy.getElementById(parent);
  if (!rest || around.empty()) return [];
  const wanted = rest.filter((g) => ids.includes(g.id) && !onMap(g.id));
  const needFull = wanted.filter((g) => !g.entity.names || !g.relations[0].id);
  if (needFull.length) {
    const full = rankPartners(await details(parent, needFull.map((g) => g.id)));
    for (const g of full) Object.assign(rest.find((x) => x.id === g.id), { entity: g.entity, relations: g.relations });
    const kept = loaded.get(parent);
    if (kept) kept.push(...full);
  }
  const added = [];
  cy.batch(() => {
    for (const g of wanted) {
      remember(g.entity);
      added.push(addEntity(g.entity));
    }
    placeAround(around, added);
    for (const g of wanted) for (const relation of g.relations) addRelation(relation);
  });
  const left = rest.filter((g) => !onMap(g.id));
  moreLists.set(parent, left);
  setMoreNode(parent, left.length);
  return added;
}

async function expand(id) {
  if (!onMap(id)) return;
  if (view.expanded.includes(id)) {
    status(word('nothing new'));
    return;
  }
  status(word('loading'));
  try {
    const hood = await neighbourhood(id);
    view.expanded.push(id);
    const added = await expandWith(id, hood);
    applyFilters(cy, view.filters);
    await applyTime();
    await applyColour();
    commit();
    if (added === 0) status(word('nothing new'));
    else {
      counts();
      const rest = moreLists.get(id).length;
      if (rest) status(`${$('status').textContent} · ${word('at most N new at once', MAX_NEW)}`);
    }
  } catch (error) {
    fail(error);
  }
}

// A new centre: a new map.
async function choose(id) {
  const next = { ...emptyView(), lang: view.lang, year: view.year, yearTo: view.yearTo, filters: view.filters,
                 colour: view.colour, centre: id, expanded: [id], selected: `n:${id}` };
  status(word('loading'));
  try {
    await show(next);
    commit();
    counts();
  } catch (error) {
    fail(error);
  }
}

// ---- the path ---------------------------------------------------------------------------------------------

async function drawPath() {
  pathAnswer = await askPath(view, {});
  const { answer, chain } = pathAnswer;
  const addPaths = (paths, entities, className) => {
    for (const path of paths) {
      let previous = null;
      path.nodes.forEach((id) => {
        if (!onMap(id)) {
          const node = addEntity(entities[id]);
          const anchor = previous || cy.nodes().not(node).first();
          if (anchor && anchor.nonempty()) placeAround(anchor, [node]);
        }
        previous = cy.getElementById(id);
      });
      for (const relation of path.relations) addRelation(relation)?.addClass(className);
      for (const id of path.nodes) cy.getElementById(id).addClass(className);
    }
  };
  cy.batch(() => {
    addPaths(answer.paths, answer.entities, 'highlight');
    if (chain && view.chain) addPaths(chain.paths, chain.entities, 'chain');
  });
  renderHops();
}

function renderHops() {
  if (!pathAnswer) return;
  renderPath($('path-hops'), pathAnswer, (id) => (activity ? activity.get(id) ?? null : undefined), () => {
    view.chain = !view.chain;
    redrawAndCommit();
  }, view.chain, view.all);
  const { answer, chain } = pathAnswer;
  if (answer.paths.length) status(`${answer.paths[0].length} ${word('hops')}`);
  else status(chain ? word('only evidence connects them') : word('no connection'));
}

async function redrawAndCommit() {
  try {
    drawn = null;
    const keep = { ...view.pos };
    await show(view);
    view.pos = keep;
    placeFromView();
    commit();
    renderHops();
  } catch (error) {
    fail(error);
  }
}

async function findPath() {
  status('');  // a new question: nothing of the previous answer stays
  $('path-hops').replaceChildren();
  cy.elements().removeClass('highlight chain');
  view.from = $('path-from').value.trim();
  view.to = $('path-to').value.trim();
  view.evidence = $('path-evidence').checked;
  view.all = $('path-all').checked;
  view.chain = false;
  view.pathAt = view.expanded.length;  // later expansions are replayed after the path
  if (!view.from || !view.to) {  // the question withdrawn: its path leaves the map
    view.from = view.to = '';
  } else status(word('loading'));
  try {
    recordPositions();
    const keep = { ...view.pos };
    drawn = null;
    await show(view);
    view.pos = { ...keep, ...view.pos };
    commit();
    if (view.from) {
      renderHops();
      fit();
    } else counts();
  } catch (error) {
    fail(error);
  }
}

// ---- time -------------------------------------------------------------------------------------------------

function when() {
  if (view.year === null) return null;
  if (view.yearTo === null) return { as_of: view.year };
  return { since: Math.min(view.year, view.yearTo), until: Math.max(view.year, view.yearTo) };
}

// Relations fade when not alive at the date (the server's interval rule decides), go dashed when
// possibly alive, dotted when undated; organisations with no relation alive fade too.
let timeSeq = 0;
async function applyTime() {
  const mine = ++timeSeq;  // a later date wins: answers to an earlier one are dropped
  const period = when();
  const states = new Map();
  if (period) {
    const asked = new Set();
    const ask = async (ids) => {
      const answers = await Promise.all(ids.map((id) => partners(id, { ...period, undated: 'include' })));
      ids.forEach((id) => asked.add(id));
      for (const answer of answers) for (const { relation } of answer.partners) states.set(relation.id, relation.activity);
    };
    const covered = (e) => asked.has(e.source().id()) || asked.has(e.target().id());
    await ask(view.expanded.filter(onMap));
    await ask([...new Set(relations().filter((e) => !covered(e)).map((e) => e.source().id()))]);
    if (mine !== timeSeq) return;
  }
  activity = period ? states : null;
  cy.batch(() => {
    cy.edges().removeClass('faded possible undated');
    organisations().removeClass('faded');
    if (!period) return;
    relations().forEach((e) => {
      const state = states.get(e.data('relation').id);
      if (state === undefined) e.addClass('faded');
      else if (state === 'possibly_active') e.addClass('possible');
      else if (state === 'date_unknown') e.addClass('undated');
    });
    organisations().forEach((n) => {
      const own = n.connectedEdges().not('.more-edge');
      if (own.nonempty() && own.every((e) => e.hasClass('faded'))) n.addClass('faded');
    });
  });
  document.body.dataset.year = period ? `${view.year}${view.yearTo === null ? '' : `-${view.yearTo}`}` : '';
  renderHops();
}

// ---- selection and the panel ---------------------------------------------------------------------------

function selectedNode() {
  if (!view.selected.startsWith('n:')) return null;
  const node = cy.getElementById(view.selected.slice(2));
  return node.nonempty() && !node.hasClass('filtered') ? node : null;
}

async function showSelection() {
  const panel = $('panel');
  cy.elements().unselect();
  cy.edges().removeClass('changed');  // the comparison's marks go with its panel
  if (view.selected.startsWith('n:')) {
    const id = view.selected.slice(2);
    cy.getElementById(id).select();
    try {
      const hood = await neighbourhood(id);
      // A hub's panel lists the relations drawn; the rest are behind its "+N more".
      const rows = hood.light ? (loaded.get(id) || []).flatMap((g) => g.relations.map((relation) => ({ relation, partner: g.entity }))) : hood.partners;
      const period = when();
      const dated = period && !hood.light ? await partners(id, { ...period, undated: 'include' }) : null;
      const states = dated ? new Map(dated.partners.map(({ relation }) => [relation.id, relation.activity])) : activity;
      showEntity(panel, hood.entity, rows, states ? (rid) => states.get(rid) ?? null : null,
                 hood.light ? new Set(hood.light.map((r) => r.partner)).size : null);
      panelButtons(panel, { entity: hood.entity, rows, ...editActions });
    } catch (error) {
      fail(error);
    }
  } else if (view.selected.startsWith('r:')) {
    const edge = cy.getElementById(view.selected);
    if (edge.nonempty()) {
      edge.select();
      const relation = edge.data('relation');
      showRelation(panel, relation, activity ? activity.get(relation.id) ?? null : undefined);
      panelButtons(panel, { relation, ...editActions });
    } else panel.replaceChildren();  // no longer on the map (hidden by a filter's replay, or undone)
  } else panel.replaceChildren();
  updateButtons();
}

function select(id) {
  view.selected = id;
  remember_();
  showSelection();
  if ($('aside').dataset.closed === '1' && id) togglePanel(false);
}

// ---- compare two years (compare.js) --------------------------------------------------------------------------

// The panel lists what changed between the two years (of the centred organisation's relations when there
// is one); the relations listed that are on the map are marked.
async function compareYears() {
  const from = $('compare-from').value.trim(), to = $('compare-to').value.trim();
  if (!from || !to) return;
  status(word('loading'));
  try {
    const answer = await askChanges(from, to, view.centre || undefined);
    const ids = showChanges($('panel'), answer);
    cy.batch(() => {
      cy.edges().removeClass('changed');
      for (const id of ids) cy.getElementById(`r:${id}`).addClass('changed');
    });
    if ($('aside').dataset.closed === '1') togglePanel(false);
    counts();
  } catch (error) {
    fail(error);
  }
}

// ---- editing (edit.js): after a write the map and the panel are read again --------------------------------

// A new organisation opens as the centre of a new map; any other write redraws the view as it is.
// written: the organisation written (or an end of the relation written), for "saved as change #N".
async function afterWrite(newCentre, written = newCentre) {
  try {
    await style.loadStyle();  // a new kind or type has its words and colours
    if (newCentre) {
      await choose(newCentre);
    } else {
      recordPositions();
      const keep = { ...view.pos };
      drawn = null;
      await show(view);
      view.pos = { ...keep, ...view.pos };
      remember_();
      counts();
    }
    const note = written ? await savedNote(written) : '';
    if (note) status(`${$('status').textContent} · ${note}`);
  } catch (error) {
    fail(error);
  }
}
// After a merge the merged-away organisation's id names the kept one: the view names the kept one instead
// (centre, expansions, pins, path ends), and the kept one is selected.
async function afterMerge(keep, other) {
  const rename = (id) => (id === other ? keep : id);
  const unique = (ids) => [...new Set(ids.map(rename))];
  view.expanded = unique(view.expanded);
  view.added = unique(view.added);
  view.pinned = unique(view.pinned);
  view.hidden = view.hidden.filter((id) => id !== other);
  delete view.pos[other];
  if (view.from === other) view.from = keep;
  if (view.to === other) view.to = keep;
  if (view.centre === other) view.centre = keep;
  view.selected = `n:${keep}`;
  remember_();
  await afterWrite(null);
  select(`n:${keep}`);
}
const editActions = {
  onEditEntity: (entity) => editEntity($('edit-dialog'), entity, (id) => afterWrite(null, id)),
  onAddRelation: (entity) => editRelation($('edit-dialog'), null, (record) => afterWrite(view.centre ? null : record.from, record.from), { from: entity, nameOf }),
  onEditRelation: (relation) => editRelation($('edit-dialog'), relation, (record) => afterWrite(null, record.from), { nameOf }),
  // After a merge the kept organisation is shown: the merged-away one is no longer on any map.
  onDuplicates: (entity) => openDuplicates($('edit-dialog'), entity, (keep, other) => afterMerge(keep, other)),
};

// ---- actions on the selected organisation ------------------------------------------------------------------

function togglePin() {
  const node = selectedNode();
  if (!node) return;
  const id = node.id();
  if (view.pinned.includes(id)) view.pinned = view.pinned.filter((x) => x !== id);
  else view.pinned.push(id);
  placeFromView();
  commit();
}

function hide() {
  const node = selectedNode();
  if (!node) return;
  const id = node.id();
  view.hidden.push(id);
  view.pinned = view.pinned.filter((x) => x !== id);
  node.remove();
  cy.getElementById(`more:${id}`).remove();
  view.selected = '';
  showSelection();
  applyColour();
  commit();
  counts();
}

function layout(name) {
  if (!name) return;
  view.layout = name;
  runLayout(name, view.selected.startsWith('n:') ? view.selected.slice(2) : view.centre);
  fit();
  commit();
}

function filterChanged(key, shown) {
  view.filters = shown ? view.filters.filter((x) => x !== key) : [...view.filters, key];
  applyFilters(cy, view.filters);
  applyColour();  // the groups of the relations the filters keep, and the legend of those drawn
  commit();
  counts();
}

// Colour by country or by community: the groups come from the server for the view's relation filters
// and date (groups.js); the legend lists the groups drawn. A failure leaves the map coloured by country.
let colourSeq = 0;
async function applyColour() {
  const mine = ++colourSeq;  // a later view wins: answers for an earlier date or filter are dropped
  const period = when();
  let found = null;
  if (view.colour === 'community') {
    try {
      found = await findGroups(communityParams(view.filters, period));
    } catch (error) {
      fail(error);
    }
    if (mine !== colourSeq) return;
  }
  communities = found;
  paintGroups(cy, found);
  renderLegend($('legend'), found ? { rows: groupRows(organisations().not('.filtered'), found), count: found.count,
                                      modularity: found.modularity } : null);
  // What the fills show (the date they were asked for), for the browser tests.
  document.body.dataset.colour = found ? `community${period ? `@${Object.values(period).join('-')}` : ''}` : 'country';
}

async function colourChanged() {
  view.colour = $('colour').value === 'community' ? 'community' : 'country';
  await applyColour();
  commit();
}

async function timeChanged() {
  $('year-label').textContent = $('year').value;
  $('year-to-label').textContent = $('year-to').value;
  view.year = $('use-year').checked ? Number($('year').value) : null;
  view.yearTo = $('use-year').checked && $('use-range').checked ? Number($('year-to').value) : null;
  try {
    await applyTime();
    await applyColour();
    await showSelection();
    remember_();
  } catch (error) {
    fail(error);
  }
}

function syncControls() {
  $('lang').value = view.lang;
  $('use-year').checked = view.year !== null;
  if (view.year !== null) $('year').value = String(view.year);
  $('use-range').checked = view.yearTo !== null;
  if (view.yearTo !== null) $('year-to').value = String(view.yearTo);
  $('year-label').textContent = $('year').value;
  $('year-to-label').textContent = $('year-to').value;
  $('path-from').value = view.from;
  $('path-to').value = view.to;
  $('path-evidence').checked = view.evidence;
  $('path-all').checked = view.all;
  $('colour').value = view.colour;
}

function togglePanel(close) {
  const aside = $('aside');
  const closed = close ?? aside.dataset.closed !== '1';
  aside.dataset.closed = closed ? '1' : '0';
  $('toggle-panel').setAttribute('aria-expanded', String(!closed));
  setTimeout(() => cy.resize(), 0);
}

// ---- export ----------------------------------------------------------------------------------------------

function exportTitle() {
  if (view.from && view.to && pathAnswer) {
    const { answer } = pathAnswer;
    return `${nameOf(answer.from)} → ${nameOf(answer.to)}`;
  }
  return view.centre ? nameOf(view.centre) : word('Kizuna explorer');
}
function exportDate() {
  if (view.year === null) return word('no date filter');
  return view.yearTo === null ? `${word('as of')} ${view.year}` : `${word('period')} ${Math.min(view.year, view.yearTo)}–${Math.max(view.year, view.yearTo)}`;
}
function exportSvgText() {
  const width = Number($('export-width').value) || 1920, height = Number($('export-height').value) || 1080;
  return { svg: buildSvg(cy, { title: exportTitle(), dateText: exportDate(), width, height, highlights: $('export-highlight').checked, groups: communities }),
           width, height };
}
const exportName = (ext) => `kizuna-${view.centre || 'map'}.${ext}`;

// ---- keyboard on the map -------------------------------------------------------------------------------------

function mapKeys(event) {
  const focused = cy.nodes('.focused').first();
  const start = () => (focused.nonempty() ? focused : (selectedNode() || cy.nodes('.centre').first() || cy.nodes(':visible').first()));
  const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  if (moves[event.key]) {
    const from = start();
    if (!from || from.empty()) return;
    const next = focused.empty() ? from : nearestInDirection(from, ...moves[event.key]);
    if (next) {
      cy.nodes().removeClass('focused');
      next.addClass('focused');
      const label = next.hasClass('more') ? next.data('label') : nameOf(next.id());
      $('announce').textContent = label;
      if (!next.renderedBoundingBox || cy.extent().x1 > next.position().x || cy.extent().x2 < next.position().x ||
          cy.extent().y1 > next.position().y || cy.extent().y2 < next.position().y) cy.center(next);
    }
  } else if (event.key === 'Enter' && focused.nonempty()) {
    if (focused.hasClass('more')) openMoreOf(focused.data('parent_id'));
    else select(`n:${focused.id()}`);
  } else if ((event.key === '+' || event.key === 'e') && (focused.nonempty() || selectedNode())) {
    expand((focused.nonempty() ? focused : selectedNode()).id());
  } else if (event.key === 'Delete' && selectedNode()) hide();
  else if (event.key.toLowerCase() === 'p' && selectedNode()) togglePin();
  else if (event.key === 'Escape') {
    cy.nodes().removeClass('focused');
    select('');
  } else return;
  event.preventDefault();
}

async function openMoreOf(parent) {
  const rest = moreLists.get(parent) || [];
  if (rest.some((g) => !g.entity.names)) {  // a hub's list: names read when first opened
    status(word('loading'));
    try {
      const names = await neighbourNames(parent);
      for (const g of rest) {
        if (!g.entity.names && names.has(g.id)) g.entity = names.get(g.id);
        nameKey(g);
      }
    } catch (error) {
      fail(error);
      return;
    }
    counts();
  }
  openMore($('more-dialog'), nameOf(parent), rest, async (ids) => {
    try {
      const added = await addFromList(parent, ids.slice(0, MAX_NEW));
      for (const node of added) view.added.push(`${parent}~${node.id()}`);
      view.hidden = view.hidden.filter((id) => !ids.includes(id));
      applyFilters(cy, view.filters);
      await applyTime();
      await applyColour();
      commit();
      counts();
    } catch (error) {
      fail(error);
    }
  });
}

// ---- start ---------------------------------------------------------------------------------------------------

async function start() {
  view = decode(location.hash);
  setLanguage(view.lang);
  translatePage();
  cy = makeGraph($('canvas'));
  try {
    await style.loadStyle();
  } catch (error) {
    fail(error);
    return;
  }
  cy.on('tap', 'node', (event) => {
    const node = event.target;
    if (node.hasClass('more')) openMoreOf(node.data('parent_id'));
    else select(`n:${node.id()}`);
  });
  cy.on('tap', 'edge', (event) => { if (!event.target.hasClass('more-edge')) select(event.target.id()); });
  cy.on('tap', (event) => { if (event.target === cy) select(''); });
  cy.on('dbltap', 'node', (event) => { if (!event.target.hasClass('more')) expand(event.target.id()); });
  cy.on('dragfree', 'node', () => commit());
  cy.on('viewport', cameraMoved);
  setUpSearch($('search'), $('results'), choose, fail);
  if (await probeWritable()) {
    $('editing').hidden = false;
    $('add-entity').addEventListener('click', () => editEntity($('edit-dialog'), null, (id) => afterWrite(id)));
    $('add-relation').addEventListener('click', () => editRelation($('edit-dialog'), null, (record) => afterWrite(view.centre ? null : record.from, record.from), { nameOf }));
    $('history').addEventListener('click', () => openHistory($('edit-dialog'), () => afterWrite(null)));
  }
  $('lang').addEventListener('change', async (event) => {
    try {
      recordPositions();
      await show({ ...view, lang: event.target.value });
      commit();
      if (pathAnswer) renderHops();
    } catch (error) {
      fail(error);
    }
  });
  for (const id of ['year', 'year-to']) $(id).addEventListener('input', timeChanged);
  for (const id of ['use-year', 'use-range']) $(id).addEventListener('change', timeChanged);
  $('path-form').addEventListener('submit', (event) => {
    event.preventDefault();
    findPath();
  });
  $('compare-form').addEventListener('submit', (event) => {
    event.preventDefault();
    compareYears();
  });
  $('fit').addEventListener('click', () => fit());
  $('zoom-in').addEventListener('click', () => zoomBy(1.25));
  $('zoom-out').addEventListener('click', () => zoomBy(1 / 1.25));
  $('reset').addEventListener('click', () => {
    const node = selectedNode() || cy.nodes('.centre').first();
    cy.zoom(1);
    if (node && node.nonempty()) cy.center(node); else cy.center();
  });
  $('undo').addEventListener('click', () => { if (depth > 0) history.back(); });
  $('redo').addEventListener('click', () => { if (depth < deepest) history.forward(); });
  $('layout').addEventListener('change', (event) => {
    layout(event.target.value);
    event.target.value = '';
  });
  $('colour').addEventListener('change', colourChanged);
  $('pin').addEventListener('click', togglePin);
  $('hide').addEventListener('click', hide);
  $('expand').addEventListener('click', () => { const n = selectedNode(); if (n) expand(n.id()); });
  $('toggle-panel').addEventListener('click', () => togglePanel());
  $('canvas').addEventListener('keydown', mapKeys);
  $('export-svg').addEventListener('click', () => {
    const { svg } = exportSvgText();
    download(new Blob([svg], { type: 'image/svg+xml' }), exportName('svg'));
  });
  $('export-png').addEventListener('click', async () => {
    const { svg, width, height } = exportSvgText();
    download(await svgToPng(svg, width, height), exportName('png'));
  });
  document.addEventListener('keydown', (event) => {
    if (event.target.closest('input, select, textarea, dialog')) return;
    if ((event.ctrlKey || event.metaKey) && event.key === 'z') { $('undo').click(); event.preventDefault(); }
    if ((event.ctrlKey || event.metaKey) && event.key === 'y') { $('redo').click(); event.preventDefault(); }
  });
  // Back, Forward, Undo, Redo, an edited hash: draw the view the URL holds.
  target = encode(view);
  const fromUrl = () => {
    if (history.state === null) {  // a hash typed or set: a new entry of our own
      deepest = depth += 1;
      history.replaceState({ depth }, '', location.hash);
    } else depth = history.state.depth;
    const next = decode(location.hash);
    if (encode(next) === target) return;
    target = encode(next);
    busy = busy.then(() => show(next)).then(() => {
      if (pathAnswer) renderHops();
      recordPositions();
      remember_();
      target = encode(view);
    }).catch(fail);
  };
  window.addEventListener('popstate', fromUrl);
  window.addEventListener('hashchange', fromUrl);
  if (window.matchMedia('(max-width: 700px)').matches) togglePanel(true);
  try {
    drawn = null;
    await show(view);
    recordPositions();
    recordCamera();
    target = encode(view);
    history.replaceState({ depth: 0 }, '', target);
  } catch (error) {
    fail(error);
  }
  document.body.dataset.ready = '1';
}

window.addEventListener('DOMContentLoaded', start);

// What the browser tests read of the map (web/tests): views of the drawing's state, never changes to it.
window.kizunaExplorer = {
  nodes: () => organisations().filter(':visible').map((n) => n.id()).sort(),
  positions: () => Object.fromEntries(organisations().map((n) => [n.id(), [Math.round(n.position().x), Math.round(n.position().y)]])),
  more: () => cy.nodes('.more').map((n) => ({ parent: n.data('parent_id'), count: n.data('count') })),
  edges: () => relations().map((e) => e.data('relation').id).sort(),
  highlighted: () => ({ nodes: cy.nodes('.highlight').length, edges: cy.edges('.highlight').length }),
  chain: () => ({ nodes: cy.nodes('.chain').length, edges: cy.edges('.chain').length }),
  changed: () => cy.edges('.changed').map((e) => e.data('relation').id).sort(),
  faded: (relationId) => cy.getElementById(`r:${relationId}`).hasClass('faded'),
  nodeFaded: (id) => cy.getElementById(id).hasClass('faded'),
  hidden: (entityId) => cy.getElementById(entityId).hasClass('filtered'),
  // The fill each organisation shown is drawn with, and its community group number (0: in no group).
  fills: () => Object.fromEntries(organisations().filter(':visible').map((n) => [n.id(), n.style('background-color')])),
  groups: () => Object.fromEntries(organisations().filter(':visible').filter('.by-group').map((n) => [n.id(), n.data('group')])),
  labels: () => organisations().map((n) => entityName(n.data('entity'))),
  zoom: () => cy.zoom(),
  renderedLabelPx: () => 12 * cy.zoom(),
  busy: () => busy,
  renderedPosition: (id) => {
    const p = cy.getElementById(id).renderedPosition();
    const box = cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
};
