// "How are they connected?": the shortest paths (or all of them), each hop in its stored direction with
// dates, state, caveat and sources; when only evidence links the two, the answer names both
// organisations and the documents, with a button that draws the evidence chain, marked as evidence.
import { api } from './api.js';
import { word } from './i18n.js';
import { element, value, relationBlock, remember, nameOf } from './panel.js';
import { entityName } from './graph.js';

// The path answer, and the evidence chain's when only evidence connects them.
export async function askPath(view, when) {
  const answer = await api('path', { from: view.from, to: view.to, include_evidence: view.evidence, all: view.all, ...when });
  for (const entity of Object.values(answer.entities || {})) remember(entity);
  let chain = null;
  if (answer.paths.length === 0 && answer.evidence_only) {
    chain = await api('path', { from: view.from, to: view.to, include_evidence: true, ...when });
    for (const entity of Object.values(chain.entities || {})) remember(entity);
  }
  return { answer, chain };
}

// Fills the list of hops; onChain is called by the "show the evidence chain" button.
export function renderPath(list, { answer, chain }, activityOf, onChain, chainShown, all) {
  list.replaceChildren();
  if (answer.paths.length === 0) {
    const item = element('li', undefined, 'no-path');
    const from = answer.entities?.[answer.from], to = answer.entities?.[answer.to];
    const names = element('p');
    names.append(value('strong', from ? entityName(from) : answer.from), element('span', ' · '),
                 value('strong', to ? entityName(to) : answer.to));
    item.append(names);
    if (!chain) {
      item.append(element('p', word('no connection')));
      list.append(item);
      return;
    }
    item.append(element('p', word('only evidence connects them')));
    const documents = new Set();
    for (const path of chain.paths) {
      for (const relation of path.relations) {
        if (relation.category !== 'evidence') continue;
        for (const id of [relation.from, relation.to]) if (chain.entities[id]?.kind === 'document') documents.add(id);
      }
    }
    for (const id of answer.evidence_only.documents || []) documents.add(id);
    if (documents.size) {
      item.append(element('h3', word('documents')));
      const docs = element('ul', undefined, 'documents');
      for (const id of documents) docs.append(value('li', nameOf(id)));
      item.append(docs);
    }
    const button = element('button', word('show the evidence chain'), 'show-chain');
    button.type = 'button';
    button.setAttribute('aria-pressed', chainShown ? 'true' : 'false');
    button.addEventListener('click', onChain);
    item.append(button);
    list.append(item);
    if (chainShown) {
      for (const path of chain.paths) {
        const item = element('li', undefined, 'path chain');
        item.append(hopList(path, activityOf, 'chain'));
        list.append(item);
      }
    }
    return;
  }
  const nested = all || answer.paths.length > 1;  // one list per path, else the hops themselves
  answer.paths.forEach((path, n) => {
    if (!nested) {
      list.append(...hopList(path, activityOf).children);
      return;
    }
    const heading = element('li', `#${n + 1}`, 'path');
    heading.append(hopList(path, activityOf));
    list.append(heading);
  });
}

function hopList(path, activityOf, className = '') {
  const hops = element('ol', undefined, className);
  for (const relation of path.relations) {
    const item = element('li', undefined, `hop ${className}`);
    item.dataset.relation = relation.id;
    item.append(relationBlock(relation, activityOf(relation.id)));
    hops.append(item);
  }
  return hops;
}
