// Is a slide map clean? Each SVG given is drawn 1920 pixels wide in Debian's chromium (headless, through
// playwright-core) and measured as a person sees it, from the boxes the browser reads back:
//   - no text overlaps another element's text, nor any node's shape other than its own (a point of the
//     text's box inside the shape's fill: an ellipse's empty corners do not count);
//   - the drawing (every node, edge, label and the legend) fills at least 85 % of the frame's width or
//     of its height;
//   - every text is at least 10 pixels high at that width.
// Usage: node slide_check.mjs FILE.svg [FILE.svg ...]   Prints one line per file; exit 1 on any failure.
//        node slide_check.mjs --kizuna BIN DATA_DIR OUT_DIR  renders the curated maps to check (the whole
//        map and the Ministry's neighbourhood at --fit 16:9, and the diagram of the Ministry's partner
//        sheet, `kizuna brief`, in en and ja), and first proves on a drawing with known faults that the
//        check finds them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { chromium } = createRequire(path.join(root, 'web/package.json'))('playwright-core');

const kWidth = 1920, kLeastFill = 0.85, kLeastTextPx = 10, kSlackPx = 0.5;

function measure() {
  const svg = document.querySelector('svg');
  const box = (el) => el.getBoundingClientRect();
  const owner = (el) => el.closest('g.node, g.edge, g.cluster, g.graph');
  const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() !== '');
  const shapes = [...svg.querySelectorAll('g.node')].flatMap((n) =>
    [...n.querySelectorAll('polygon, ellipse, path, polyline')].filter((s) => s.getAttribute('fill') !== 'none'));
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const problems = [];
  const name = (el) => {
    const o = owner(el);
    const title = o?.querySelector(':scope > title')?.textContent ?? '';
    return `${o?.getAttribute('class') ?? '?'} ${title}: '${el.textContent.trim().slice(0, 40)}'`;
  };
  const meets = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  // Text over text: two texts of different elements whose boxes meet.
  for (let i = 0; i < texts.length; ++i) {
    const a = box(texts[i]);
    for (let j = i + 1; j < texts.length; ++j) {
      if (owner(texts[i]) === owner(texts[j])) continue;
      if (meets(a, box(texts[j]))) problems.push(`text over text: ${name(texts[i])} and ${name(texts[j])}`);
    }
  }
  // Text over a node's shape: a grid of points of the text's box inside the shape's fill.
  for (const t of texts) {
    const a = box(t);
    for (const s of shapes) {
      if (owner(s) === owner(t) || !meets(a, box(s))) continue;
      const toShape = s.getScreenCTM().inverse();
      let inside = false;
      for (let gx = 0; gx <= 6 && !inside; ++gx) {
        for (let gy = 0; gy <= 2 && !inside; ++gy) {
          const p = new DOMPoint(a.left + (a.width * gx) / 6, a.top + (a.height * gy) / 2).matrixTransform(toShape);
          inside = s.isPointInFill(p);
        }
      }
      if (inside) problems.push(`text over a node: ${name(t)} over ${owner(s).querySelector('title')?.textContent}`);
    }
  }
  // What is drawn: every element but the white background.
  const frame = svg.getBoundingClientRect();
  const drawn = [...svg.querySelectorAll('g.node, g.edge, g.cluster, text')].map(box).filter((b) => b.width > 0 || b.height > 0);
  const left = Math.min(...drawn.map((b) => b.left)), right = Math.max(...drawn.map((b) => b.right));
  const top = Math.min(...drawn.map((b) => b.top)), bottom = Math.max(...drawn.map((b) => b.bottom));
  const fill = { width: (right - left) / frame.width, height: (bottom - top) / frame.height };
  let smallest = Infinity;
  for (const t of texts) smallest = Math.min(smallest, parseFloat(t.getAttribute('font-size')) * scale);
  return { problems, fill, smallest, frame: { width: frame.width, height: frame.height }, texts: texts.length };
}

// Two texts on one spot, a label across a node, and 6-point text on a 1920-point frame.
const kFaulty = `<svg width="1920pt" height="1080pt" viewBox="0 0 1920 1080" xmlns="http://www.w3.org/2000/svg">
<g class="graph"><g class="node"><title>a</title><ellipse cx="300" cy="300" rx="120" ry="40" fill="white" stroke="black"/>
<text x="300" y="305" font-size="14">Alpha</text></g>
<g class="edge"><title>a-&gt;b</title><text x="300" y="305" font-size="14">over Alpha</text></g>
<g class="edge"><title>b-&gt;c</title><text x="900" y="900" font-size="6">tiny</text></g></g></svg>`;

let files = process.argv.slice(2);
let faulty = null;
if (files[0] === '--kizuna') {
  const [, kizuna, data, out] = files;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const db = path.join(out, 'curated.db');
  execFileSync(kizuna, ['--db', db, 'init'], { stdio: 'ignore' });
  execFileSync(kizuna, ['--db', db, 'import', '--quiet', data]);
  files = [];
  for (const lang of ['en', 'ja']) {
    for (const [name, what] of [['whole', []], ['moh', ['--ego', 'vn-moh']]]) {
      const file = path.join(out, `${name}-${lang}.svg`);
      execFileSync(kizuna, ['--db', db, '--lang', lang, 'render', ...what, '--fit', '16:9', '-o', file], { stdio: 'ignore' });
      files.push(file);
    }
  }
  // The partner sheet's diagram (brief): the Graphviz drawing inlined in its HTML.
  for (const lang of ['en', 'ja']) {
    const sheet = path.join(out, `brief-${lang}.html`);
    execFileSync(kizuna, ['--db', db, '--lang', lang, 'brief', 'vn-moh', '--about', 'kanagawa', '--country', 'JP', '-o', sheet],
                 { stdio: 'ignore' });
    const diagram = readFileSync(sheet, 'utf8').match(/<svg[\s\S]*?<\/svg>/g)?.find((svg) => svg.includes('class="graph"'));
    if (!diagram) throw new Error(`${sheet}: no diagram in the sheet`);
    const file = path.join(out, `brief-diagram-${lang}.svg`);
    writeFileSync(file, diagram);
    files.push(file);
  }
  faulty = path.join(out, 'faulty.svg');
  writeFileSync(faulty, kFaulty);
  files.unshift(faulty);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: kWidth, height: 1200 } });
  for (const file of files) {
    const svg = readFileSync(file, 'utf8').replace(/^[\s\S]*?(<svg)/, '$1');
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.evaluate((width) => {
      const s = document.querySelector('svg');
      const v = s.viewBox.baseVal;
      s.setAttribute('width', `${width}px`);
      s.setAttribute('height', `${(width * v.height) / v.width}px`);
    }, kWidth);
    await page.evaluate(() => document.fonts.ready);
    const m = await page.evaluate(measure);
    const bad = [...m.problems];
    if (Math.max(m.fill.width, m.fill.height) < kLeastFill) {
      bad.push(`the drawing fills ${(100 * m.fill.width).toFixed(0)} % of the width and ${(100 * m.fill.height).toFixed(0)} % of the height (less than ${100 * kLeastFill} % in both)`);
    }
    if (m.smallest < kLeastTextPx - kSlackPx) bad.push(`the smallest text is ${m.smallest.toFixed(1)} px high at ${kWidth} px wide`);
    console.log(`${path.basename(file)}: ${bad.length === 0 ? 'clean' : `${bad.length} problems`} — ${m.texts} texts, ` +
                `fill ${(100 * m.fill.width).toFixed(0)} % x ${(100 * m.fill.height).toFixed(0)} %, smallest text ${m.smallest.toFixed(1)} px`);
    for (const b of bad) console.log(`  ${b}`);
    if (file === faulty) {
      // The check itself: each planted fault must be found.
      const found = ['text over text', 'text over a node', 'the drawing fills', 'the smallest text'].filter((f) => bad.some((b) => b.startsWith(f)));
      if (found.length !== 4) {
        console.log('  the check missed a planted fault');
        failed = true;
      }
      continue;
    }
    failed ||= bad.length > 0;
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
