// The legend on the page: kinds by shape, countries by fill (or, coloured by community, the groups drawn
// by fill), relation types by colour (categories are hues, their types shades), and what a line's look
// says about the date.
import { word } from './i18n.js';
import * as style from './style.js';
import { element, value } from './panel.js';

// groups: null (coloured by country), or {rows (groups.js groupRows), count, modularity}.
export function renderLegend(box, groups = null) {
  const sheet = style.styleSheet();
  box.replaceChildren(element('h2', word('Legend')));
  const list = (heading, items) => {
    box.append(element('h3', word(heading)));
    const ul = element('ul');
    for (const item of items) ul.append(item);
    box.append(ul);
  };
  const item = (icon, text) => {
    const li = element('li');
    li.append(icon, element('span', ` ${text}`));
    return li;
  };
  const line = (colour, dash, extra = {}) => {
    const span = element('span', undefined, `line ${dash}`);
    span.style.borderTopColor = colour;
    Object.assign(span.style, extra);
    return span;
  };
  list('kinds', sheet.kinds.filter((k) => k.used).map((k) => item(style.shapeIcon(k.shape, '#ffffff'), k.label)));
  if (groups) {
    list('groups', groups.rows.map((row) => {
      const li = item(style.shapeIcon('rectangle', row.fill), row.text);
      li.dataset.group = String(row.n);
      if (row.lead) li.append(value('span', `: ${row.lead}`, 'lead'));
      return li;
    }));
    box.append(element('p', `${word('groups found', groups.count)} · ${word('modularity')} ${Number(groups.modularity || 0).toFixed(2)}`, 'note'));
  } else list('countries', sheet.countries.map((c) => item(style.shapeIcon('rectangle', c.fill), c.name)));
  const byCategory = [...sheet.categories].sort((a, b) => a.rank - b.rank);
  const types = [];
  for (const category of byCategory) {
    for (const type of sheet.types.filter((t) => t.category === category.id)) {
      types.push(item(line(type.colour, 'solid'), `${type.label} (${category.name})`));
    }
  }
  list('types', types);
  list('states', [
    item(line('#374151', 'solid'), word('line solid')),
    item(line('#374151', 'dashed'), word('line dashed')),
    item(line('#374151', 'dotted'), word('line dotted')),
    item(line('#374151', 'solid', { opacity: 0.4 }), word('line faded')),
    item(line('#9ca3af', 'thin'), word('evidence line')),
    item(line('#f59e0b', 'solid'), word('highlight line')),
    item(line('#7c3aed', 'dashed'), word('chain line')),
  ]);
}
