// Slide-ready pictures of what is on screen: the organisations and relations in view, as drawn (not a
// new query), at 16:9 (1920×1080 unless another size is chosen), with a title, the date the view shows, a
// legend of only what is drawn (the community groups instead of the countries when the map is coloured
// by community) and the sources as numbered footnotes. No text under MIN_TEXT_PX; labels
// wrapped inside their shapes (Japanese too). The path highlight only when asked.
import { word } from './i18n.js';
import * as style from './style.js';
import { organisations } from './graph.js';
import { groupRows } from './groups.js';

const MIN_TEXT_PX = 10;
const FONT = 'Noto Sans CJK JP, Noto Sans, sans-serif';
const measurer = document.createElement('canvas').getContext('2d');
const textWidth = (text, px, bold = false) => {
  measurer.font = `${bold ? 'bold ' : ''}${px}px ${FONT}`;
  return measurer.measureText(text).width;
};
const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attrs = (map) => Object.entries(map).map(([k, v]) => `${k}="${esc(typeof v === 'number' ? v.toFixed(1) : v)}"`).join(' ');

// Lines of text that fit `width` pixels at `px` (at spaces when there are any, else anywhere).
function fitLines(text, px, width, most = 50) {
  const lines = [];
  for (const paragraph of String(text).split('\n')) {
    let line = '';
    const tokens = paragraph.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+|\s+/g) || [];
    for (const token of tokens) {
      const next = line + token;
      if (line.trim() && textWidth(next, px) > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line = next;
    }
    if (line.trim()) lines.push(line.trimEnd());
  }
  return lines.slice(0, most);
}

// The picture as SVG text. view: the title and date words; options: {width, height, highlights, groups}
// (groups: the communities the map is coloured by, groups.js findGroups; null: coloured by country).
export function buildSvg(cy, { title, dateText, width = 1920, height = 1080, highlights = false, groups = null }) {
  const out = [];
  const extent = cy.extent();
  const inView = (n) => {
    const p = n.position();
    return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2;
  };
  const nodes = organisations().filter(':visible').filter(inView);
  const ids = new Set(nodes.map((n) => n.id()));
  const edges = cy.edges(':visible').not('.more-edge').filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()));

  // Footnotes: each distinct source of the relations drawn (then of the organisations), numbered.
  const notes = [];
  const noteOf = new Map();
  const number = (source) => {
    const key = `${source.title}|${source.url || ''}|${source.locator || ''}`;
    if (!noteOf.has(key)) {
      notes.push(source);
      noteOf.set(key, notes.length);
    }
    return noteOf.get(key);
  };
  const edgeNotes = new Map();
  edges.forEach((e) => edgeNotes.set(e.id(), [...new Set((e.data('relation').sources || []).map(number))]));
  nodes.forEach((n) => (n.data('entity')?.sources || []).forEach(number));

  const scale = width / 1920;
  const px = (n) => Math.max(MIN_TEXT_PX, Math.round(n * scale));
  const margin = 36 * scale, legendW = 380 * scale;
  const titlePx = px(34), subPx = px(18), notePx = px(13), legendPx = px(15);
  // Footnotes at the bottom, at most a fifth of the height.
  const noteLines = [];
  const noteWidth = width - 2 * margin;
  for (let i = 0; i < notes.length; ++i) {
    const s = notes[i];
    const text = `[${i + 1}] ${s.title}${s.locator ? `, ${s.locator}` : ''}${s.url ? ` ${s.url}` : ''}`;
    noteLines.push(...fitLines(text, notePx, noteWidth, 2));
  }
  const mostNoteLines = Math.floor((height / 5) / (notePx * 1.35));
  if (noteLines.length > mostNoteLines) {
    const dropped = notes.length;
    noteLines.length = mostNoteLines - 1;
    noteLines.push(word('and N more', dropped));
  }
  const notesH = noteLines.length ? noteLines.length * notePx * 1.35 + 20 * scale : 0;
  const map = { x1: margin, y1: margin + titlePx + subPx + 30 * scale, x2: width - legendW - margin, y2: height - notesH - margin };

  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text ${attrs({ x: margin, y: margin + titlePx, 'font-size': titlePx, 'font-weight': 'bold', fill: '#111827' })}>${esc(title)}</text>`);
  out.push(`<text ${attrs({ x: margin, y: margin + titlePx + subPx + 10 * scale, 'font-size': subPx, fill: '#374151' })}>${esc(dateText)}</text>`);

  // Node boxes from their labels at the chosen font size; the map scaled to fit.
  const box = nodes.boundingBox();
  const fitScale = Math.min((map.x2 - map.x1 - 200 * scale) / Math.max(1, box.w), (map.y2 - map.y1 - 80 * scale) / Math.max(1, box.h), 2 * scale);
  // Text grows with the drawing as on screen (12 px at zoom 1), within what a slide reads well.
  const nodePx = Math.max(MIN_TEXT_PX + 2, Math.min(24 * scale, Math.round(12 * fitScale)));
  const edgePx = Math.max(MIN_TEXT_PX + 1, Math.min(18 * scale, Math.round(10 * fitScale)));
  const cx = (map.x1 + map.x2) / 2, cy0 = (map.y1 + map.y2) / 2;
  const bx = (box.x1 + box.x2) / 2, by = (box.y1 + box.y2) / 2;
  const place = new Map();
  nodes.forEach((n) => {
    const lines = String(n.data('label')).split('\n');
    const w = Math.max(...lines.map((l) => textWidth(l, nodePx))) + 22 * scale;
    const h = lines.length * nodePx * 1.25 + 16 * scale;
    place.set(n.id(), { x: cx + (n.position().x - bx) * fitScale, y: cy0 + (n.position().y - by) * fitScale, w, h, lines });
  });

  // Edges: straight, from border to border, in the type's colour; dashed possibly active, dotted undated.
  const markers = new Set();
  const edgeOut = [];
  const labelOut = [];
  edges.forEach((e) => {
    const a = place.get(e.source().id()), b = place.get(e.target().id());
    const highlighted = highlights && (e.hasClass('highlight') || e.hasClass('chain'));
    const colour = highlighted ? (e.hasClass('chain') ? '#7c3aed' : '#f59e0b') : e.data('colour');
    const clip = (p, q) => {  // where the segment from p's centre towards q leaves p's box
      const dx = q.x - p.x, dy = q.y - p.y;
      const t = Math.min(Math.abs((p.w / 2) / (dx || 1e-9)), Math.abs((p.h / 2) / (dy || 1e-9)), 1);
      return { x: p.x + dx * t, y: p.y + dy * t };
    };
    const s = clip(a, b), t = clip(b, a);
    const dash = e.hasClass('possible') ? '9 6' : e.hasClass('undated') ? '2 5' : '';
    const directed = e.data('arrow') === 'triangle';
    if (directed) markers.add(colour);
    edgeOut.push(`<line ${attrs({ x1: s.x, y1: s.y, x2: t.x, y2: t.y, stroke: colour, 'stroke-width': (highlighted ? 4 : e.hasClass('evidence') ? 1.2 : 2) * scale, ...(dash ? { 'stroke-dasharray': dash } : {}), ...(e.hasClass('faded') ? { opacity: 0.4 } : {}), ...(directed ? { 'marker-end': `url(#arrow-${colour.slice(1)})` } : {}) })}/>`);
    const refs = edgeNotes.get(e.id());
    const text = `${e.data('label')}${refs.length ? ` [${refs.join(',')}]` : ''}`;
    const lx = (s.x + t.x) / 2, ly = (s.y + t.y) / 2;
    const lw = textWidth(text, edgePx) + 6;
    labelOut.push(`<rect ${attrs({ x: lx - lw / 2, y: ly - edgePx * 0.8, width: lw, height: edgePx * 1.2, fill: '#ffffff', opacity: 0.85 })}/>`);
    labelOut.push(`<text ${attrs({ x: lx, y: ly + edgePx * 0.3, 'font-size': edgePx, 'text-anchor': 'middle', fill: '#374151' })}>${esc(text)}</text>`);
  });
  out.push('<defs>');
  for (const colour of markers) {
    out.push(`<marker id="arrow-${colour.slice(1)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`);
  }
  out.push('</defs>');
  out.push(...edgeOut);
  out.push(...labelOut);  // under the organisations: a name is never covered by a relation's label
  nodes.forEach((n) => {
    const p = place.get(n.id());
    const entity = n.data('entity') || {};
    const shape = style.shapePath(n.data('shape'), p.x, p.y, p.w, p.h);
    const highlighted = highlights && (n.hasClass('highlight') || n.hasClass('chain'));
    const faded = n.hasClass('faded');
    const fill = groups && n.hasClass('by-group') ? n.data('groupFill') : style.countryFill(entity.country);
    out.push(`<${shape.tag} ${attrs({ ...shape.attrs, fill, 'fill-opacity': faded ? 0.4 : 1,
      stroke: highlighted ? (n.hasClass('chain') ? '#7c3aed' : '#f59e0b') : faded ? '#9ca3af' : '#4b5563',
      'stroke-width': (highlighted ? 4 : n.hasClass('centre') ? 2.5 : 1.2) * scale, ...(faded ? { 'stroke-dasharray': '5 4' } : {}) })}/>`);
    const top = p.y - (p.lines.length * nodePx * 1.25) / 2 + nodePx * 0.95;
    out.push(`<text ${attrs({ x: p.x, y: top, 'font-size': nodePx, 'text-anchor': 'middle', fill: faded ? '#4b5563' : '#111827' })}>${
      p.lines.map((l, i) => `<tspan ${attrs({ x: p.x, y: top + i * nodePx * 1.25 })}>${esc(l)}</tspan>`).join('')}</text>`);
  });

  // The legend: only the kinds, countries, types and line states drawn.
  let y = map.y1;
  const lx = width - legendW;
  out.push(`<text ${attrs({ x: lx, y, 'font-size': px(20), 'font-weight': 'bold', fill: '#111827' })}>${esc(word('Legend'))}</text>`);
  y += px(20) * 0.8;
  const row = (draw, text) => {
    y += legendPx * 1.6;
    out.push(draw(lx, y - legendPx * 0.35));
    out.push(`<text ${attrs({ x: lx + 44 * scale, y, 'font-size': legendPx, fill: '#1f2937' })}>${esc(text)}</text>`);
  };
  const section = (text) => {
    y += legendPx * 1.9;
    out.push(`<text ${attrs({ x: lx, y, 'font-size': legendPx, 'font-weight': 'bold', fill: '#4b5563' })}>${esc(text)}</text>`);
  };
  const kinds = [...new Set(nodes.map((n) => n.data('entity')?.kind))];
  const countries = [...new Set(nodes.map((n) => n.data('entity')?.country || ''))];
  const types = [...new Set(edges.map((e) => e.data('relation').type))];
  if (kinds.length) section(word('kinds'));
  for (const kind of kinds) {
    row((x, yy) => { const s = style.shapePath(style.kindShape(kind), x + 16 * scale, yy, 30 * scale, 18 * scale); return `<${s.tag} ${attrs({ ...s.attrs, fill: '#ffffff', stroke: '#4b5563' })}/>`; }, style.kindLabel(kind));
  }
  const swatch = (fill) => (x, yy) => `<rect ${attrs({ x, y: yy - 9 * scale, width: 32 * scale, height: 18 * scale, fill, stroke: '#4b5563' })}/>`;
  if (groups) {
    section(word('groups'));
    for (const group of groupRows(nodes, groups)) {
      const lines = fitLines(`${group.text}${group.lead ? `: ${group.lead}` : ''}`, legendPx, legendW - 60 * scale, 2);
      row(swatch(group.fill), lines[0]);
      for (const more of lines.slice(1)) {
        y += legendPx * 1.25;
        out.push(`<text ${attrs({ x: lx + 44 * scale, y, 'font-size': legendPx, fill: '#1f2937' })}>${esc(more)}</text>`);
      }
    }
  } else if (countries.length) section(word('countries'));
  for (const code of groups ? [] : countries) row(swatch(style.countryFill(code)), style.countryName(code));
  if (types.length) section(word('types'));
  for (const type of types) {
    row((x, yy) => `<line ${attrs({ x1: x, y1: yy, x2: x + 32 * scale, y2: yy, stroke: style.typeColour(type), 'stroke-width': 3 * scale })}/>`, style.typeLabel(type));
  }
  const states = [];
  if (edges.some((e) => !e.hasClass('possible') && !e.hasClass('undated'))) states.push(['', 'line solid']);
  if (edges.some((e) => e.hasClass('possible'))) states.push(['9 6', 'line dashed']);
  if (edges.some((e) => e.hasClass('undated'))) states.push(['2 5', 'line dotted']);
  if (edges.some((e) => e.hasClass('faded')) || nodes.some((n) => n.hasClass('faded'))) states.push(['faded', 'line faded']);
  if (highlights && edges.some((e) => e.hasClass('highlight'))) states.push(['#f59e0b', 'highlight line']);
  if (highlights && edges.some((e) => e.hasClass('chain'))) states.push(['#7c3aed', 'chain line']);
  if (states.length) section(word('states'));
  for (const [dash, key] of states) {
    const lines = fitLines(word(key), legendPx, legendW - 60 * scale, 3);
    row((x, yy) => `<line ${attrs({ x1: x, y1: yy, x2: x + 32 * scale, y2: yy, stroke: dash.startsWith('#') ? dash : '#374151', 'stroke-width': 2.5 * scale,
      ...(dash && !dash.startsWith('#') && dash !== 'faded' ? { 'stroke-dasharray': dash } : {}), ...(dash === 'faded' ? { opacity: 0.4 } : {}) })}/>`, lines[0]);
    for (const more of lines.slice(1)) {
      y += legendPx * 1.25;
      out.push(`<text ${attrs({ x: lx + 44 * scale, y, 'font-size': legendPx, fill: '#1f2937' })}>${esc(more)}</text>`);
    }
  }

  // Footnotes.
  let ny = height - notesH - margin + 20 * scale;
  if (noteLines.length) {
    out.push(`<line ${attrs({ x1: margin, y1: ny - notePx, x2: width - margin, y2: ny - notePx, stroke: '#d1d5db' })}/>`);
    for (const line of noteLines) {
      out.push(`<text ${attrs({ x: margin, y: ny, 'font-size': notePx, fill: '#374151' })}>${esc(line)}</text>`);
      ny += notePx * 1.35;
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

export async function svgToPng(svg, width, height) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').drawImage(image, 0, 0, width, height);
    return await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
