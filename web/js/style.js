// The visual vocabulary from the server (/api/style?lang=…: viz/src/style.cpp and core/vocabulary.h):
// shapes of kinds, fills of countries, colours of types (categories are hues, their types shades of it),
// fills of community groups and the names of all of them in the page's language. The page has no copy of
// its own.
import { api } from './api.js';

let sheet = { categories: [], types: [], kinds: [], countries: [], groups: [], fallback: { shape: 'ellipse', fill: '#eeeeee', colour: '#374151' } };
let types = new Map(), kinds = new Map(), countries = new Map(), categories = new Map();

export async function loadStyle() {
  sheet = await api('style');
  types = new Map(sheet.types.map((t) => [t.id, t]));
  kinds = new Map(sheet.kinds.map((k) => [k.id, k]));
  countries = new Map(sheet.countries.map((c) => [c.code, c]));
  categories = new Map(sheet.categories.map((c) => [c.id, c]));
}

export const styleSheet = () => sheet;
export const kindShape = (id) => kinds.get(id)?.shape || sheet.fallback.shape;
export const kindLabel = (id) => kinds.get(id)?.label || id;
export const countryFill = (code) => countries.get(code || '')?.fill || sheet.fallback.fill;
export const countryName = (code) => countries.get(code || '')?.name || code || '—';
export const typeColour = (id) => types.get(id)?.colour || sheet.fallback.colour;
export const typeLabel = (id) => types.get(id)?.label || id;
export const typeDirected = (id) => types.get(id)?.directed !== false;
export const typeCategory = (id) => types.get(id)?.category || 'other';
export const categoryName = (id) => categories.get(id)?.name || id;
export const categoryColour = (id) => categories.get(id)?.colour || sheet.fallback.colour;
// Community group n (1 = the largest): its fill from the sheet's palette, groups past it share the
// palette's last (grey) fill; 0, in no group, is white (as `render --color-by community` draws them).
export const NO_GROUP_FILL = '#ffffff';
export const groupColours = () => Math.max(0, sheet.groups.length - 1);
export const groupFill = (n) => (n <= 0 || !sheet.groups.length ? NO_GROUP_FILL : sheet.groups[Math.min(n, sheet.groups.length) - 1]);
// The order in which neighbours are drawn first (collaboration, ownership, programme, governance …).
export const categoryRank = (id) => categories.get(id)?.rank ?? 99;

// A small picture of a node's shape (SVG through the DOM), for the legend and lists.
const POINTS = {
  rectangle: '1,2 23,2 23,14 1,14', octagon: '7,1 17,1 23,5 23,11 17,15 7,15 1,11 1,5',
  pentagon: '12,1 23,6 20,15 4,15 1,6', hexagon: '6,1 18,1 23,8 18,15 6,15 1,8', rhomboid: '6,2 23,2 18,14 1,14',
  tag: '1,2 17,2 23,8 17,14 1,14', 'cut-rectangle': '5,2 19,2 23,6 23,14 1,14 1,6',
};
export function shapeIcon(shape, fill, stroke = '#4b5563') {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 16');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '16');
  svg.setAttribute('class', 'shape');
  svg.setAttribute('aria-hidden', 'true');
  let figure;
  if (shape === 'ellipse') {
    figure = document.createElementNS(ns, 'ellipse');
    for (const [k, v] of [['cx', 12], ['cy', 8], ['rx', 11], ['ry', 6.5]]) figure.setAttribute(k, v);
  } else if (shape === 'round-rectangle' || shape === 'barrel') {
    figure = document.createElementNS(ns, 'rect');
    for (const [k, v] of [['x', 1], ['y', 2], ['width', 22], ['height', 12], ['rx', shape === 'barrel' ? 6 : 3]]) figure.setAttribute(k, v);
  } else {
    figure = document.createElementNS(ns, 'polygon');
    figure.setAttribute('points', POINTS[shape] || POINTS.rectangle);
  }
  figure.setAttribute('fill', fill);
  figure.setAttribute('stroke', stroke);
  svg.append(figure);
  return svg;
}
// The same outlines for the exported SVG, scaled to a box centred at (x, y).
export function shapePath(shape, x, y, w, h) {
  const pts = (list) => list.map(([px, py]) => `${(x + px * w / 2).toFixed(1)},${(y + py * h / 2).toFixed(1)}`).join(' ');
  switch (shape) {
    case 'ellipse': return { tag: 'ellipse', attrs: { cx: x, cy: y, rx: w / 2, ry: h / 2 } };
    case 'round-rectangle': case 'barrel':
      return { tag: 'rect', attrs: { x: x - w / 2, y: y - h / 2, width: w, height: h, rx: shape === 'barrel' ? h / 3 : 8 } };
    case 'octagon': return { tag: 'polygon', attrs: { points: pts([[-0.42, -1], [0.42, -1], [1, -0.42], [1, 0.42], [0.42, 1], [-0.42, 1], [-1, 0.42], [-1, -0.42]]) } };
    case 'pentagon': return { tag: 'polygon', attrs: { points: pts([[0, -1], [1, -0.24], [0.62, 1], [-0.62, 1], [-1, -0.24]]) } };
    case 'hexagon': return { tag: 'polygon', attrs: { points: pts([[-0.5, -1], [0.5, -1], [1, 0], [0.5, 1], [-0.5, 1], [-1, 0]]) } };
    case 'rhomboid': return { tag: 'polygon', attrs: { points: pts([[-0.66, -1], [1, -1], [0.66, 1], [-1, 1]]) } };
    case 'tag': return { tag: 'polygon', attrs: { points: pts([[-1, -1], [0.7, -1], [1, 0], [0.7, 1], [-1, 1]]) } };
    case 'cut-rectangle': return { tag: 'polygon', attrs: { points: pts([[-0.85, -1], [0.85, -1], [1, -0.7], [1, 1], [-1, 1], [-1, -0.7]]) } };
    default: return { tag: 'rect', attrs: { x: x - w / 2, y: y - h / 2, width: w, height: h } };
  }
}
