// An organisation's possible duplicates (GET /api/duplicates?entity=), each with its score and reasons,
// a merge (POST /api/merge: its dry run is shown first, then the merge on confirmation) and "not the same"
// (POST /api/not-duplicates: the pair is not proposed again). Like every write of the page, through the
// API with the write token (edit.js), the server's messages shown as it words them.
import { api, forgetAnswers } from './api.js';
import { language, word } from './i18n.js';
import { element, value } from './panel.js';
import { fieldLabel, listDialog, post, refuseIn, showRefusal } from './edit.js';

// Lower than the command's 0.7: a person looks at these one organisation at a time.
const MIN_SCORE = 0.5;

const named = (entity) => {
  const names = entity.names || {};
  const name = names[language()] || names.en || names.ja || names.vi || entity.id;
  return `${name} (${entity.id})`;
};
// What a merge adds ("name_ja: …", "attribute city: …", "alias: …", "source: …") with the field named in the
// page's language; the value is data and stays as it is.
function addedText(text) {
  const parts = text.match(/^(name_en|name_ja|name_vi|alias|source|attribute)( [^:]*)?: ([\s\S]*)$/);
  if (!parts) return text;
  return parts[2] ? `${fieldLabel(`attribute:${parts[2].trim()}`)}: ${parts[3]}` : `${fieldLabel(parts[1])}: ${parts[3]}`;
}
// A reason's detail names the fields that matched: "'Hataphar' (en) = 'HATAPHAR' (alias)".
const NAME_FIELDS = { en: 'name_en', ja: 'name_ja', vi: 'name_vi', alias: 'alias' };
const detailText = (detail) => detail.replace(/\((en|ja|vi|alias)\)/g, (_, f) => `(${fieldLabel(NAME_FIELDS[f])})`);
const ends = (r) => `${r.type} ${r.from} – ${r.to}${r.start ? `, ${r.start}` : ''}`;

// What a merge does (or would do), as its answer lists it.
function mergePlan(answer) {
  const list = element('ul', undefined, 'merge-plan');
  const line = (className, head, text) => {
    const item = element('li', undefined, className);
    item.append(element('strong', `${word(head)} `), value('span', text));
    list.append(item);
  };
  for (const r of answer.repointed || []) line('merge-repoint', 'merge re-point', `${r.id} (${ends(r)})`);
  for (const f of answer.folded || []) line('merge-fold', 'merge fold', `${f.relation.id} → ${f.into}`);
  for (const r of answer.dropped || []) line('merge-drop', 'merge remove', `${r.id} (${ends(r)})`);
  for (const a of answer.added || []) line('merge-add', 'merge add', addedText(a));
  for (const c of answer.conflicts || [])
    line('merge-conflict', 'merge conflict', `${fieldLabel(c.field)}: ${c.kept} · ${word('set aside')}: ${c.dropped}`);
  if (answer.redirect) line('merge-redirect', 'merge redirect', `${answer.redirect.from} → ${answer.redirect.to}`);
  return list;
}

// The merge of one pair: the dry run, then a confirming button. keep: the id that stays.
async function showMerge(detail, keep, other, onMerged) {
  detail.replaceChildren();
  try {
    const dry = await post('merge', '', { keep, other, dry_run: 'true' });
    const confirm = element('button', word('Confirm the merge'));
    confirm.type = 'button';
    confirm.className = 'confirm-merge primary';
    const swap = element('button', word('Keep the other instead'));
    swap.type = 'button';
    swap.className = 'swap-merge';
    swap.addEventListener('click', () => showMerge(detail, other, keep, onMerged));
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        await post('merge', '', { keep, other });
        forgetAnswers();
        await onMerged(keep, other);
      } catch (error) {
        confirm.disabled = false;
        refuseIn(detail, error);
      }
    });
    const head = element('p');
    head.append(element('span', `${word('The merge would do this:')} `), value('strong', `${other} → ${keep}`));
    const row = element('div', undefined, 'more-buttons');
    row.append(confirm, swap);
    detail.append(head, mergePlan(dry), row);
  } catch (error) {
    refuseIn(detail, error);
  }
}

function pairItem(entity, pair, dialog, onChanged) {
  const other = pair.a.id === entity.id ? pair.b : pair.a;
  const item = element('li', undefined, 'duplicate-pair');
  item.dataset.other = other.id;
  const head = element('div', undefined, 'history-head');
  head.append(element('strong', pair.score.toFixed(2)), value('span', ` ${named(other)}`));
  const reasons = element('ul', undefined, 'duplicate-reasons');
  for (const r of pair.reasons) reasons.append(value('li', `${r.reason}${r.detail ? `: ${detailText(r.detail)}` : ''}`));
  const detail = element('div', undefined, 'history-detail');
  const merge = element('button', word('Merge…'));
  merge.type = 'button';
  merge.className = 'merge-pair';
  merge.addEventListener('click', () => showMerge(detail, entity.id, other.id, async (keep, merged) => {
    dialog.close();
    await onChanged(keep, merged);
  }));
  const apart = element('button', word('Not the same'));
  apart.type = 'button';
  apart.className = 'not-duplicates';
  apart.addEventListener('click', async () => {
    detail.replaceChildren();
    try {
      await post('not-duplicates', '', { a: entity.id, b: other.id });
      forgetAnswers();
      item.remove();
    } catch (error) {
      refuseIn(detail, error);
    }
  });
  const actions = element('div', undefined, 'history-actions');
  actions.append(merge, apart);
  item.append(head, reasons, actions, detail);
  return item;
}

// onChanged(keepId, mergedAwayId) after a merge: the map and the panel read again.
export async function openDuplicates(dialog, entity, onChanged) {
  const title = element('h2');
  title.append(element('span', `${word('Possible duplicates of')} `), value('span', named(entity)));
  const { status, list } = listDialog(dialog, 'duplicates', title, 'duplicate-list');
  let found;
  try {
    found = await api('duplicates', { entity: entity.id, min_score: MIN_SCORE });
  } catch (error) {
    showRefusal(status, error);
    return;
  }
  for (const pair of found.pairs) list.append(pairItem(entity, pair, dialog, onChanged));
  if (!found.pairs.length) list.append(element('li', word('no likely duplicates'), 'no-duplicates'));
}
