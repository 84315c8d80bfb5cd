// What the map shows: a checkbox per relation category, per kind and per country there is (names from the
// style sheet, in the page's language). Unchecked hides them; evidence is hidden at first.
import { word } from './i18n.js';
import * as style from './style.js';
import { element } from './panel.js';

export function renderFilters(box, filters, onChange) {
  box.replaceChildren();
  const sheet = style.styleSheet();
  const groups = [
    ['category', [...sheet.categories].sort((a, b) => a.rank - b.rank)
      .filter((c) => sheet.types.some((t) => t.category === c.id)).map((c) => [c.id, c.name, c.colour])],
    ['kind', sheet.kinds.filter((k) => k.used).map((k) => [k.id, k.label])],
    ['country', sheet.countries.map((c) => [c.code, c.name, c.fill])],
  ];
  for (const [group, items] of groups) {
    const fieldset = element('fieldset', undefined, `filter-${group}`);
    fieldset.append(element('legend', word(group)));
    for (const [id, text, colour] of items) {
      const key = `${group}:${id}`;
      const label = element('label');
      const input = element('input');
      input.type = 'checkbox';
      input.checked = !filters.includes(key);
      input.dataset.filter = key;
      input.addEventListener('change', () => onChange(key, input.checked));
      const swatch = element('span', undefined, group === 'category' ? 'swatch line' : 'swatch');
      if (colour) swatch.style[group === 'category' ? 'borderTopColor' : 'backgroundColor'] = colour;
      label.append(input, swatch, element('span', text));
      fieldset.append(label);
    }
    box.append(fieldset);
  }
}

// Hides (class "filtered") organisations of a hidden kind or country and relations of a hidden category.
export function applyFilters(cy, filters) {
  const hidden = new Set(filters);
  cy.batch(() => {
    cy.nodes().not('.more').forEach((node) => {
      const entity = node.data('entity') || {};
      node.toggleClass('filtered', hidden.has(`kind:${entity.kind}`) || hidden.has(`country:${entity.country || ''}`));
    });
    cy.edges().not('.more-edge').forEach((edge) => edge.toggleClass('filtered', hidden.has(`category:${edge.data('category')}`)));
    // An organisation linked only by hidden relations goes too (a document seen only through evidence).
    cy.nodes().not('.more').not('.centre').forEach((node) => {
      const edges = node.connectedEdges().not('.more-edge');
      if (edges.nonempty() && edges.every((edge) => edge.hasClass('filtered'))) node.addClass('filtered');
    });
  });
}
