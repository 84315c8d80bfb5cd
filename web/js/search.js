// The search box: results as one types (any name, any language, any script), arrow keys through them,
// Enter opens, Escape closes.
import { api } from './api.js';
import * as style from './style.js';
import { entityName } from './graph.js';
import { element, value } from './panel.js';

export function setUpSearch(input, results, onChoose, onError) {
  let timer = null, seq = 0;
  const close = () => {
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const buttons = () => [...results.querySelectorAll('button')];
  async function search(text) {
    const mine = ++seq;
    if (!text.trim()) {
      close();
      return;
    }
    let found;
    try {
      found = await api('search', { q: text, limit: 8 });
    } catch (error) {
      onError(error);
      return;
    }
    if (mine !== seq) return;  // a later keystroke's answer wins
    results.replaceChildren();
    for (const entity of found) {
      const item = element('li');
      item.setAttribute('role', 'presentation');
      const button = element('button');
      button.type = 'button';
      button.setAttribute('role', 'option');
      button.dataset.id = entity.id;
      button.append(value('span', entityName(entity)),
                    element('span', `${style.kindLabel(entity.kind)}${entity.country ? ` · ${style.countryName(entity.country)}` : ''}`, 'meta'),
                    value('code', entity.id, 'meta result-id'));  // two alike names told apart
      button.addEventListener('click', () => {
        close();
        input.value = entityName(entity);
        onChoose(entity.id);
      });
      button.addEventListener('keydown', (event) => {
        const all = buttons();
        const at = all.indexOf(button);
        if (event.key === 'ArrowDown') all[Math.min(all.length - 1, at + 1)].focus();
        else if (event.key === 'ArrowUp') (at === 0 ? input : all[at - 1]).focus();
        else if (event.key === 'Escape') { close(); input.focus(); }
        else return;
        event.preventDefault();
      });
      item.append(button);
      results.append(item);
    }
    results.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(!results.hidden));
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 120);
  });
  input.addEventListener('keydown', (event) => {
    const first = buttons()[0];
    if (event.key === 'ArrowDown' && first && !results.hidden) first.focus();
    else if (event.key === 'Enter' && first) first.click();
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
  });
  document.addEventListener('click', (event) => {
    if (!results.contains(event.target) && event.target !== input) close();
  });
  return { close };
}
