// Colour by community: each organisation on the map filled by its group from GET /api/communities (the
// groups igraph finds on the server, as `kizuna communities` and `render --color-by community`), asked for
// the relations the map's filters keep and at its date. The page finds no groups of its own.
import { api } from './api.js';
import { word } from './i18n.js';
import * as style from './style.js';
import { organisations, entityName } from './graph.js';

// The request for the map's view: the types of the relation categories hidden are left out, evidence is
// walked when its category is shown, and the date is the map's (a year, or a period).
export function communityParams(filters, period) {
  const hidden = new Set(filters.filter((f) => f.startsWith('category:')).map((f) => f.slice('category:'.length)));
  const excluded = style.styleSheet().types.filter((t) => hidden.has(t.category)).map((t) => t.id).sort();
  return { exclude_type: excluded, include_evidence: !hidden.has('evidence'), ...(period || {}) };
}

// The groups found: `of` maps an entity id to its group {n, size, lead} (lead: the best-connected member,
// which names the group); entities in no group are not in it.
export async function findGroups(params) {
  const answer = await api('communities', params, { cached: true });
  const of = new Map();
  for (const group of answer.communities) {
    const info = { n: group.community, size: group.size, lead: group.members[0] };
    for (const member of group.members) of.set(member.id, info);
  }
  return { of, count: answer.communities.length, modularity: answer.modularity };
}

// The group number a node is drawn with: 0 in no group, groups past the palette share its last fill.
function shownNumber(groups, id) {
  const info = groups.of.get(id);
  return info ? Math.min(info.n, style.groupColours() + 1) : 0;
}

// Fills the organisations drawn by their group (class by-group, data group and groupFill); with no
// groups, by country again.
export function paintGroups(cy, groups) {
  cy.batch(() => organisations().forEach((node) => {
    if (!groups) {
      node.removeClass('by-group');
      return;
    }
    const n = shownNumber(groups, node.id());
    node.data({ group: n, groupFill: style.groupFill(n) });
    node.addClass('by-group');
  }));
}

// The legend's rows for the groups among `nodes`: the coloured ones by number ("group 2: Ministry of
// Health and 6 more"), then the other groups (past the palette), then those in no group.
export function groupRows(nodes, groups) {
  const rows = new Map();
  nodes.forEach((node) => {
    const n = shownNumber(groups, node.id());
    if (rows.has(n)) return;
    const info = groups.of.get(node.id());
    let text = word('in no group'), lead = '';
    if (n > style.groupColours()) text = word('other groups');
    else if (n > 0) {
      text = word('group N', n);
      lead = `${entityName(info.lead)}${info.size > 1 ? ` ${word('and N more', info.size - 1)}` : ''}`;
    }
    rows.set(n, { n, fill: style.groupFill(n), text, lead });
  });
  return [...rows.values()].sort((a, b) => (a.n || Infinity) - (b.n || Infinity));
}
