// The explorer in a real browser: Debian's chromium, headless, driven by playwright-core, against a
// real `kizuna serve` on a loopback port over the curated data (and a hostile entity added to it).
// Screenshots of every step go to SHOTS (look at them). Exits non-zero on the first failure.
//
// usage: node explorer_test.mjs KIZUNA DATA_DIR WORK_DIR
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [kizuna, data, work] = process.argv.slice(2);
if (!kizuna || !data || !work) {
  console.error('usage: node explorer_test.mjs KIZUNA DATA_DIR WORK_DIR');
  process.exit(2);
}
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

// Polls a function in the page (page.waitForFunction evaluates strings, which the page's CSP forbids).
async function waitFor(page, predicate, arg, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let failures = 0;
function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failures += 1;
}

const server = spawn(kizuna, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (chunk) => {
    text += chunk;
    const found = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (found) resolve(found[0]);
  });
  server.on('exit', (code) => reject(new Error(`kizuna serve exited with ${code}`)));
  setTimeout(() => reject(new Error('kizuna serve printed no URL')), 10000);
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : [],
});
const consoleErrors = [];
const dialogs = [];
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`) });

  // 1. Search 保健省 as one types: the Ministry of Health comes first; choosing it draws its neighbourhood.
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  await page.fill('#search', '保健省');
  await page.waitForSelector('#results button[data-id="vn-moh"]');
  await shot('1-search');
  const first = await page.getAttribute('#results li:first-child button', 'data-id');
  check(first === 'vn-moh', `search 保健省: first result ${first}`);
  const drawStart = Date.now();
  await page.click('#results button[data-id="vn-moh"]');
  await page.waitForSelector('#panel tr[data-relation="kanagawa-vn-moh-mou-2024"]');
  const drawMs = Date.now() - drawStart;
  await shot('2-moh-selected');
  check(page.url().includes('entity=vn-moh'), 'the URL holds the selected entity');

  // 2. Its panel: the 2024-11-15 MOU with Kanagawa and the source as a link.
  const mouRow = page.locator('#panel tr[data-relation="kanagawa-vn-moh-mou-2024"]');
  const mouText = await mouRow.innerText();
  check(mouText.includes('2024-11-15') && mouText.includes('Kanagawa'), `MOU row: ${mouText.split('\n')[0]}`);
  const mouLink = await mouRow.locator('a').first().getAttribute('href');
  check(mouLink && mouLink.startsWith('https://www.pref.kanagawa.jp/'), `MOU source link ${mouLink}`);

  // 3. Path Kanagawa → Hau Giang, walking evidence (only the report links them otherwise): hops listed
  // with their sources, the path highlighted on the map.
  await page.fill('#path-from', 'Kanagawa');
  await page.fill('#path-to', 'Hau Giang');
  await page.click('#path-form button[type="submit"]');
  await page.waitForSelector('#path-hops li');
  const noEvidence = await page.innerText('#path-hops');
  check(/evidence/i.test(noEvidence), `without evidence: "${noEvidence.trim()}"`);
  await page.check('#path-evidence');
  await page.click('#path-form button[type="submit"]');
  await waitFor(page, () => document.querySelectorAll('#path-hops li.hop').length >= 2);
  const hops = await page.locator('#path-hops li.hop').count();
  const highlighted = await page.evaluate(() => window.kizunaExplorer.highlighted());
  await shot('3-path');
  check(hops >= 2 && highlighted.edges === hops && highlighted.nodes === hops + 1,
        `path: ${hops} hops listed, ${highlighted.edges} relations and ${highlighted.nodes} entities highlighted`);
  check(page.url().includes('from=Kanagawa') && page.url().includes('evidence=1'), 'the URL holds the path');

  // 3b. All shortest paths Kanagawa → MHLW: as many as the API gives, each listed.
  await page.fill('#path-to', 'MHLW');
  await page.uncheck('#path-evidence');
  await page.check('#path-all');
  await page.click('#path-form button[type="submit"]');
  const expected = (await (await fetch(`${url}api/path?from=Kanagawa&to=MHLW&all=1`)).json()).paths.length;
  await waitFor(page, (n) => document.querySelectorAll('#path-hops > li.path').length === n, expected);
  await shot('3b-all-paths');
  check(expected >= 1 && page.url().includes('all=1'), `all shortest paths: ${expected} listed and kept in the URL`);
  await page.uncheck('#path-all');

  // 4. The slider at 2010 fades the 2024 MOU (not active then); at 2025 it is not faded.
  await page.check('#use-year');
  await page.fill('#year', '2010');
  await page.dispatchEvent('#year', 'input');
  await page.waitForSelector('body[data-year="2010"]');
  const faded2010 = await page.evaluate(() => window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024'));
  await shot('4-year-2010');
  check(faded2010 === true, 'at 2010 the 2024 MOU is faded');
  await page.fill('#year', '2025');
  await page.dispatchEvent('#year', 'input');
  await page.waitForSelector('body[data-year="2025"]');
  const faded2025 = await page.evaluate(() => window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024'));
  check(faded2025 === false, 'at 2025 the MOU is not faded');

  // 4a. A period: 2010 to 2013 fades the 2024 MOU; 2010 to 2025 does not.
  await page.check('#use-range');
  await page.fill('#year', '2010');
  await page.fill('#year-to', '2013');
  await page.dispatchEvent('#year-to', 'input');
  await page.waitForSelector('body[data-year="2010-2013"]');
  check(await page.evaluate(() => window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024')), '2010-2013 fades the MOU');
  await page.fill('#year-to', '2025');
  await page.dispatchEvent('#year-to', 'input');
  await page.waitForSelector('body[data-year="2010-2025"]');
  await shot('4a-period');
  check(!(await page.evaluate(() => window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024'))) &&
        page.url().includes('year_to=2025'), '2010-2025 does not, and the URL holds the period');
  await page.uncheck('#use-range');
  await page.fill('#year', '2025');
  await page.dispatchEvent('#year', 'input');
  await page.waitForSelector('body[data-year="2025"]');

  // 4b. Filters: unchecking the kind prefecture hides Kanagawa, and the URL says so; checking shows it.
  await page.uncheck('input[data-filter="kind:prefecture"]');
  const kanagawaHidden = await page.evaluate(() => window.kizunaExplorer.hidden('kanagawa'));
  await shot('4b-filter-prefectures');
  check(kanagawaHidden && decodeURIComponent(page.url()).includes('kind:prefecture'), 'the kind filter hides Kanagawa');
  await page.check('input[data-filter="kind:prefecture"]');
  check(!(await page.evaluate(() => window.kizunaExplorer.hidden('kanagawa'))), 'checking the kind shows it again');

  // 5. 日本語: names in Japanese on the map and in the panel.
  await page.selectOption('#lang', 'ja');
  await waitFor(page, () => document.querySelector('#panel h2')?.textContent === 'ベトナム保健省');
  const labels = await page.evaluate(() => window.kizunaExplorer.labels());
  await shot('5-japanese');
  check(labels.includes('神奈川県') && labels.includes('ベトナム保健省'), 'the map shows Japanese names');
  const evidenceFilter = await page.locator('input[data-filter="category:evidence"]').locator('xpath=..').innerText();
  check(evidenceFilter.includes('根拠資料'), `filters in Japanese: "${evidenceFilter.trim()}"`);
  check(page.url().includes('lang=ja'), 'the URL holds the language');

  // 6. A link reproduces the view.
  const link = page.url();
  const second = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  second.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  await second.goto(link);
  await second.waitForSelector('body[data-ready="1"]');
  const restored = await second.evaluate(() => ({ labels: window.kizunaExplorer.labels(),
                                                  faded: window.kizunaExplorer.faded('kanagawa-vn-moh-mou-2024'),
                                                  lang: document.querySelector('#lang').value }));
  await second.screenshot({ path: path.join(shots, '6-link-reopened.png') });
  check(restored.lang === 'ja' && restored.labels.includes('神奈川県'), 'the link reopens the same view');
  await second.close();

  // 7. Hostile text shows as text and runs nothing; a javascript: source is no link.
  await page.selectOption('#lang', 'en');
  await page.fill('#search', 'img src');
  await page.waitForSelector('#results button[data-id="hostile"]');
  await page.click('#results button[data-id="hostile"]');
  await waitFor(page, () => document.querySelector('#panel h2')?.textContent.includes('<img'));
  await shot('7-hostile');
  const heading = await page.textContent('#panel h2');
  const images = await page.locator('#panel img, #results img').count();
  const scriptLinks = await page.evaluate(() => [...document.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length);
  check(heading === '<img src=x onerror=alert(1)>', 'the hostile name is shown as text');
  check(images === 0 && scriptLinks === 0 && dialogs.length === 0, `no element, link or dialog from the data (${dialogs.join(', ')})`);

  // 8. The view exports as SVG (the server's diagram of the same selection) and PNG (the canvas).
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
  const svgPath = path.join(work, svgDownload.suggestedFilename());
  await svgDownload.saveAs(svgPath);
  const svgText = (await import('node:fs')).readFileSync(svgPath, 'utf8');
  check(svgDownload.suggestedFilename() === 'kizuna-hostile.svg' && svgText.includes('<svg'), `SVG export ${svgDownload.suggestedFilename()}`);
  check(!svgText.includes('<img'), 'the SVG carries the hostile name as escaped text');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const pngPath = path.join(work, pngDownload.suggestedFilename());
  await pngDownload.saveAs(pngPath);
  const png = (await import('node:fs')).readFileSync(pngPath);
  check(png.subarray(1, 4).toString() === 'PNG' && png.length > 1000, `PNG export ${pngDownload.suggestedFilename()} (${png.length} bytes)`);

  // 9. 200 entities drawn: measured and reported, not asserted.
  const bigStart = Date.now();
  await page.evaluate(() => window.kizunaExplorer.drawSynthetic(200));
  const bigMs = Date.now() - bigStart;
  await shot('8-200-entities');
  console.log(`measure: MOH neighbourhood drawn in ${drawMs} ms; 200 entities laid out and drawn in ${bigMs} ms`);

  check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
} finally {
  await browser.close();
  server.kill('SIGINT');
}
console.log(`screenshots: ${shots}`);
process.exit(failures === 0 ? 0 : 1);
