// Compare two years: GET /api/changes (as `kizuna changes --from A --to B [--entity ID]`) shown in the
// panel: per category, the relations that began, ended or changed state between the two dates, with
// their states at both, and how the groups changed (births, deaths, merges, splits). The server computes
// it all; the page only lays the answer out.
import { api } from './api.js';
import { word } from './i18n.js';
import * as style from './style.js';
import { element, value, relationBlock, remember, nameOf } from './panel.js';

export const askChanges = (from, to, entity) => api('changes', { from, to, entity });

const STATE = { active: 'active', possibly_active: 'possibly active', inactive: 'not active then', date_unknown: 'date unknown' };
const stateWord = (state) => word(STATE[state] || state);
const stateClass = (state) => `state state-${(STATE[state] || state).replace(/ /g, '-')}`;

// "began — 2019 not active then → 2024 active"
function changeLine(row, from, to) {
  const line = element('div', undefined, 'change');
  line.append(element('strong', row.change.map((c) => word(c)).join(' · '), 'change-words'));
  line.append(element('span', ' — '), value('span', from), element('span', stateWord(row.before), stateClass(row.before)),
              element('span', ' → '), value('span', to), element('span', stateWord(row.after), stateClass(row.after)));
  return line;
}

// The members of group `n` in `year` (the answer's per-year communities), by name.
function members(groups, year, n) {
  const y = (groups.years || []).find((x) => x.year === year);
  const g = y && y.communities.find((c) => c.community === n);
  return g ? g.members.map(nameOf) : [];
}

function groupEvents(groups) {
  const list = element('ol', undefined, 'group-events');
  for (const event of groups.events || []) {
    const item = element('li', undefined, `group-event group-${event.event}`);
    const head = element('div');
    head.append(value('strong', String(event.year)), element('span', ` ${word(event.event)}: `));
    const describe = (numbers, year) => numbers.map((n) => `${word('group N', n)} (${members(groups, year, n).join(', ')})`).join('; ');
    if (event.before.length) head.append(value('span', describe(event.before, event.year - 1)));
    if (event.before.length && event.after.length) head.append(element('span', ' → '));
    if (event.after.length) head.append(value('span', describe(event.after, event.year)));
    item.append(head);
    for (const relation of event.relations || []) item.append(relationBlock(relation));
    if (event.more_relations) item.append(element('div', word('and N more', event.more_relations)));
    list.append(item);
  }
  return list;
}

// Lays the answer out in the panel; returns the ids of the relations it lists.
export function showChanges(panel, answer) {
  for (const entity of Object.values(answer.entities || {})) remember(entity);
  for (const entity of answer.groups?.entities || []) remember(entity);
  panel.replaceChildren();
  const title = element('h2', undefined, 'compare-title');
  title.append(element('span', `${word('Changes')} `), value('span', answer.from), element('span', ' → '), value('span', answer.to));
  if (answer.entity) title.append(element('span', ' · '), value('span', nameOf(answer.entity)));
  panel.append(title);
  const ids = [];
  const total = answer.categories.reduce((n, c) => n + c.changes.length, 0);
  panel.append(element('p', `${total} ${word('relations')}`, 'compare-total'));
  for (const category of answer.categories) {
    const head = element('h3', `${style.categoryName(category.category)} (${category.changes.length})`, 'compare-category');
    head.dataset.category = category.category;
    panel.append(head);
    const list = element('ol', undefined, 'relations changes');
    for (const row of category.changes) {
      const item = element('li');
      item.dataset.relation = row.relation.id;
      item.append(changeLine(row, answer.from, answer.to), relationBlock(row.relation));
      list.append(item);
      ids.push(row.relation.id);
    }
    panel.append(list);
  }
  if (answer.undated) panel.append(element('p', word('N relations of unknown date not compared', answer.undated), 'compare-undated'));
  if (answer.groups?.events?.length) {
    panel.append(element('h3', `${word('Groups that changed')} (${answer.groups.events.length})`, 'compare-groups'));
    panel.append(groupEvents(answer.groups));
  }
  return ids;
}
