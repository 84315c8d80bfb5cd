// Which neighbours an expansion draws first: the stated rule, the same for a click, a link reopened and
// the list of the rest. Relations are grouped by partner (one entry per organisation, with all its
// relations to the expanded one) and ordered by their strongest tie's category (collaboration,
// ownership, programme, governance, other, place, evidence: /api/style's rank), then by their most recent
// relation (start date, newest first; no date last), then by id.
import * as style from './style.js';
import { entityName } from './graph.js';

export function searchKey(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim();
}

// rows: [{partner: entity or {id}, relation: full or {type, start, from}}].
export function rankPartners(rows) {
  const byId = new Map();
  for (const { partner, relation } of rows) {
    let group = byId.get(partner.id);
    if (!group) byId.set(partner.id, group = { id: partner.id, entity: partner, relations: [] });
    group.relations.push(relation);
  }
  const groups = [...byId.values()];
  for (const g of groups) {
    const categoryOf = (r) => r.category || style.typeCategory(r.type);
    g.rank = Math.min(...g.relations.map((r) => style.categoryRank(categoryOf(r))));
    g.category = categoryOf(g.relations.find((r) => style.categoryRank(categoryOf(r)) === g.rank));
    g.latest = g.relations.reduce((best, r) => (r.start && r.start > best ? r.start : best), '');
    nameKey(g);
  }
  groups.sort((a, b) => a.rank - b.rank || (a.latest === b.latest ? 0 : a.latest > b.latest ? -1 : 1) ||
                        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return groups;
}

// What the list's filter matches: every name and alias, without accents.
export function nameKey(g) {
  g.key = searchKey([g.entity.names ? entityName(g.entity) : '', ...Object.values(g.entity.names || {}).filter(Boolean),
                     ...(g.entity.aliases || []), g.id].join(' '));
}

// The light rows of a hub (query answer) as rows for rankPartners.
export const lightRows = (id, rows) => rows.map((row) => ({ partner: { id: row.partner },
  relation: { type: row.type, start: row.start || null, from: row.from, to: row.from === id ? row.partner : id } }));
