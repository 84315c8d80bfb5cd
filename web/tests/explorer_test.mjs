// The explorer in a real browser: Debian's chromium, headless, driven by playwright-core, against a real
// `kizuna serve` on a loopback port: the curated data (with a hostile entity added) and a generated
// 100k-relation database (kizuna-bench generate). Each journey checks what a user sees; screenshots at
// 1500×900, 1920×1080 and 390×844, in English and Japanese, go to WORK/screenshots (look at them).
// Exits non-zero when a check fails.
//
// usage: node explorer_test.mjs KIZUNA DATA_DIR WORK_DIR KIZUNA_BENCH
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const [kizuna, data, work, bench] = process.argv.slice(2);
if (!kizuna || !data || !work || !bench) {
  console.error('usage: node explorer_test.mjs KIZUNA DATA_DIR WORK_DIR KIZUNA_BENCH');
  process.exit(2);
}
const began = Date.now();
const shots = path.join(work, 'screenshots');
rmSync(work, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
const db = path.join(work, 'k.db');
execFileSync(kizuna, ['--db', db, 'init']);
execFileSync(kizuna, ['--db', db, 'import', '--quiet', data]);
// Text from the data that would run if it reached the page as HTML, and a javascript: source link.
writeFileSync(path.join(work, 'hostile.jsonl'), `${JSON.stringify({ entity: {
  id: 'hostile', kind: 'company', names: { en: '<img src=x onerror=alert(1)>' }, country: 'JP',
  sources: [{ title: 'click me', url: 'javascript:alert(2)' }] } })}\n${JSON.stringify({ relation: {
  id: 'hostile-mou', type: 'mou', from: 'hostile', to: 'vn-moh', start: '2023',
  sources: [{ title: '<b>bold</b>', url: 'javascript:alert(3)' }] } })}\n`);
execFileSync(kizuna, ['--db', db, 'import', '--quiet', path.join(work, 'hostile.jsonl')]);
// The 100k-relation database, made while the curated journeys run; or one given for measuring
// (KIZUNA_EXPLORER_HUB_DB, e.g. the 1M-relation database of bench/README).
const givenHubDb = process.env.KIZUNA_EXPLORER_HUB_DB;
const hubDb = givenHubDb || path.join(work, 'hub.db');
const hubReady = givenHubDb ? Promise.resolve() : new Promise((resolve, reject) => {
  const gen = path.join(work, 'gen');
  const run = (cmd, args) => new Promise((ok, no) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? ok() : no(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
  run(bench, ['generate', '--relations', '100000', '--pairs', '1', '--dir', gen])
    .then(() => run(kizuna, ['--db', hubDb, 'init']))
    .then(() => run(kizuna, ['--db', hubDb, 'import', '--quiet', path.join(gen, 'data')]))
    .then(resolve, reject);
});

// Polls a function in the page (page.waitForFunction evaluates strings, which the page's CSP forbids).
async function waitFor(page, predicate, arg, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
const settle = (page) => page.evaluate(() => window.kizunaExplorer.busy());

let failures = 0;
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures += 1;
}

// The words of the page chrome: every text, placeholder, title and label outside the data (marked
// data-value), the map's canvas and the language menu (its languages are named in their own).
function chromeText() {
  const texts = [];
  const skip = (node) => node.closest('[data-value], #canvas, #lang, script, style, [hidden]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!skip(node.parentElement) && node.parentElement.getClientRects().length) texts.push(node.textContent);
  }
  for (const element of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (skip(element)) continue;
    for (const name of ['placeholder', 'title', 'aria-label']) if (element.getAttribute(name)) texts.push(element.getAttribute(name));
  }
  texts.push(document.title);
  return texts.join(' ');
}
const ALLOWED = new Set(['kizuna', 'svg', 'png', 'moh']);  // names and file formats, the same in every language
const latinWords = (text) => (text.match(/[A-Za-z]{3,}/g) || []).map((w) => w.toLowerCase()).filter((w) => !ALLOWED.has(w));

const curated = serve(kizuna, db);
const { url } = await curated.started;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
const consoleErrors = [];
const dialogs = [];
async function open(width, height, link = url) {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  // A busy server's 503 is asked again by the page (api.js); the browser still logs the first answer.
  // The page asks whether the server takes writes (edit.js): a read-only server's 403 is its answer.
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (503|403)/.test(message.text())) consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.goto(link);
  await page.waitForSelector('body[data-ready="1"]');
  return page;
}
const shoot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`) });
const apiJson = async (base, query) => (await fetch(`${base}api/${query}`)).json();

try {
  const loadStart = Date.now();
  const page = await open(1500, 900);
  const loadMs = Date.now() - loadStart;

  // 1. Search as one types; the arrow keys enter the results, Escape closes them, Enter opens one.
  await page.fill('#search', '保健省');
  await page.waitForSelector('#results button[data-id="vn-moh"]');
  const first = await page.getAttribute('#results li:first-child button', 'data-id');
  check(first === 'vn-moh', `search 保健省: first result ${first}`);
  await page.press('#search', 'Escape');
  check(await page.isHidden('#results'), 'Escape closes the results');
  await page.fill('#search', '');
  await page.fill('#search', '保健省');
  await page.waitForSelector('#results button[data-id="vn-moh"]');
  await page.press('#search', 'ArrowDown');
  check(await page.evaluate(() => document.activeElement?.dataset.id === 'vn-moh'), 'ArrowDown moves into the results');
  const drawStart = Date.now();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel li[data-relation="kanagawa-vn-moh-mou-2024"]');
  const drawMs = Date.now() - drawStart;
  await settle(page);
  check(page.url().includes('entity=vn-moh'), 'Enter opens it; the URL holds the centre');
  const mouRow = page.locator('#panel li[data-relation="kanagawa-vn-moh-mou-2024"]');
  const mouText = await mouRow.innerText();
  check(mouText.includes('2024-11-15') && mouText.includes('Kanagawa'), `MOU row: ${mouText.split('\n')[0]}`);
  const mouLink = await mouRow.locator('a').first().getAttribute('href');
  check(mouLink && mouLink.startsWith('https://www.pref.kanagawa.jp/'), `MOU source link ${mouLink}`);
  await shoot(page, 'en-1500x900-moh');

  // 2. True to the data. Kanagawa → Hau Giang without evidence: only evidence links them; the answer
  // names both and the documents, and the chain can be drawn, marked as evidence.
  await page.fill('#path-from', 'Kanagawa');
  await page.fill('#path-to', 'Hau Giang');
  await page.click('#path-form button[type="submit"]');
  await page.waitForSelector('#path-hops .no-path');
  const evidenceOnly = await page.innerText('#path-hops');
  check(evidenceOnly.includes('Kanagawa Prefecture') && evidenceOnly.includes('Hau Giang Pharmaceutical JSC') &&
        /only evidence/.test(evidenceOnly) && evidenceOnly.includes("introduction of Kanagawa's MOU partner"),
        `evidence only: both named and the document listed ("${evidenceOnly.replace(/\n/g, ' / ').slice(0, 160)}")`);
  check(!/hops/.test(await page.innerText('#status')), `the status does not keep an old count: "${await page.innerText('#status')}"`);
  await page.click('.show-chain');
  await waitFor(page, () => window.kizunaExplorer.chain().edges >= 2);
  const chain = await page.evaluate(() => window.kizunaExplorer.chain());
  check(chain.edges >= 4 && chain.nodes >= 5 && page.url().includes('chain=1'), `the evidence chain drawn: ${chain.edges} relations, ${chain.nodes} organisations`);
  await shoot(page, 'en-1500x900-evidence-chain');

  // With evidence: each hop shows the direction the data stores.
  await page.check('#path-evidence');
  const pathStart = Date.now();
  await page.click('#path-form button[type="submit"]');
  await waitFor(page, () => document.querySelectorAll('#path-hops li.hop').length >= 2 && window.kizunaExplorer.highlighted().edges >= 2);
  const pathMs = Date.now() - pathStart;
  const expectedPath = await apiJson(url, 'path?from=Kanagawa&to=Hau%20Giang&include_evidence=1');
  const listed = await page.evaluate(() => [...document.querySelectorAll('#path-hops li.hop')].map((li) => ({
    id: li.dataset.relation, from: li.querySelector('.sentence').dataset.from, to: li.querySelector('.sentence').dataset.to,
    text: li.querySelector('.sentence').textContent })));
  const truth = expectedPath.paths[0].relations;
  check(listed.length === truth.length && listed.every((hop, i) => hop.id === truth[i].id && hop.from === truth[i].from && hop.to === truth[i].to),
        `each hop in its stored direction: ${listed.map((h) => `${h.from}→${h.to}`).join(', ')}`);
  const subsidiary = listed.find((h) => h.id === 'hau-giang-subsidiary-of-taisho');
  check(subsidiary && /^Hau Giang.*subsidiary.*→.*Taisho/.test(subsidiary.text), `reads "${subsidiary?.text}"`);
  const hopsText = await page.innerText('#path-hops');
  check(hopsText.includes('did not necessarily use the MOU'), 'the caveat is shown with its hop');
  const highlighted = await page.evaluate(() => window.kizunaExplorer.highlighted());
  check(highlighted.edges === truth.length && highlighted.nodes === truth.length + 1, `path highlighted: ${highlighted.edges} relations, ${highlighted.nodes} organisations`);
  await shoot(page, 'en-1500x900-path');

  // All shortest paths Kanagawa → MHLW: as many as the API gives.
  await page.fill('#path-to', 'MHLW');
  await page.uncheck('#path-evidence');
  await page.check('#path-all');
  await page.click('#path-form button[type="submit"]');
  const expectedAll = (await apiJson(url, 'path?from=Kanagawa&to=MHLW&all=1')).paths.length;
  await waitFor(page, (n) => document.querySelectorAll('#path-hops > li.path').length === n, expectedAll);
  check(expectedAll >= 1 && page.url().includes('all=1'), `all shortest paths: ${expectedAll} listed and kept in the URL`);
  await page.uncheck('#path-all');

  // 3. Time you can see: at 2010 the 2024 MOU fades, organisations with nothing alive fade too, and the
  // panel follows the date; at 2025 it is alive.
  await page.check('#use-year');
  await page.fill('#year', '2010');
  await page.dispatchEvent('#year', 'input');
  await page.waitForSelector('body[data-year="2010"]');
  await waitFor(page, () => document.querySelector('#panel li[data-relation="kanagawa-vn-moh-mou-2024"] .state'));
  const at2010 = await page.evaluate(() => ({ mou: window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024'),
    fadedNodes: window.kizunaExplorer.nodes().filter((id) => window.kizunaExplorer.nodeFaded(id)),
    state: document.querySelector('#panel li[data-relation="kanagawa-vn-moh-mou-2024"] .state').textContent }));
  check(at2010.mou && at2010.state === 'not active then', `at 2010 the 2024 MOU fades and the panel says "${at2010.state}"`);
  check(at2010.fadedNodes.length > 0, `organisations with no relation alive fade: ${at2010.fadedNodes.join(', ')}`);
  await shoot(page, 'en-1500x900-2010');
  await page.fill('#year', '2025');
  await page.dispatchEvent('#year', 'input');
  await page.waitForSelector('body[data-year="2025"]');
  check(!(await page.evaluate(() => window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024'))), 'at 2025 the MOU is alive');
  // A period: 2010 to 2013 fades it.
  await page.check('#use-range');
  await page.fill('#year', '2010');
  await page.fill('#year-to', '2013');
  await page.dispatchEvent('#year-to', 'input');
  await page.waitForSelector('body[data-year="2010-2013"]');
  check(await page.evaluate(() => window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024')) && page.url().includes('year_to=2013'),
        '2010-2013 fades the MOU; the URL holds the period');
  await page.uncheck('#use-range');
  await page.uncheck('#use-year');
  await page.waitForSelector('body[data-year=""]');

  // Filters: unchecking the kind prefecture hides Kanagawa.
  await page.uncheck('input[data-filter="kind:prefecture"]');
  check(await page.evaluate(() => window.kizunaExplorer.hidden('kanagawa')) && page.url().includes('kind:prefecture'), 'the kind filter hides Kanagawa');
  await page.check('input[data-filter="kind:prefecture"]');

  // 4. Calm and shareable: expand, drag, pin, hide; Undo and Back step back; a link reopens it all.
  await page.fill('#path-from', '');
  await page.fill('#path-to', '');
  await page.click('#path-form button[type="submit"]');
  await page.evaluate(() => { location.hash = '#entity=vn-moh'; });
  await waitFor(page, () => window.kizunaExplorer.nodes().includes('vn-moh') && !window.kizunaExplorer.nodes().includes('taisho') && !location.hash.includes('expand=vn-moh,'));
  await settle(page);
  const before = await page.evaluate(() => window.kizunaExplorer.positions());
  const expandTarget = (await page.evaluate(() => window.kizunaExplorer.nodes())).includes('moh-ehr') ? 'moh-ehr' : 'kanagawa';
  await page.evaluate((id) => { location.hash = `${location.hash}&sel=n:${id}`; }, expandTarget);
  await page.waitForSelector('#expand:not([disabled])');
  await page.click('#expand');
  await waitFor(page, (id) => location.hash.includes(`expand=vn-moh,${id}`), expandTarget);
  const after = await page.evaluate(() => window.kizunaExplorer.positions());
  const stayed = Object.entries(before).every(([id, [x, y]]) => after[id] && after[id][0] === x && after[id][1] === y);
  check(stayed && Object.keys(after).length >= Object.keys(before).length, `expanding ${expandTarget}: ${Object.keys(after).length - Object.keys(before).length} new, the others stay where they were`);
  // Keyboard: the map takes focus; arrows move between organisations; Enter opens one.
  await page.focus('#canvas');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focusedName = await page.textContent('#announce');
  await page.keyboard.press('Enter');
  // The hash already selects the organisation expanded above: wait for the panel to name the one opened.
  const opened = await waitFor(page, (name) => document.querySelector('#panel h2')?.textContent === name, focusedName)
    .then(() => true, () => false);
  check(focusedName && opened, `the keyboard reaches and opens "${focusedName}"`);
  await shoot(page, 'en-1500x900-keyboard');
  // Pin the opened organisation, then hide another one; drag one.
  await page.click('#pin');
  const pinned = (await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('pin')));
  const nodes = await page.evaluate(() => window.kizunaExplorer.nodes());
  const victim = nodes.find((id) => id !== 'vn-moh' && id !== expandTarget && id !== pinned);
  await page.evaluate((id) => { location.hash = location.hash.replace(/sel=[^&]*/, `sel=n:${id}`); }, victim);
  await page.waitForSelector('#hide:not([disabled])');
  await page.click('#hide');
  await waitFor(page, (id) => !window.kizunaExplorer.nodes().includes(id), victim);
  check(pinned && page.url().includes(`hide=${victim}`), `pinned ${pinned}, hid ${victim}`);
  const nodesBeforeUndo = await page.evaluate(() => window.kizunaExplorer.nodes());
  await page.click('#undo');
  await waitFor(page, (id) => window.kizunaExplorer.nodes().includes(id), victim);
  check(true, 'Undo brings the hidden organisation back');
  await page.click('#redo');
  await waitFor(page, (id) => !window.kizunaExplorer.nodes().includes(id), victim);
  await settle(page);
  check(JSON.stringify(await page.evaluate(() => window.kizunaExplorer.nodes())) === JSON.stringify(nodesBeforeUndo), 'Redo hides it again');
  await page.goBack();
  await waitFor(page, (id) => window.kizunaExplorer.nodes().includes(id), victim);
  await page.goForward();
  await waitFor(page, (id) => !window.kizunaExplorer.nodes().includes(id), victim);
  check(true, 'Back and Forward step through the views');
  await settle(page);
  await page.selectOption('#layout', 'concentric');
  await waitFor(page, () => location.hash.includes('layout=concentric'));
  const link = page.url();
  const here = await page.evaluate(() => ({ nodes: window.kizunaExplorer.nodes(), positions: window.kizunaExplorer.positions() }));
  const second = await open(1500, 900, link);
  await settle(second);
  const there = await second.evaluate(() => ({ nodes: window.kizunaExplorer.nodes(), positions: window.kizunaExplorer.positions() }));
  const samePositions = here.nodes.every((id) => there.positions[id] && Math.abs(there.positions[id][0] - here.positions[id][0]) <= 1 &&
                                                Math.abs(there.positions[id][1] - here.positions[id][1]) <= 1);
  check(JSON.stringify(here.nodes) === JSON.stringify(there.nodes) && samePositions,
        `the link reopens the same ${there.nodes.length} organisations at the same places`);
  await second.close();
  // A path asked on an empty map, then an organisation only the path brought expanded: the link replays
  // them in that order (path_at), so the expansion is not lost.
  const pathFirst = await open(1500, 900, `${url}#filters=category:evidence`);
  await pathFirst.fill('#path-from', 'Kanagawa');
  await pathFirst.fill('#path-to', 'Hau Giang');
  await pathFirst.check('#path-evidence');
  await pathFirst.click('#path-form button[type="submit"]');
  await waitFor(pathFirst, () => window.kizunaExplorer.highlighted().edges >= 2);
  await settle(pathFirst);
  const drawnNow = (page) => page.evaluate(() => {
    const positions = window.kizunaExplorer.positions();  // every organisation drawn, filtered ones too
    return { ids: Object.keys(positions).sort(), positions };
  });
  const pathOnly = await drawnNow(pathFirst);
  // The ministry's 2025 profile: a document on the path, which mentions organisations the path does not.
  const middle = 'vn-moh-profile-2025';
  check(expectedPath.paths[0].nodes.includes(middle), `${middle} is on the path`);
  await pathFirst.evaluate((id) => { location.hash = `${location.hash}&sel=n:${id}`; }, middle);
  await pathFirst.waitForSelector('#expand:not([disabled])');
  await pathFirst.click('#expand');
  await waitFor(pathFirst, (id) => location.hash.includes(`expand=${id}`) && location.hash.includes('path_at=0'), middle);
  await settle(pathFirst);
  const grown = await drawnNow(pathFirst);
  const replayed = await open(1500, 900, pathFirst.url());
  await settle(replayed);
  const again = await drawnNow(replayed);
  const placedAlike = grown.ids.every((id) => again.positions[id] && Math.abs(again.positions[id][0] - grown.positions[id][0]) <= 1 &&
                                              Math.abs(again.positions[id][1] - grown.positions[id][1]) <= 1);
  check(grown.ids.length > pathOnly.ids.length && JSON.stringify(grown.ids) === JSON.stringify(again.ids) && placedAlike,
        `a path, then ${middle} expanded (${grown.ids.length - pathOnly.ids.length} new): the link reopens the same ${again.ids.length} organisations at the same places`);
  await replayed.close();
  await pathFirst.close();

  // 5. Readable: zoom buttons, bounded wheel, labels hidden rather than shrunk.
  const z0 = await page.evaluate(() => window.kizunaExplorer.zoom());
  await page.click('#zoom-in');
  const z1 = await page.evaluate(() => window.kizunaExplorer.zoom());
  await page.mouse.move(600, 500);
  await page.mouse.wheel(0, -2000);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const z2 = await page.evaluate(() => window.kizunaExplorer.zoom());
  check(z1 > z0 && z2 <= z1 * 1.21, `zoom in ×${(z1 / z0).toFixed(2)}; one big wheel turn ×${(z2 / z1).toFixed(2)} at most`);
  await page.click('#fit');

  // 6. Three languages, wholly: no English word of the chrome left in 日本語 or Tiếng Việt.
  await page.fill('#path-from', 'Kanagawa');
  await page.fill('#path-to', 'Hau Giang');
  await page.click('#path-form button[type="submit"]');
  await page.waitForSelector('#path-hops .no-path');
  const english = new Set(latinWords(await page.evaluate(chromeText)));
  for (const [lang, name] of [['ja', '日本語'], ['vi', 'Tiếng Việt']]) {
    await page.selectOption('#lang', lang);
    await waitFor(page, (code) => document.documentElement.lang === code && location.hash.includes(`lang=${code}`), lang);
    await page.waitForSelector('#path-hops .no-path');
    await settle(page);
    const left = [...new Set(latinWords(await page.evaluate(chromeText)).filter((w) => lang === 'ja' || english.has(w)))];
    check(left.length === 0, `${name}: no English in the page's own words${left.length ? ` (left: ${left.join(', ')})` : ''}`);
    if (lang === 'ja') {
      const labels = await page.evaluate(() => window.kizunaExplorer.labels());
      check(labels.includes('神奈川県') && labels.includes('ベトナム保健省'), 'the map shows Japanese names');
      await shoot(page, 'ja-1500x900');
    }
  }
  await page.selectOption('#lang', 'en');
  await waitFor(page, () => document.documentElement.lang === 'en');

  // 7. Export what is on screen: 16:9, title, date, legend of what is drawn, numbered sources, no text
  // under 10 px.
  await page.click('.export summary');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  const svgText = readFileSync(await svgDownload.path(), 'utf8');
  const sizes = [...svgText.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  check(/width="1920" height="1080"/.test(svgText) && svgText.includes('Kanagawa Prefecture → Hau Giang Pharmaceutical JSC'),
        `SVG ${svgDownload.suggestedFilename()}: 1920×1080 with its title`);
  check(sizes.length > 10 && Math.min(...sizes) >= 10, `no text under 10 px (smallest ${Math.min(...sizes)} px of ${sizes.length})`);
  check(/\[1\]/.test(svgText) && svgText.includes('Legend') && !svgText.includes('<img'), 'numbered sources, a legend, the hostile name escaped');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const png = readFileSync(await pngDownload.path());
  check(png.subarray(1, 4).toString() === 'PNG' && png.readUInt32BE(16) === 1920 && png.readUInt32BE(20) === 1080,
        `PNG ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`);
  writeFileSync(path.join(shots, 'export-en-1920x1080.png'), png);
  await page.click('.export summary');

  // 8. Hostile text shows as text and runs nothing; a javascript: source is no link.
  await page.fill('#search', 'img src');
  await page.waitForSelector('#results button[data-id="hostile"]');
  await page.click('#results button[data-id="hostile"]');
  await waitFor(page, () => document.querySelector('#panel h2')?.textContent.includes('<img'));
  const images = await page.locator('#panel img, #results img').count();
  const scriptLinks = await page.evaluate(() => [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length);
  check((await page.textContent('#panel h2')) === '<img src=x onerror=alert(1)>', 'the hostile name is shown as text');
  check(images === 0 && scriptLinks === 0 && dialogs.length === 0, `no element, link or dialog from the data (${dialogs.join(', ')})`);
  await page.close();

  // 9. Colour by community: each organisation filled by its group from GET /api/communities (asked with
  // the map's relation filters and date), one fill per group, a legend of the groups drawn, kept in the
  // URL, carried into the export; at a date, the groups of the relations alive then, the rest in no group.
  const groupsStart = Date.now();
  const grouped = await open(1500, 900, `${url}#entity=vn-moh&expand=vn-moh,kanagawa&hide=hostile`);
  await settle(grouped);
  await grouped.selectOption('#colour', 'community');
  await grouped.waitForSelector('body[data-colour="community"]');
  const groupOf = (answer) => new Map(answer.communities.flatMap((c) => c.members.map((m) => [m.id, c.community])));
  const apiGroups = groupOf(await apiJson(url, 'communities'));  // evidence left out, as the map's filters
  const seen = await grouped.evaluate(() => ({ groups: window.kizunaExplorer.groups(), fills: window.kizunaExplorer.fills() }));
  const shownIds = Object.keys(seen.fills);
  check(shownIds.length > 5 && shownIds.every((id) => seen.groups[id] === (apiGroups.get(id) || 0)),
        `community colouring: the ${shownIds.length} organisations drawn are in their /api/communities groups`);
  const fillsOf = new Map();
  for (const id of shownIds) fillsOf.set(seen.groups[id], new Set([...(fillsOf.get(seen.groups[id]) || []), seen.fills[id]]));
  const groupFills = [...fillsOf.values()].map((set) => [...set]);
  check(fillsOf.size >= 3 && groupFills.every((set) => set.length === 1) && new Set(groupFills.map((set) => set[0])).size === fillsOf.size,
        `one fill per group, each group its own: ${[...fillsOf].map(([n, set]) => `${n}=${[...set][0]}`).join(', ')}`);
  const legendGroups = await grouped.evaluate(() => [...document.querySelectorAll('#legend li[data-group]')].map((li) => [Number(li.dataset.group), li.textContent]));
  check(JSON.stringify(legendGroups.map(([n]) => n)) === JSON.stringify([...fillsOf.keys()].sort((a, b) => (a || 99) - (b || 99))) &&
        legendGroups.some(([n, text]) => n === apiGroups.get('vn-moh') && text.includes(`group ${n}`) && text.includes('Ministry of Health')),
        `the legend lists the groups drawn: ${legendGroups.map(([, text]) => text.trim()).join(' | ')}`);
  check(grouped.url().includes('colour=community'), 'the URL holds the colouring');
  await shoot(grouped, 'en-1500x900-communities');
  await grouped.click('.export summary');
  const [groupsSvg] = await Promise.all([grouped.waitForEvent('download'), grouped.click('#export-svg')]);
  const groupsSvgText = readFileSync(await groupsSvg.path(), 'utf8');
  const palette = (await apiJson(url, 'style')).groups;
  const shownGroups = [...fillsOf.keys()].filter((n) => n > 0);
  check(shownGroups.every((n) => groupsSvgText.includes(`fill="${palette[n - 1]}"`) && groupsSvgText.includes(`group ${n}`)),
        `the SVG export fills the organisations by group and its legend names groups ${shownGroups.join(', ')}`);
  await grouped.click('.export summary');
  await grouped.click('#undo');  // the choice is a view action: Undo colours by country again, Redo by community
  await grouped.waitForSelector('body[data-colour="country"]');
  check(!grouped.url().includes('colour=') && !(await grouped.evaluate(() => Object.keys(window.kizunaExplorer.groups()).length)),
        'Undo colours the map by country again');
  await grouped.click('#redo');
  await grouped.waitForSelector('body[data-colour="community"]');
  await grouped.reload();
  await grouped.waitForSelector('body[data-ready="1"]');
  await grouped.waitForSelector('body[data-colour="community"]');
  const reloaded = await grouped.evaluate(() => ({ value: document.getElementById('colour').value, fills: window.kizunaExplorer.fills() }));
  check(reloaded.value === 'community' && JSON.stringify(reloaded.fills) === JSON.stringify(seen.fills), 'a reload keeps the colouring and the same fills');
  // At 2020: the groups of the relations alive then; the others in no group, white, and said so.
  await grouped.check('#use-year');
  await grouped.fill('#year', '2020');
  await grouped.dispatchEvent('#year', 'input');
  await grouped.waitForSelector('body[data-colour="community@2020"]');
  const apiGroups2020 = groupOf(await apiJson(url, 'communities?as_of=2020'));
  const at2020 = await grouped.evaluate(() => ({ groups: window.kizunaExplorer.groups(), fills: window.kizunaExplorer.fills(),
    legend: [...document.querySelectorAll('#legend li[data-group]')].map((li) => li.textContent) }));
  const ungrouped = Object.keys(at2020.groups).filter((id) => at2020.groups[id] === 0);
  const grouped2020 = new Set(Object.values(at2020.groups).filter((n) => n > 0));
  check(Object.entries(at2020.groups).every(([id, n]) => n === (apiGroups2020.get(id) || 0)) && ungrouped.length > 0 && grouped2020.size >= 2 &&
        ungrouped.every((id) => at2020.fills[id] === 'rgb(255,255,255)') && at2020.legend.some((text) => text.includes('in no group')),
        `at 2020 the groups of /api/communities?as_of=2020 (${grouped2020.size} drawn); ${ungrouped.length} organisations in no group, white, in the legend`);
  await shoot(grouped, 'en-1500x900-communities-2020');
  await grouped.close();
  console.log(`measure: colour by community journey ${Date.now() - groupsStart} ms`);

  // 9b. Compare two years: the panel lists, per category, what GET /api/changes answers for 2019 → 2024
  // (the whole data; with an organisation centred, its relations), and marks those on the map.
  const compareStart = Date.now();
  const compared = await open(1500, 900);
  const listedChanges = () => compared.evaluate(() => Object.fromEntries([...document.querySelectorAll('#panel h3.compare-category')]
    .map((h) => [h.dataset.category, [...h.nextElementSibling.querySelectorAll(':scope > li')].map((li) => li.dataset.relation)])));
  check(await compared.inputValue('#compare-from') === '2019' && await compared.inputValue('#compare-to') === '2024', 'compare defaults to 2019 and 2024');
  await compared.click('#compare-form button[type="submit"]');
  await compared.waitForSelector('#panel h2.compare-title');
  const changes = await apiJson(url, 'changes?from=2019&to=2024');
  const expectedChanges = Object.fromEntries(changes.categories.map((c) => [c.category, c.changes.map((row) => row.relation.id)]));
  const gotChanges = await listedChanges();
  check(JSON.stringify(gotChanges) === JSON.stringify(expectedChanges) && Object.keys(expectedChanges).length >= 2,
        `compare 2019 → 2024: the panel lists /api/changes per category (${Object.entries(gotChanges).map(([c, ids]) => `${c} ${ids.length}`).join(', ')})`);
  const firstChange = await compared.innerText('#panel ol.changes > li:first-child .change');
  check(/began/.test(firstChange) && firstChange.includes('2019') && firstChange.includes('2024'), `each with its states at both dates: "${firstChange}"`);
  const groupEvents = await compared.locator('#panel .group-events > li').count();
  check(groupEvents === changes.groups.events.length, `the groups that changed: ${groupEvents} listed, as the answer`);
  await shoot(compared, 'en-1500x900-compare');
  await compared.close();
  // Centred on the ministry: its relations only, and those on the map marked.
  const centred = await open(1500, 900, `${url}#entity=vn-moh&expand=vn-moh&lang=ja`);
  await settle(centred);
  check(await centred.innerText('#compare-form h2') === '2つの年を比較', 'in Japanese: 2つの年を比較');
  await centred.click('#compare-form button[type="submit"]');
  await centred.waitForSelector('#panel h2.compare-title');
  const ownChanges = await apiJson(url, 'changes?from=2019&to=2024&entity=vn-moh');
  const ownIds = ownChanges.categories.flatMap((c) => c.changes.map((row) => row.relation.id));
  const centredState = await centred.evaluate(() => ({ title: document.querySelector('#panel h2.compare-title').textContent,
    listed: document.querySelectorAll('#panel ol.changes > li').length, changed: window.kizunaExplorer.changed(), edges: window.kizunaExplorer.edges() }));
  const onMapIds = ownIds.filter((id) => centredState.edges.includes(id)).sort();
  check(centredState.title.includes('変化') && centredState.listed === ownIds.length && ownIds.length > 0,
        `centred on vn-moh: ${centredState.listed} relations listed as /api/changes&entity=vn-moh, under "${centredState.title}"`);
  check(JSON.stringify(centredState.changed) === JSON.stringify(onMapIds) && onMapIds.length > 0,
        `the ${onMapIds.length} of them on the map are marked`);
  await shoot(centred, 'ja-1500x900-compare');
  await centred.close();
  console.log(`measure: compare journey ${Date.now() - compareStart} ms`);

  // 10. Sizes and languages for the eye: 1920×1080 and the phone's 390×844, in English and Japanese; the
  // README's pictures (docs-*) and an exported slide of the curated map (the Japanese one coloured by
  // community).
  const view = `${url}#entity=vn-moh&expand=vn-moh,moh-ehr&sel=n:vn-moh`;
  for (const lang of ['en', 'ja']) {
    const docs = await open(1500, 900, `${url}#entity=vn-moh&hide=hostile&from=Kanagawa&to=Hau%20Giang&evidence=1&sel=n:hau-giang-pharma&lang=${lang}`);
    await settle(docs);
    await shoot(docs, `docs-${lang}`);
    await docs.close();
    const colour = lang === 'ja' ? '&colour=community' : '';
    const big = await open(1920, 1080, `${url}#entity=vn-moh&expand=vn-moh,kanagawa,mhlw,moh-ehr&hide=hostile&sel=n:vn-moh&lang=${lang}${colour}`);
    await settle(big);
    if (colour) {
      await big.waitForSelector('body[data-colour="community"]');
      const legend = await big.innerText('#legend');
      check(/グループ \d+: .+ほか \d+ 件/.test(legend) && legend.includes('モジュラリティ') && !/group \d/.test(legend),
            `the groups' legend in Japanese: ${legend.split('\n').filter((line) => line.includes('グループ')).slice(0, 2).join(' | ')}`);
    }
    await big.selectOption('#layout', 'fcose');
    await waitFor(big, () => location.hash.includes('layout=fcose'));
    await shoot(big, `${lang}-1920x1080`);
    await big.click('.export summary');
    const [slide] = await Promise.all([big.waitForEvent('download'), big.click('#export-png')]);
    writeFileSync(path.join(shots, `export-curated-${lang}-1920x1080.png`), readFileSync(await slide.path()));
    await big.close();
    const phone = await open(390, 844, `${view}&lang=${lang}`);
    await settle(phone);
    const layout = await phone.evaluate(() => ({ map: document.getElementById('canvas').getBoundingClientRect(),
                                                 width: document.documentElement.scrollWidth }));
    check(layout.map.height >= 0.6 * 844 && layout.map.width >= 380 && layout.width <= 390,
          `${lang} 390×844: the map is ${Math.round(layout.map.width)}×${Math.round(layout.map.height)}, nothing overflows (${layout.width} px)`);
    await shoot(phone, `${lang}-390x844`);
    await phone.click('#toggle-panel');
    await shoot(phone, `${lang}-390x844-panel`);
    await phone.close();
  }

  // 11. Calm on a hub: the largest of a 100k-relation database, clicked, is interactive within 2 s:
  // at most 100 new organisations, the rest behind "+N more", which adds from a searchable list.
  await hubReady;
  const hub = serve(kizuna, hubDb);
  const hubUrl = (await hub.started).url;
  try {
    const stats = await apiJson(hubUrl, 'stats');
    const largest = stats.by_degree[0];
    const hubPage = await open(1500, 900, hubUrl);
    await hubPage.fill('#search', largest.id);
    await hubPage.waitForSelector(`#results button[data-id="${largest.id}"]`);
    const clicked = Date.now();
    await hubPage.click(`#results button[data-id="${largest.id}"]`);
    await waitFor(hubPage, () => window.kizunaExplorer.more().length === 1);
    await hubPage.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const hubMs = Date.now() - clicked;
    const shown = await hubPage.evaluate(() => ({ nodes: window.kizunaExplorer.nodes().length, more: window.kizunaExplorer.more()[0] }));
    const frameStart = Date.now();
    await hubPage.click('#zoom-in');
    await hubPage.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const frameMs = Date.now() - frameStart;
    check(shown.nodes <= 101 && shown.more.count > 0, `hub ${largest.id} (${largest.score} relations): ${shown.nodes} organisations drawn, "+${shown.more.count} more"`);
    // The issue's budget as it stands (an idle run takes about a quarter of it: bench/README); the test
    // runs alone (RUN_SERIAL) so that the budget is not spent waiting for another test's processes.
    check(hubMs < 2000 && frameMs < 300, `the hub is interactive in ${hubMs} ms (budget 2000 ms), a zoom frame in ${frameMs} ms (budget 300 ms)`);
    await shoot(hubPage, 'en-1500x900-hub');
    const moreAt = await hubPage.evaluate((id) => window.kizunaExplorer.renderedPosition(`more:${id}`), largest.id);
    await hubPage.mouse.click(moreAt.x, moreAt.y);
    await hubPage.waitForSelector('#more-dialog[open] .more-list input');
    await hubPage.fill('#more-dialog input[type="search"]', 'Organisation 1');
    const boxes = hubPage.locator('#more-dialog .more-list input');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await shoot(hubPage, 'en-1500x900-hub-more');
    await hubPage.click('#more-dialog .more-buttons button:first-child');
    await waitFor(hubPage, (n) => window.kizunaExplorer.nodes().length === n + 2, shown.nodes);
    check(true, 'two organisations added from the searchable list');
    await hubPage.close();
    console.log(`measure: first load ${loadMs} ms; MOH neighbourhood drawn in ${drawMs} ms; path found and highlighted in ${pathMs} ms; ` +
                `hub of ${largest.score} relations interactive in ${hubMs} ms`);
  } finally {
    await hub.stop();
  }
  check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
} finally {
  await browser.close();
  await curated.stop();
}
console.log(`screenshots: ${shots}; ${((Date.now() - began) / 1000).toFixed(1)} s`);
process.exit(failures === 0 ? 0 : 1);
