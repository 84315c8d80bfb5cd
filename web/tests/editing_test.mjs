// Editing in the explorer, in a real browser (Debian's chromium, headless, driven by playwright-core)
// against `kizuna serve --allow-write` on the curated data: an organisation added (with a source, the
// token pasted) and then found by search; a relation to the Ministry refused for a bad date (the
// server's message shown) and then written (it appears on the map); the history opened, the last change
// shown and undone after its dry run (the relation is gone); a second record of the Ministry proposed as
// a duplicate, merged after its dry run, the merge undone; a pair judged not the same. In Japanese and
// Vietnamese: the server's refusals (a bad date, an undo), the history's change view and the merge's
// preview in the page's language. The status counts what is drawn. Nothing is overwritten by mistake: an
// add suggests a free id and a taken one is refused in the form (the stored record untouched); a source
// needs a title (spaces are none); an edit opened before another client's change is refused naming it and
// offers to read the record again; Escape asks before throwing typing away; each relation in an
// organisation's panel has its Edit button. A read-only server shows no editing and the page's load logs
// no refused request.
// Screenshots go to WORK/screenshots (look at them). Exits non-zero when a check fails.
//
// usage: node editing_test.mjs KIZUNA DATA_DIR WORK_DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const [kizuna, data, work] = process.argv.slice(2);
if (!kizuna || !data || !work) {
  console.error('usage: node editing_test.mjs KIZUNA DATA_DIR WORK_DIR');
  process.exit(2);
}
const began = Date.now();
const shots = path.join(work, 'screenshots');
rmSync(work, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
const db = path.join(work, 'k.db');
execFileSync(kizuna, ['--db', db, 'init']);
execFileSync(kizuna, ['--db', db, 'import', '--quiet', data]);

let failures = 0;
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures += 1;
}
async function waitFor(page, predicate, arg, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return true;
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

const writing = serve(kizuna, db, ['--allow-write'], ['--author', 'Editing Test']);
const reading = serve(kizuna, db, [], ['--author', 'Editing Test']);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
const consoleErrors = [];
const loadErrors = [];  // logged before the page was asked to write: none (writes are known from /api/capabilities)
async function open(link, width = 1500, height = 900) {
  const page = await browser.newPage({ viewport: { width, height } });
  // Refusals the journeys ask for (no token, a bad date, an undo refused) are logged by the browser as failed loads.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (400|401|403|409|422)/.test(message.text())) consoleErrors.push(message.text());
    if (message.type() === 'error' && !page.wrote) loadErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(link);
  await page.waitForSelector('body[data-ready="1"]');
  return page;
}
const shoot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`) });

try {
  const { url, token } = await writing.started;
  const page = await open(url);
  check(loadErrors.length === 0, `the page's load logs no error (${loadErrors.join(' | ')})`);
  page.wrote = true;
  check(await page.isVisible('#editing'), 'a server started with --allow-write: the editing buttons are shown');

  // 1. An organisation added: the form asks for a source and the token; the new one opens and is found.
  await page.click('#add-entity');
  await page.waitForSelector('#edit-dialog[open] form.edit-form');
  await page.fill('[name="name_en"]', 'Kizuna Test Clinic');
  await page.fill('[name="name_ja"]', 'キズナ試験クリニック');
  check(await page.inputValue('[name="id"]') === 'kizuna-test-clinic', 'the id is made from the English name as one types');
  await page.selectOption('[name="kind"]', 'clinic');
  await page.fill('[name="country"]', 'JP');
  await page.fill('[name="token"]', token);
  await page.click('#edit-dialog button[type="submit"]');
  check(await page.evaluate(() => !document.querySelector('.edit-form').checkValidity() &&
                                  document.querySelector('#edit-dialog').open),
        'without a source the form is not sent (a source title is required)');
  await page.fill('[name="source-title"]', 'Press release of the clinic');
  await page.fill('[name="source-url"]', 'https://example.org/clinic');
  await shoot(page, 'en-add-entity');
  await page.click('#edit-dialog button[type="submit"]');
  await waitFor(page, () => !document.querySelector('#edit-dialog').open && window.kizunaExplorer.nodes().includes('kizuna-test-clinic'));
  check(true, 'the organisation is written and opens as the centre of the map');
  await waitFor(page, () => /saved as change #\d+/.test(document.querySelector('#status').textContent));
  check(true, `after Save the status says which change it was ("${await page.textContent('#status')}")`);
  check(await page.evaluate(() => sessionStorage.getItem('kizuna-write-token')) === token, 'the token is kept for the tab');
  await page.fill('#search', 'キズナ試験');
  await page.waitForSelector('#results button[data-id="kizuna-test-clinic"]');
  check(true, 'the new organisation is found by search (its Japanese name)');
  await page.keyboard.press('Escape');

  // 2. A relation to the Ministry: its other end chosen by search; a bad date hinted as one types and
  // refused by the server with its own message; then a good one, drawn on the map.
  await page.waitForSelector('#panel .add-relation-here');
  await page.click('#panel .add-relation-here');
  await page.waitForSelector('#edit-dialog[open] [name="to-search"]');
  check(await page.inputValue('[name="from"]') === 'kizuna-test-clinic', 'the relation starts from the organisation shown');
  await page.selectOption('[name="type"]', 'mou');
  await page.fill('[name="to-search"]', '保健省');
  await page.waitForSelector('#edit-to-results button[data-id="vn-moh"]');
  await page.click('#edit-to-results button[data-id="vn-moh"]');
  check(await page.inputValue('[name="to"]') === 'vn-moh', 'the other end is chosen from the search results');
  check(await page.inputValue('[name="id"]') === 'kizuna-test-clinic-mou-vn-moh', 'the relation id is made from its ends and type');
  await page.fill('[name="source-title"]', 'MOU signing announcement');
  await page.fill('[name="start"]', '2024');
  await page.fill('[name="end"]', '2020');
  check(/end/i.test(await page.textContent('.edit-hint')) && await page.getAttribute('[name="end"]', 'aria-invalid') === 'true',
        `an end before the start is hinted as one types ("${await page.textContent('.edit-hint')}")`);
  await page.fill('[name="end"]', '');
  await page.fill('[name="start"]', '2024-13');
  check((await page.textContent('.edit-hint')).includes('month 13'), `a malformed date is hinted as one types, naming the part wrong ("${await page.textContent('.edit-hint')}")`);
  await page.click('#edit-dialog button[type="submit"]');
  await page.waitForSelector('#edit-dialog .edit-refusal:not([hidden]) li');
  const refusal = await page.textContent('#edit-dialog .edit-refusal');
  check(refusal.includes("bad date '2024-13'"), `the server's refusal is shown as it words it ("${refusal.trim()}")`);
  await shoot(page, 'en-relation-bad-date');
  await page.fill('[name="start"]', '2024-03');
  check(await page.textContent('.edit-hint') === '', 'the hint goes once the date is well formed');
  await page.click('#edit-dialog button[type="submit"]');
  await waitFor(page, () => !document.querySelector('#edit-dialog').open &&
                           window.kizunaExplorer.edges().includes('kizuna-test-clinic-mou-vn-moh'));
  check(await page.evaluate(() => window.kizunaExplorer.nodes().includes('vn-moh')), 'the relation is written and drawn on the map, to the Ministry');
  await shoot(page, 'en-relation-added');

  // 3. The relation edited from the panel: its id fixed, its ends and sources kept, a new end written.
  await page.evaluate(() => { location.hash = location.hash.replace(/sel=[^&]*/, 'sel=r:kizuna-test-clinic-mou-vn-moh'); });
  await page.waitForSelector('#panel .edit-relation');
  await page.click('#panel .edit-relation');
  await page.waitForSelector('#edit-dialog[open] [name="end"]');
  check(await page.getAttribute('#edit-dialog [name="id"]', 'readonly') !== null && await page.inputValue('[name="to"]') === 'vn-moh' &&
        await page.inputValue('[name="source-title"]') === 'MOU signing announcement', "the relation's form holds it, its id fixed");
  await page.fill('[name="end"]', '2025');
  await page.click('#edit-dialog button[type="submit"]');
  await waitFor(page, () => !document.querySelector('#edit-dialog').open && document.querySelector('#panel').textContent.includes('2025'));
  const edited = (await (await fetch(`${url}api/show/kizuna-test-clinic`)).json()).relations[0];
  check(edited.end === '2025' && edited.start === '2024-03' && edited.sources.length === 1, 'the new end is written, the rest kept; the panel shows it');

  // 4. The history: who changed what; a change shown; the newest undone after its dry run, then the
  // relation's creation too (the relation is gone).
  await page.click('#history');
  await page.waitForSelector('#edit-dialog[open] .history-item');
  const top = await page.evaluate(() => {
    const item = document.querySelector('.history-item');
    return { seq: Number(item.dataset.change), text: item.textContent };
  });
  check(top.text.includes('Editing Test') && top.text.includes('PUT /api/relation'),
        `the newest change is the relation's edit, by the token's holder (${top.text.slice(0, 90)}…)`);
  const item = (seq) => `.history-item[data-change="${seq}"]`;
  // The relation's creation cannot be undone while its later edit stands: the server says why.
  await page.click(`${item(top.seq - 1)} .undo-change`);
  await page.waitForSelector(`${item(top.seq - 1)} .edit-refusal li`);
  const refused = await page.textContent(`${item(top.seq - 1)} .edit-refusal`);
  check(refused.includes(`later change ${top.seq}`), `an undo the server refuses shows its reason ("${refused.slice(0, 110)}…")`);
  await shoot(page, 'en-history-undo-refused');
  await page.click(`${item(top.seq)} .show-diff`);
  await page.waitForSelector(`${item(top.seq)} .diff-rows li`);
  const diff = await page.textContent(`${item(top.seq)} .history-detail`);
  check(diff.includes('changed') && diff.includes('end') && diff.includes('2025'), 'the change shows the end written, field by field');
  await page.click(`${item(top.seq)} .undo-change`);
  await page.waitForSelector(`${item(top.seq)} .confirm-undo`);
  await page.click(`${item(top.seq)} .confirm-undo`);
  await page.waitForSelector(`${item(top.seq + 1)} .meta span`);
  check((await (await fetch(`${url}api/show/kizuna-test-clinic`)).json()).relations[0].end === null, 'the edit undone: the relation has no end again');
  const added = top.seq - 1;
  await page.click(`${item(added)} .show-diff`);
  await page.waitForSelector(`${item(added)} .diff-rows li`);
  check((await page.textContent(`${item(added)} .history-detail`)).includes('kizuna-test-clinic-mou-vn-moh'),
        "the relation's creation shows it added, field by field");
  await page.click(`${item(added)} .undo-change`);
  await page.waitForSelector(`${item(added)} .confirm-undo`);
  check((await page.textContent(`${item(added)} .history-detail`)).includes('removed'),
        'the dry run shows what the undo would do (the relation removed) before anything is written');
  await shoot(page, 'en-history-dry-run');
  check((await (await fetch(`${url}api/show/kizuna-test-clinic`)).json()).relations.length === 1, 'the dry run wrote nothing');
  await page.click(`${item(added)} .confirm-undo`);
  await waitFor(page, () => !window.kizunaExplorer.edges().includes('kizuna-test-clinic-mou-vn-moh'));
  await page.waitForSelector(`${item(top.seq + 2)} .meta span`);
  check((await page.textContent(item(top.seq + 2))).includes(`undoes #${added}`) &&
        (await page.textContent(item(added))).includes(`undone by #${top.seq + 2}`), 'the undo is a new change in the history');
  const after = await (await fetch(`${url}api/show/kizuna-test-clinic`)).json();
  check(after.relations.length === 0, 'the relation is gone from the map and from the database');
  await shoot(page, 'en-history-undone');
  await page.keyboard.press('Escape');
  // The panel shows the organisation again (the relation selected is gone).
  await page.evaluate(() => { location.hash = location.hash.replace(/sel=[^&]*/, 'sel=n:kizuna-test-clinic'); });
  await page.waitForSelector('#panel .edit-entity');

  // 5. The organisation's form in Japanese and Vietnamese: the page's words translated; a Vietnamese name
  // added.
  for (const lang of ['ja', 'vi']) {
    await page.selectOption('#lang', lang);
    await waitFor(page, (l) => document.documentElement.lang === l, lang);
    await page.click('#panel .edit-entity');
    await page.waitForSelector('#edit-dialog[open] form.edit-form');
    const words = await page.evaluate(() => [...document.querySelectorAll('#edit-dialog h2, #edit-dialog .edit-field > span, #edit-dialog legend, #edit-dialog button')]
      .map((n) => n.textContent).join(' '));
    check(!/Save|Cancel|Sources|Edit the|Add a source/.test(words), `${lang}: the form's words are translated (${words.slice(0, 80)}…)`);
    await shoot(page, `${lang}-edit-entity`);
    if (lang === 'ja') await page.click('#edit-dialog .more-buttons button[type="button"]');
  }
  await page.fill('[name="name_vi"]', 'Phòng khám thử Kizuna');
  // A token that is not the server's (restarted, mistyped): refused, the field to paste it offered again.
  await page.evaluate(() => sessionStorage.setItem('kizuna-write-token', 'not-the-token'));
  await page.click('#edit-dialog button[type="submit"]');
  await page.waitForSelector('#edit-dialog [name="token"]');
  check(await page.isVisible('#edit-dialog .edit-refusal:not([hidden])'), 'a wrong token is refused and the token asked for again');
  await page.fill('#edit-dialog [name="token"]', token);
  await page.click('#edit-dialog button[type="submit"]');
  await waitFor(page, () => !document.querySelector('#edit-dialog').open && document.querySelector('#panel h2').textContent === 'Phòng khám thử Kizuna');
  check((await (await fetch(`${url}api/show/kizuna-test-clinic`)).json()).entity.sources.length === 1,
        'the organisation edited: its Vietnamese name shown in the panel, its source kept');
  await page.close();

  // The relation form on a phone: one column, nothing wider than the screen.
  const phone = await open(`${url}#entity=kizuna-test-clinic&sel=n:kizuna-test-clinic&lang=ja`, 390, 844);
  await phone.evaluate((t) => sessionStorage.setItem('kizuna-write-token', t), token);
  await phone.click('#toggle-panel');
  await phone.click('#panel .add-relation-here');
  await phone.waitForSelector('#edit-dialog[open] [name="to-search"]');
  const wide = await phone.evaluate(() => document.querySelector('#edit-dialog').scrollWidth <= document.querySelector('#edit-dialog').clientWidth &&
                                          document.querySelector('#edit-dialog').getBoundingClientRect().right <= 390);
  check(wide, 'ja 390×844: the relation form fits the screen');
  await shoot(phone, 'ja-390x844-add-relation');
  await phone.close();

  // 7. Duplicates: a second record of the Ministry (written through the API) is proposed among the
  // Ministry's possible duplicates with its reasons; the merge's dry run shows what it would do and writes
  // nothing; confirmed, the other record's id names the Ministry and is gone from the map; the history
  // undoes the merge. Another pair is judged "not the same" and not proposed again.
  const write = (kind, record) => fetch(`${url}api/${kind}`, {
    method: 'POST', body: JSON.stringify(record), headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  const source = [{ title: 'Press release' }];
  check((await write('entity', { id: 'bo-y-te', kind: 'ministry', names: { vi: 'Bo Y te', en: 'Vietnam Ministry of Health' },
                                 country: 'VN', attributes: { website: 'https://moh.gov.vn/home/' }, sources: source })).ok &&
        (await write('relation', { id: 'bo-y-te-mhlw-2019', type: 'mou', from: 'bo-y-te', to: 'mhlw', start: '2019', sources: source })).ok,
        'a second record of the Ministry, with a relation of its own, written through the API');
  const dup = await open(`${url}#entity=vn-moh&sel=n:vn-moh`);
  await dup.evaluate((t) => sessionStorage.setItem('kizuna-write-token', t), token);
  await dup.waitForSelector('#panel .find-duplicates');
  await dup.click('#panel .find-duplicates');
  await dup.waitForSelector('#edit-dialog[open] .duplicate-pair[data-other="bo-y-te"]');
  const reasons = await dup.textContent('.duplicate-pair[data-other="bo-y-te"]');
  check(reasons.includes('same name') && reasons.includes('same website'), `the pair is proposed with its reasons (${reasons.slice(0, 100)}…)`);
  await dup.click('.duplicate-pair[data-other="bo-y-te"] .merge-pair');
  await dup.waitForSelector('.duplicate-pair[data-other="bo-y-te"] .confirm-merge');
  const plan = await dup.textContent('.duplicate-pair[data-other="bo-y-te"] .merge-plan');
  check(plan.includes('bo-y-te-mhlw-2019') && plan.includes('bo-y-te → vn-moh'),
        `the dry run lists the relation re-pointed and the redirect (${plan.slice(0, 120)}…)`);
  await shoot(dup, 'en-merge-dry-run');
  check((await (await fetch(`${url}api/show/bo-y-te`)).json()).entity.id === 'bo-y-te', 'the dry run wrote nothing');
  await dup.click('.duplicate-pair[data-other="bo-y-te"] .confirm-merge');
  await waitFor(dup, () => !document.querySelector('#edit-dialog').open && window.kizunaExplorer.edges().includes('bo-y-te-mhlw-2019'));
  check((await (await fetch(`${url}api/show/bo-y-te`)).json()).entity.id === 'vn-moh' &&
        !(await dup.evaluate(() => window.kizunaExplorer.nodes().includes('bo-y-te'))),
        "merged: the other record's id names the Ministry, its relation is the Ministry's, and it is not on the map");
  await shoot(dup, 'en-merged');
  await dup.click('#history');
  await dup.waitForSelector('#edit-dialog[open] .history-item');
  const merge = await dup.evaluate(() => {
    const item = document.querySelector('.history-item');
    return { seq: Number(item.dataset.change), text: item.textContent };
  });
  check(merge.text.includes('POST /api/merge?keep=vn-moh&other=bo-y-te'), 'the merge is the newest change of the history');
  await dup.click(`${item(merge.seq)} .undo-change`);
  await dup.waitForSelector(`${item(merge.seq)} .confirm-undo`);
  await dup.click(`${item(merge.seq)} .confirm-undo`);
  await dup.waitForSelector(`${item(merge.seq + 1)} .meta span`);
  check((await (await fetch(`${url}api/show/bo-y-te`)).json()).entity.id === 'bo-y-te', 'the merge undone: both records are back');
  await dup.keyboard.press('Escape');
  await dup.evaluate(() => { location.hash = location.hash.replace(/sel=[^&]*/, 'sel=n:taisho').replace(/entity=[^&]*/, 'entity=taisho'); });
  await dup.waitForSelector('#panel .find-duplicates');
  await dup.selectOption('#lang', 'ja');
  await waitFor(dup, () => document.documentElement.lang === 'ja' && document.querySelector('#panel .find-duplicates')?.textContent === '重複の候補…');
  await dup.click('#panel .find-duplicates');
  await dup.waitForSelector('#edit-dialog[open] .duplicate-pair[data-other="asuka-pharma"]');
  const chrome = await dup.evaluate(() => [...document.querySelectorAll('#edit-dialog h2 > span:first-child, #edit-dialog button')].map((n) => n.textContent).join(' '));
  check(!/Merge|Not the same|Close|Possible/.test(chrome), `ja: the dialog's words are translated (${chrome})`);
  await shoot(dup, 'ja-duplicates');
  await dup.click('.duplicate-pair[data-other="asuka-pharma"] .not-duplicates');
  await waitFor(dup, () => !document.querySelector('.duplicate-pair[data-other="asuka-pharma"]'));
  const judged = await (await fetch(`${url}api/duplicates?entity=taisho&min_score=0.5`)).json();
  check(judged.pairs.length === 0, '"not the same": the pair is recorded and not proposed again');
  await dup.close();

  // 8. In Japanese and Vietnamese: a bad date hinted and refused in the page's language (the server words
  // its refusal in ?lang=); search results show ids; the history's change view names fields in words,
  // shows values as text and the organisation by its name; a judgement's change says what it is; a
  // refused undo and the duplicates' reasons are translated.
  const clinicLog = (await (await fetch(`${url}api/log?entity=kizuna-test-clinic`)).json()).changes;
  const [created, renamed] = [clinicLog[0].seq, clinicLog.filter((c) => c.command.endsWith('POST /api/entity')).at(-1).seq];
  const ja = await open(`${url}#entity=kizuna-test-clinic&sel=n:kizuna-test-clinic&lang=ja`);
  await ja.evaluate((t) => sessionStorage.setItem('kizuna-write-token', t), token);
  await ja.waitForSelector('#panel .add-relation-here');
  await ja.click('#panel .add-relation-here');
  await ja.waitForSelector('#edit-dialog[open] [name="to-search"]');
  await ja.fill('[name="to-search"]', '保健省');
  await ja.waitForSelector('#edit-to-results button[data-id="vn-moh"] .result-id');
  check(await ja.textContent('#edit-to-results button[data-id="vn-moh"] .result-id') === 'vn-moh', 'ja: each search result shows its id');
  await ja.click('#edit-to-results button[data-id="vn-moh"]');
  await ja.fill('[name="source-title"]', 'MOU');
  await ja.fill('[name="start"]', '2024-13');
  const jaHint = await ja.textContent('.edit-hint');
  check(jaHint === '開始: 13月はありません（月は01〜12）', `ja: the hint names the month that does not exist ("${jaHint}")`);
  await ja.click('#edit-dialog button[type="submit"]');
  await ja.waitForSelector('#edit-dialog .edit-refusal:not([hidden]) li');
  const jaRefusal = await ja.textContent('#edit-dialog .edit-refusal li');
  check(jaRefusal.endsWith("日付 '2024-13' が正しくありません：月は01〜12です") && !/bad date|month/.test(jaRefusal),
        `ja: the server's refusal of the date is in Japanese ("${jaRefusal}")`);
  await shoot(ja, 'ja-relation-bad-date');
  await ja.click('#edit-dialog .more-buttons button[type="button"]');
  for (const lang of ['ja', 'vi']) {
    if (lang === 'vi') {
      await ja.selectOption('#lang', 'vi');
      await waitFor(ja, () => document.documentElement.lang === 'vi');
    }
    await ja.click('#history');
    await ja.waitForSelector(`#edit-dialog[open] ${item(renamed)}`);
    await ja.click(`${item(renamed)} .show-diff`);
    await ja.waitForSelector(`${item(renamed)} .diff-fields th`);
    const view = await ja.evaluate((seq) => {
      const detail = document.querySelector(`.history-item[data-change="${seq}"] .history-detail`);
      return { labels: [...detail.querySelectorAll('th')].map((n) => n.textContent), name: detail.querySelector('.diff-name')?.textContent || '',
               text: detail.textContent, wrapped: [...detail.querySelectorAll('th')].some((n) => {
                 const range = document.createRange();
                 range.selectNodeContents(n);
                 return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
               }) };
    }, renamed);
    const [vietnameseName, clinicName] = lang === 'ja' ? ['ベトナム語名', 'キズナ試験クリニック'] : ['tên tiếng Việt', 'Phòng khám thử Kizuna'];
    check(view.labels.includes(vietnameseName) && !view.labels.some((l) => /_/.test(l)) && !view.wrapped,
          `${lang}: the change view names fields in words, each on one line (${view.labels.join(', ')})`);
    check(view.name.trim() === clinicName, `${lang}: the organisation changed is titled by its name in the page's language ("${view.name}")`);
    check(!/[[{]"/.test(view.text), `${lang}: values are shown as text, not JSON`);
    const judgement = await ja.evaluate(() => document.querySelector('.history-item').textContent);
    check(!/—|what judgement/.test(judgement), `${lang}: a judgement's change shows its count (${judgement.slice(0, 80)}…)`);
    await ja.click('.history-item .show-diff');
    await ja.waitForSelector('.history-item .diff-rows li');
    const judged_ = await ja.textContent('.history-item .diff-rows li');
    check(judged_.includes(lang === 'ja' ? '「別の組織」の判断' : 'đánh giá “không trùng”'), `${lang}: the change shows a judgement in words ("${judged_.slice(0, 60)}")`);
    await ja.evaluate((seq) => document.querySelector(`.history-item[data-change="${seq}"]`).scrollIntoView(), renamed);
    await shoot(ja, `${lang}-history-diff`);
    await ja.click(`${item(created)} .undo-change`);
    await ja.waitForSelector(`${item(created)} .edit-refusal li`);
    const undoRefused = await ja.textContent(`${item(created)} .edit-refusal li`);
    check(undoRefused.startsWith(lang === 'ja' ? `変更 #${created} は取り消せません` : `không thể hoàn tác thay đổi #${created}`),
          `${lang}: a refused undo says why in the page's language ("${undoRefused.slice(0, 70)}…")`);
    await shoot(ja, `${lang}-history-undo-refused`);
    await ja.keyboard.press('Escape');
    await waitFor(ja, () => !document.querySelector('#edit-dialog').open);
  }
  await ja.close();
  const jaDup = await open(`${url}#entity=vn-moh&sel=n:vn-moh&lang=ja`);
  await jaDup.evaluate((t) => sessionStorage.setItem('kizuna-write-token', t), token);
  await jaDup.waitForSelector('#panel .find-duplicates');
  await jaDup.click('#panel .find-duplicates');
  await jaDup.waitForSelector('#edit-dialog[open] .duplicate-pair[data-other="bo-y-te"]');
  await jaDup.click('.duplicate-pair[data-other="bo-y-te"] .merge-pair');
  await jaDup.waitForSelector('.duplicate-pair[data-other="bo-y-te"] .confirm-merge');
  const jaPair = await jaDup.textContent('.duplicate-pair[data-other="bo-y-te"]');
  check(jaPair.includes('同じ名称') && !/same name|same kind|same country|name_en|name_vi|alias:|attribute/.test(jaPair),
        `ja: the reasons and the merge's preview are in Japanese (${jaPair.slice(0, 120)}…)`);
  await shoot(jaDup, 'ja-merge-preview');
  await jaDup.close();

  // 9. The status counts what is drawn: Taisho opened with the evidence category hidden (its document
  // not drawn) says as many organisations and relations as are visible.
  const taisho = await open(`${url}#entity=taisho`);
  await waitFor(taisho, () => /\d/.test(document.querySelector('#status').textContent));
  const counted = await taisho.evaluate(() => ({ status: document.querySelector('#status').textContent,
                                                 drawn: window.kizunaExplorer.nodes().length }));
  check(Number(counted.status.match(/\d+/)[0]) === counted.drawn,
        `the status counts the organisations drawn ("${counted.status}", ${counted.drawn} drawn)`);
  await taisho.close();
  // 10. Nothing overwritten by mistake. An organisation "Taisho" added: the id made from its name is taken,
  // so a free one is suggested; typed back to the taken one, the server's refusal is shown in the form and
  // the stored Taisho is untouched; saved under the free id, it is a new organisation.
  const taishoBefore = (await (await fetch(`${url}api/show/taisho`)).json()).entity;
  const safe = await open(`${url}#entity=taisho&sel=n:taisho`);
  safe.wrote = true;
  // No token yet: an undo's dry run is refused, and the page says a token is needed (not "refused").
  await safe.click('#history');
  await safe.waitForSelector('#edit-dialog[open] .history-item .undo-change:not([disabled])');
  await safe.click('.history-item .undo-change:not([disabled])');
  await safe.waitForSelector('#edit-dialog .history-detail .edit-refusal');
  const needed = await safe.textContent('#edit-dialog .history-detail .edit-refusal');
  check(needed.includes('a token is needed') && !needed.includes('refused'), `without a token the page says one is needed ("${needed}")`);
  await shoot(safe, 'en-token-needed');
  await safe.keyboard.press('Escape');
  await waitFor(safe, () => !document.querySelector('#edit-dialog').open);
  await safe.evaluate((t) => sessionStorage.setItem('kizuna-write-token', t), token);
  await safe.waitForSelector('#panel .edit-entity');
  await safe.click('#add-entity');
  await safe.waitForSelector('#edit-dialog[open] form.edit-form');
  await safe.fill('[name="name_en"]', 'Taisho');
  await waitFor(safe, () => document.querySelector('#edit-dialog [name="id"]').value === 'taisho-2');
  check((await safe.textContent('.edit-id-note')).includes('taisho-2'), 'an add suggests a free id: taisho is taken, taisho-2 is suggested (and said)');
  await shoot(safe, 'en-add-taken-id-suggested');
  // Sources: a title of spaces is no title; a row with only a URL is refused, not dropped.
  await safe.fill('[name="source-title"]', '   ');
  await safe.click('#edit-dialog button[type="submit"]');
  await safe.waitForSelector('#edit-dialog .edit-refusal:not([hidden])');
  check((await safe.textContent('#edit-dialog .edit-refusal')).includes('at least one source with a title') &&
        await safe.getAttribute('[name="source-title"]', 'aria-invalid') === 'true', 'a source title of spaces is refused in the form');
  await safe.fill('[name="source-title"]', 'A note');
  await safe.click('#edit-dialog .edit-sources > button');
  await safe.fill('.edit-source:nth-child(2) [name="source-url"]', 'https://example.org/only-a-url');
  await safe.click('#edit-dialog button[type="submit"]');
  await waitFor(safe, () => document.querySelector('#edit-dialog .edit-refusal').textContent.includes('needs a title'));
  check(true, 'a source row with a URL but no title is refused, saying so (not dropped)');
  await shoot(safe, 'en-source-url-without-title');
  await safe.fill('.edit-source:nth-child(2) [name="source-title"]', 'Only a URL, titled');
  await safe.fill('[name="id"]', 'taisho');
  await safe.click('#edit-dialog button[type="submit"]');
  await waitFor(safe, () => document.querySelector('#edit-dialog .edit-refusal').textContent.includes('exists already'));
  check(await safe.evaluate(() => document.querySelector('#edit-dialog').open), 'an add of a taken id is refused by the server and the form stays open');
  await waitFor(safe, () => document.querySelector('#edit-dialog [name="id"]').value === 'taisho-2');
  await shoot(safe, 'en-add-taken-id-refused');
  const taishoAfter = (await (await fetch(`${url}api/show/taisho`)).json()).entity;
  check(JSON.stringify(taishoAfter) === JSON.stringify(taishoBefore), 'the stored Taisho is untouched (its Japanese name, aliases, sources)');
  await safe.click('#edit-dialog button[type="submit"]');
  await waitFor(safe, () => !document.querySelector('#edit-dialog').open);
  const second = await (await fetch(`${url}api/show/taisho-2`)).json();
  check(second.entity?.id === 'taisho-2' && second.entity.sources.length === 2, 'saved under the free id: a new organisation taisho-2, both sources kept');
  check(JSON.stringify((await (await fetch(`${url}api/show/taisho`)).json()).entity) === JSON.stringify(taishoBefore), 'Taisho still untouched');

  // A second relation of one type between two organisations (the first written through the API): the
  // id made from the ends and the type is taken, so a free one is suggested.
  check((await fetch(`${url}api/relation`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: 'taisho-mou-vn-moh', type: 'mou', from: 'taisho', to: 'vn-moh', start: '2020', sources: [{ title: 'A first MOU' }] }),
  })).ok, 'a first MOU of Taisho with the Ministry, written through the API');
  await safe.evaluate(() => { location.hash = '#entity=taisho&sel=n:taisho'; });
  await safe.waitForSelector('#panel .add-relation-here');
  await safe.click('#panel .add-relation-here');
  await safe.waitForSelector('#edit-dialog[open] [name="to-search"]');
  await safe.selectOption('[name="type"]', 'mou');
  await safe.fill('[name="to-search"]', '保健省');
  await safe.waitForSelector('#edit-to-results button[data-id="vn-moh"]');
  await safe.click('#edit-to-results button[data-id="vn-moh"]');
  await waitFor(safe, () => document.querySelector('#edit-dialog [name="id"]').value === 'taisho-mou-vn-moh-2');
  check(true, 'a second relation of the same ends and type gets a free id (taisho-mou-vn-moh-2), not the first one\'s');
  await shoot(safe, 'en-add-relation-taken-id-suggested');
  await safe.click('#edit-dialog .more-buttons button[type="button"]');

  // Escape: a form with nothing typed closes; one with typing asks first (keep editing, or discard).
  await safe.waitForSelector('#panel .edit-entity');
  await safe.click('#panel .edit-entity');
  await safe.waitForSelector('#edit-dialog[open] form.edit-form');
  await safe.keyboard.press('Escape');
  await waitFor(safe, () => !document.querySelector('#edit-dialog').open);
  check(true, 'Escape closes a form with nothing typed');
  await safe.click('#panel .edit-entity');
  await safe.waitForSelector('#edit-dialog[open] form.edit-form');
  await safe.fill('[name="name_vi"]', 'Dược phẩm Taisho');
  await safe.keyboard.press('Escape');
  await safe.waitForSelector('#edit-dialog[open] .edit-discard');
  check(await safe.inputValue('[name="name_vi"]') === 'Dược phẩm Taisho', 'Escape on a form with typing asks first and keeps what was typed');
  await shoot(safe, 'en-escape-asks');
  await safe.click('.edit-discard .keep-editing');
  check(await safe.evaluate(() => document.querySelector('#edit-dialog').open && !document.querySelector('.edit-discard')),
        '"Keep editing" goes back to the form');

  // A stale edit: the form was opened, then another client changed the record (an alias added); saving
  // is refused naming that change, the alias stays; read again, the edit goes through on top of it.
  const opened = (await (await fetch(`${url}api/show/taisho`)).json()).entity;
  const colleague = { id: opened.id, kind: opened.kind, names: Object.fromEntries(Object.entries(opened.names).filter(([, v]) => v)),
                      aliases: [...opened.aliases, 'Taisho Holdings'], country: opened.country, attributes: opened.attributes,
                      sources: opened.sources.map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v))) };
  const theirs = await fetch(`${url}api/entity`, { method: 'PUT', body: JSON.stringify(colleague),
                                                   headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
  check(theirs.ok, "another client's edit (an alias added) is written meanwhile");
  const theirChange = (await (await fetch(`${url}api/log`)).json()).changes.at(-1).seq;
  await safe.click('#edit-dialog button[type="submit"]');
  await safe.waitForSelector('#edit-dialog .edit-refusal .read-again');
  const stale = await safe.textContent('#edit-dialog .edit-refusal');
  check(stale.includes(`changed since you opened it by change #${theirChange} (Editing Test,`),
        `the stale edit is refused naming the change (${stale.slice(0, 140)}…)`);
  check((await (await fetch(`${url}api/show/taisho`)).json()).entity.aliases.includes('Taisho Holdings'), "the colleague's alias is not reverted");
  await shoot(safe, 'en-stale-edit-refused');
  await safe.click('#edit-dialog .read-again');
  await waitFor(safe, () => document.querySelector('#edit-dialog [name="aliases"]')?.value.includes('Taisho Holdings'));
  await safe.fill('[name="name_vi"]', 'Dược phẩm Taisho');
  await safe.click('#edit-dialog button[type="submit"]');
  await waitFor(safe, () => !document.querySelector('#edit-dialog').open);
  const merged = (await (await fetch(`${url}api/show/taisho`)).json()).entity;
  check(merged.aliases.includes('Taisho Holdings') && merged.names.vi === 'Dược phẩm Taisho', 'read again, the edit is saved on top of the colleague\'s change');

  // Each relation in the organisation's panel has its own Edit button.
  await safe.waitForSelector('#panel ol.relations li[data-relation="taisho-acquisition-hau-giang-2019"] .edit-relation-row');
  await safe.click('#panel ol.relations li[data-relation="taisho-acquisition-hau-giang-2019"] .edit-relation-row');
  await safe.waitForSelector('#edit-dialog[open] [name="end"]');
  check(await safe.inputValue('#edit-dialog [name="id"]') === 'taisho-acquisition-hau-giang-2019', "a relation's Edit button in the panel's list opens its form");
  await shoot(safe, 'en-panel-relation-edit');
  await safe.fill('[name="end"]', '2026');
  await safe.click('#edit-dialog button[type="submit"]');
  await waitFor(safe, () => !document.querySelector('#edit-dialog').open);
  const relationNow = (await (await fetch(`${url}api/partners/taisho`)).json()).partners.find(({ relation }) => relation.id === 'taisho-acquisition-hau-giang-2019');
  check(relationNow.relation.end === '2026', 'the relation edited from the panel is saved');
  await shoot(safe, 'en-panel-relation-edited');
  // "Discard" closes the form and writes nothing.
  await safe.click('#panel .edit-entity');
  await safe.waitForSelector('#edit-dialog[open] form.edit-form');
  await safe.fill('[name="name_vi"]', 'Thrown away');
  await safe.keyboard.press('Escape');
  await safe.waitForSelector('#edit-dialog[open] .edit-discard .discard');
  await safe.click('.edit-discard .discard');
  await waitFor(safe, () => !document.querySelector('#edit-dialog').open);
  check((await (await fetch(`${url}api/show/taisho`)).json()).entity.names.vi === 'Dược phẩm Taisho', '"Discard" closes the form and writes nothing');
  await safe.close();

  // 6. A read-only server: no editing shown.
  const ro = await reading.started;
  const loadErrorsBefore = loadErrors.length;
  const roPage = await open(`${ro.url}#entity=vn-moh&sel=n:vn-moh`);
  await roPage.waitForSelector('#panel h2');
  check(loadErrors.length === loadErrorsBefore, 'a read-only page logs no error either (no write is tried to find out)');
  const roState = { bar: await roPage.isVisible('#editing'), panel: (await roPage.$('#panel .edit-entity')) !== null };
  check(!roState.bar && !roState.panel,
        'a read-only server: no editing buttons, none in the panel');
  await roPage.close();
  check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
} finally {
  await browser.close();
  await Promise.all([writing.stop(), reading.stop()]);
}
console.log(`screenshots: ${shots}; ${((Date.now() - began) / 1000).toFixed(1)} s`);
process.exit(failures === 0 ? 0 : 1);
