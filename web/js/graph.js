// The map: Cytoscape.js with the style of the diagrams (style.js), calm expansions (at most MAX_NEW new
// organisations at once, the strongest first, the rest behind a "+N more" node), new organisations
// placed around the one expanded while the others stay, pins, layouts, bounded zoom and labels that
// hide rather than shrink below a readable size.
import { word, language } from './i18n.js';
import * as style from './style.js';

// At most this many new organisations per click or expansion: a hub's 3,000 neighbours drawn at once
// freeze the page and say nothing; 100 still fit a screen with readable labels (README, "The explorer").
export const MAX_NEW = 100;
// Labels are drawn at 12 px at zoom 1 and hidden when they would be drawn under 8 px (zoom < 0.67).
const FONT_PX = 12, MIN_FONT_PX = 8;

export let cy = null;

export function entityName(entity) {
  const names = entity?.names || {};
  return names[language()] || names.en || names.ja || names.vi || entity?.id || '';
}

// A label broken into lines of about `width` cells (a CJK character is two), at spaces when there are
// any, else anywhere: Japanese labels stay inside their shapes. At most four lines.
export function wrapLabel(text, width = 22) {
  const cells = (ch) => (/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1);
  const lines = [];
  let line = '', used = 0;
  const tokens = text.match(/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+|\s+/g) || [];
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (used > 0) { line += ' '; used += 1; }
      continue;
    }
    let size = [...token].reduce((n, ch) => n + cells(ch), 0);
    if (used + size > width && used > 0) {
      lines.push(line.trimEnd());
      line = ''; used = 0;
    }
    if (size > width) {  // a word longer than a line: cut it
      for (const ch of token) {
        if (used + cells(ch) > width) { lines.push(line); line = ''; used = 0; }
        line += ch; used += cells(ch);
      }
      continue;
    }
    line += token; used += size;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length > 4) return [...lines.slice(0, 3), `${lines[3].slice(0, -1)}…`].join('\n');
  return lines.join('\n');
}

export function makeGraph(container) {
  cy = cytoscape({
    container,
    minZoom: 0.08,
    maxZoom: 3,
    userZoomingEnabled: false,  // the wheel is ours: one notch is one bounded step (boundedWheel)
    boxSelectionEnabled: false,
    style: [
      { selector: 'node', style: {
        'label': 'data(label)', 'shape': 'data(shape)', 'background-color': 'data(fill)', 'border-width': 1,
        'border-color': '#4b5563', 'font-size': FONT_PX, 'min-zoomed-font-size': MIN_FONT_PX, 'text-wrap': 'wrap',
        'text-valign': 'center', 'text-halign': 'center', 'width': 'data(w)', 'height': 'data(h)',
        'color': '#111827', 'font-family': 'Noto Sans CJK JP, Noto Sans, sans-serif' } },
      // Colour by community: the group's fill (groups.js) instead of the country's.
      { selector: 'node.by-group', style: { 'background-color': 'data(groupFill)' } },
      { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#111827' } },
      { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 5 } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#2563eb' } },
      { selector: 'node.focused', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.25, 'overlay-padding': 8 } },
      { selector: 'node.more', style: { 'background-color': '#eff6ff', 'border-style': 'dashed', 'border-color': '#1d4ed8',
                                        'border-width': 2, 'shape': 'round-rectangle', 'color': '#1d4ed8', 'font-weight': 'bold',
                                        'min-zoomed-font-size': 0, 'z-index': 20 } },
      { selector: 'edge', style: {
        'label': 'data(label)', 'font-size': 10, 'min-zoomed-font-size': MIN_FONT_PX, 'curve-style': 'bezier',
        'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'data(arrow)',
        'arrow-scale': 1.2, 'width': 2, 'color': '#374151', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff',
        'text-background-opacity': 0.85, 'text-background-padding': 1 } },
      { selector: 'edge.evidence', style: { 'width': 1, 'font-style': 'italic' } },
      { selector: 'edge.more-edge', style: { 'line-style': 'dashed', 'line-color': '#9ca3af', 'target-arrow-shape': 'none', 'label': '' } },
      { selector: 'edge.possible', style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 5] } },
      { selector: 'edge.undated', style: { 'line-style': 'dotted' } },
      // Faded: not alive at the date. Still legible: the text stays dark enough to read.
      { selector: 'edge.faded', style: { 'line-color': 'data(pale)', 'target-arrow-color': 'data(pale)', 'color': '#4b5563' } },
      { selector: 'node.faded', style: { 'background-opacity': 0.35, 'border-style': 'dashed', 'border-color': '#9ca3af',
                                         'color': '#4b5563' } },
      { selector: '.filtered', style: { 'display': 'none' } },
      { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#f59e0b', 'z-index': 10 } },
      { selector: 'edge.highlight', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', 'width': 4, 'z-index': 10 } },
      // Changed between the two years compared (compare.js).
      { selector: 'edge.changed', style: { 'line-color': '#0d9488', 'target-arrow-color': '#0d9488', 'width': 4, 'z-index': 9 } },
      { selector: 'node.chain', style: { 'border-width': 4, 'border-color': '#7c3aed', 'border-style': 'dashed', 'z-index': 10 } },
      { selector: 'edge.chain', style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', 'width': 3,
                                         'line-style': 'dashed', 'z-index': 10 } },
    ],
  });
  boundedWheel(container);
  return cy;
}

// One wheel notch zooms by at most 20 %, around the pointer.
function boundedWheel(container) {
  container.addEventListener('wheel', (event) => {
    event.preventDefault();
    const factor = Math.min(1.2, Math.max(1 / 1.2, Math.exp(-event.deltaY * 0.0015)));
    const box = container.getBoundingClientRect();
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: event.clientX - box.left, y: event.clientY - box.top } });
  }, { passive: false });
}

export function zoomBy(factor) {
  const { width, height } = { width: cy.width(), height: cy.height() };
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
}

// Fits the map; on a phone not below the zoom where labels show (the rest is a pan away), around the
// centre organisation.
export function fit() {
  const shown = cy.nodes().not('.filtered');
  cy.fit(shown.nonempty() ? shown : undefined, 40);
  if (cy.zoom() > 1.4) cy.zoom({ level: 1.4, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  const readable = MIN_FONT_PX / FONT_PX + 0.05;
  if (cy.width() < 700 && cy.zoom() < readable) {
    cy.zoom(readable);
    const centre = cy.nodes('.centre');
    cy.center(centre.nonempty() ? centre : undefined);
  }
}

// The size of a label at FONT_PX, measured once per text: shapes are drawn around their labels.
const measurer = document.createElement('canvas').getContext('2d');
export function labelBox(label, shape) {
  measurer.font = `${FONT_PX}px Noto Sans CJK JP, Noto Sans, sans-serif`;
  const lines = label.split('\n');
  const width = Math.max(...lines.map((line) => measurer.measureText(line).width));
  const height = lines.length * FONT_PX * 1.25;
  // Shapes with cut corners or slanted sides need more room around the text than a rectangle.
  const room = { ellipse: 1.3, octagon: 1.25, pentagon: 1.3, hexagon: 1.3, rhomboid: 1.45, tag: 1.25, 'cut-rectangle': 1.15 }[shape] || 1;
  return { w: Math.ceil(width * room + 24), h: Math.ceil(height * (room > 1 ? 1.3 : 1) + 16) };
}

export function addEntity(entity, position) {
  const label = wrapLabel(entityName(entity));
  const shape = style.kindShape(entity.kind);
  const data = { id: entity.id, label, entity, shape, fill: style.countryFill(entity.country), ...labelBox(label, shape) };
  const existing = cy.getElementById(entity.id);
  if (existing.nonempty()) {
    existing.data(data);
    return existing;
  }
  return cy.add({ group: 'nodes', data, position: position || { x: 0, y: 0 } });
}

export function edgeLabel(relation) {
  const year = relation.start ? ` ${relation.start.slice(0, 4)}` : '';
  return `${style.typeLabel(relation.type)}${year}`;
}

// A colour mixed with white: a faded line that still shows its type's hue, under a label kept dark.
function pale(colour) {
  measurer.fillStyle = colour;
  const hex = measurer.fillStyle;  // the canvas gives any CSS colour back as #rrggbb
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return '#d1d5db';
  const mix = (at) => Math.round(parseInt(hex.slice(at, at + 2), 16) * 0.35 + 255 * 0.65).toString(16).padStart(2, '0');
  return `#${mix(1)}${mix(3)}${mix(5)}`;
}

export function addRelation(relation) {
  if (cy.getElementById(relation.from).empty() || cy.getElementById(relation.to).empty()) return null;
  const id = `r:${relation.id}`;
  const data = { id, source: relation.from, target: relation.to, relation, label: edgeLabel(relation),
                 colour: style.typeColour(relation.type), pale: pale(style.typeColour(relation.type)), arrow: style.typeDirected(relation.type) ? 'triangle' : 'none',
                 category: relation.category };
  const existing = cy.getElementById(id);
  const edge = existing.nonempty() ? existing.data(data) : cy.add({ group: 'edges', data });
  edge.toggleClass('evidence', relation.category === 'evidence');
  return edge;
}

// Places new nodes on rings around the node `around`, starting on the side away from the rest of the map,
// each ring a little wider; the nodes already there do not move.
export function placeAround(around, nodes) {
  if (!nodes.length) return;
  const centre = around.position();
  const others = cy.nodes().not(around).not(cy.collection(nodes));
  let away = 0;
  if (others.nonempty()) {
    const box = others.boundingBox();
    const mx = (box.x1 + box.x2) / 2, my = (box.y1 + box.y2) / 2;
    if (Math.hypot(centre.x - mx, centre.y - my) > 1) away = Math.atan2(centre.y - my, centre.x - mx);
  }
  const spread = others.nonempty() && away !== 0 ? Math.PI * 1.2 : Math.PI * 2;  // a fan outwards, or all round
  let placed = 0, ring = 0;
  while (placed < nodes.length) {
    const radius = 240 + ring * 150;
    const capacity = Math.max(5, Math.floor((spread * radius) / 210));
    const count = Math.min(capacity, nodes.length - placed);
    for (let i = 0; i < count; ++i) {
      const angle = spread >= Math.PI * 2 ? (2 * Math.PI * i) / count + ring * 0.3
                                          : away - spread / 2 + (spread * (i + 0.5)) / count;
      nodes[placed + i].position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    }
    placed += count;
    ring += 1;
  }
}

// The "+N more" node of an expansion: a click opens the list of the neighbours not drawn.
export function setMoreNode(parentId, count) {
  const id = `more:${parentId}`;
  const existing = cy.getElementById(id);
  if (count <= 0) {
    existing.remove();
    return;
  }
  const label = `+${count} ${word('more')}`;
  if (existing.nonempty()) {
    existing.data({ label, count, ...labelBox(label, 'round-rectangle') });
    return;
  }
  const parent = cy.getElementById(parentId);
  const node = cy.add({ group: 'nodes', classes: 'more', data: { id, label, parent_id: parentId, count, shape: 'round-rectangle', fill: '#f9fafb', ...labelBox(label, 'round-rectangle') },
                        position: { x: parent.position().x + 150, y: parent.position().y - 130 } });
  cy.add({ group: 'edges', classes: 'more-edge', data: { id: `more-edge:${parentId}`, source: parentId, target: id, colour: '#9ca3af', arrow: 'none', label: '' } });
  return node;
}

export const organisations = () => cy.nodes().not('.more');
export const relations = () => cy.edges().not('.more-edge');

// Layouts over the organisations shown; pinned ones stay where they are.
export function runLayout(name, selectedId) {
  const nodes = organisations().filter(':visible');
  const pinned = nodes.filter('.pinned');
  const elements = nodes.union(nodes.connectedEdges(':visible'));
  if (name === 'fcose') {
    elements.layout({
      name: 'fcose', quality: 'default', randomize: false, animate: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: 140, nodeRepulsion: 9000, nodeSeparation: 90, packComponents: true,
      fixedNodeConstraint: pinned.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
    }).run();
  } else if (name === 'concentric') {
    const root = cy.getElementById(selectedId).nonempty() ? cy.getElementById(selectedId) : nodes.filter('.centre').first();
    const depth = new Map();
    if (root.nonempty()) {
      elements.bfs({ roots: root, visit: (v, e, u, i, d) => { depth.set(v.id(), d); } });
    }
    const deepest = Math.max(0, ...depth.values()) + 1;
    nodes.not(pinned).layout({ name: 'concentric', animate: false, nodeDimensionsIncludeLabels: true, minNodeSpacing: 30,
                               concentric: (n) => deepest - (depth.has(n.id()) ? depth.get(n.id()) : deepest),
                               levelWidth: () => 1 }).run();
  } else if (name === 'country') {
    // A column per country (largest first), the organisations of each in a grid of its own.
    const groups = new Map();
    nodes.not(pinned).forEach((n) => {
      const code = n.data('entity')?.country || '';
      if (!groups.has(code)) groups.set(code, []);
      groups.get(code).push(n);
    });
    const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    let x = 0;
    for (const [, members] of ordered) {
      members.sort((a, b) => String(a.data('entity')?.kind).localeCompare(String(b.data('entity')?.kind)) || a.id().localeCompare(b.id()));
      const columns = Math.max(1, Math.ceil(Math.sqrt(members.length / 2)));
      members.forEach((n, i) => n.position({ x: x + (i % columns) * 200, y: Math.floor(i / columns) * 90 }));
      x += columns * 200 + 160;
    }
  }
  // "+N more" nodes stay beside their organisation.
  cy.nodes('.more').forEach((more) => {
    const parent = cy.getElementById(more.data('parent_id')).position();
    more.position({ x: parent.x + 150, y: parent.y - 130 });
  });
}

// The nearest node to `from` in a direction (arrow keys), among the organisations shown.
export function nearestInDirection(from, dx, dy) {
  const p = from.position();
  let best = null, bestScore = Infinity;
  cy.nodes(':visible').forEach((n) => {
    if (n.same(from)) return;
    const q = n.position();
    const vx = q.x - p.x, vy = q.y - p.y;
    const along = vx * dx + vy * dy;
    if (along <= 0) return;
    const across = Math.abs(vx * dy - vy * dx);
    const score = along + 2 * across;
    if (score < bestScore) { best = n; bestScore = score; }
  });
  return best;
}
