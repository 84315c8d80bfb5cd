// The "+N more" list: the neighbours an expansion did not draw, searchable and filterable by category,
// to add a few (at most MAX_NEW at once).
import { word } from './i18n.js';
import * as style from './style.js';
import { entityName, MAX_NEW } from './graph.js';
import { element, value } from './panel.js';
import { searchKey } from './rank.js';

const SHOWN = 200;  // list items drawn at once; the filter narrows the rest

export function openMore(dialog, parentName, groups, onAdd) {
  dialog.replaceChildren();
  const form = element('form');
  form.method = 'dialog';
  form.append(element('h2', `${word('More neighbours')}: `));
  form.firstChild.append(value('span', parentName));
  const filter = element('input');
  filter.type = 'search';
  filter.placeholder = word('Filter the list');
  filter.setAttribute('aria-label', word('Filter the list'));
  const category = element('select');
  category.setAttribute('aria-label', word('category'));
  category.append(new Option(word('all categories'), ''));
  const present = new Set(groups.map((g) => g.category));
  for (const c of [...style.styleSheet().categories].sort((a, b) => a.rank - b.rank)) {
    if (present.has(c.id)) category.append(new Option(c.name, c.id));
  }
  const count = element('p', undefined, 'count');
  const list = element('ul', undefined, 'more-list');
  const chosen = new Set();
  const add = element('button', word('Add selected'));
  add.type = 'button';
  const close = element('button', word('Close'));
  close.type = 'submit';
  const refresh = () => {
    const key = searchKey(filter.value);
    const matching = groups.filter((g) => (!category.value || g.category === category.value) &&
                                          (!key || g.key.includes(key)));
    list.replaceChildren();
    for (const g of matching.slice(0, SHOWN)) {
      const item = element('li');
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.value = g.id;
      box.checked = chosen.has(g.id);
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(g.id); else chosen.delete(g.id);
        update();
      });
      const relation = g.relations.find((r) => (r.start || '') === g.latest) || g.relations[0];
      label.append(box, style.shapeIcon(style.kindShape(g.entity.kind), style.countryFill(g.entity.country)),
                   value('span', ` ${entityName(g.entity)} `),
                   element('span', `${style.kindLabel(g.entity.kind)} · ${style.typeLabel(relation.type)}${relation.start ? ` ${relation.start}` : ''}`, 'meta'));
      item.append(label);
      list.append(item);
    }
    count.textContent = `${Math.min(SHOWN, matching.length)} ${word('shown')} ${word('of')} ${matching.length} · ${word('at most N new at once', MAX_NEW)}`;
  };
  const update = () => {
    add.disabled = chosen.size === 0 || chosen.size > MAX_NEW;
    add.textContent = `${word('Add selected')} (${chosen.size})`;
  };
  filter.addEventListener('input', refresh);
  category.addEventListener('change', refresh);
  add.addEventListener('click', () => {
    dialog.close();
    onAdd([...chosen]);
  });
  const tools = element('div', undefined, 'more-tools');
  tools.append(filter, category);
  const buttons = element('div', undefined, 'more-buttons');
  buttons.append(add, close);
  form.append(tools, count, list, buttons);
  dialog.append(form);
  refresh();
  update();
  dialog.showModal();
  filter.focus();
}
