// A benchmark, not a test: how the release build copes with the crafted
// inputs of issue 16, each made to find work that grows faster than the text
// (crates/lede-analysis/examples/crafted.rs makes them: one home for the
// generators). It prints figures and asserts nothing about them.
//
// For each class, RUNS times (3 by default), in a fresh browser context with
// a 1280×900 viewport: load the app, open the class's file through "Open
// article" → "Choose a … file", and measure from the moment it is chosen, as
// bench-big.mjs does (tests/e2e/measure.mjs):
//
// - headline: until a frame is painted with the new document's headline (or,
//   for a document with none, with its text in place of the sample's);
// - first screen: until a frame is painted with it and an entity highlight
//   in view ("none" where the document has no entity to highlight);
// - analysed: until the analysis is shown (the `lede:render` measure, and the
//   progress bar done);
// - the longest main-thread task until then, and how many were over 100 ms.
//
// The two custom-theme classes are a theme (100,000 terms, or 100,000 a MB;
// stored in IndexedDB as the app stores a reader's theme, and loaded with the
// page before the file is chosen) and a text of its terms.
//
// Run after `trunk build --release --offline`:
//   node tests/e2e/bench-crafted.mjs [SIZE] [--class WORD]
// SIZE is 1M by default (any size crafted.rs takes: 256K, 4M). The inputs are
// written by `cargo run --release -p lede-analysis --example crafted --
// --write DIR SIZE` into a temporary folder, or read from CRAFTED=DIR. RUNS=n
// repeats each class n times and prints the median (and the slowest run);
// DIST=/other/dist measures another build; TIMEOUT=seconds bounds each step
// (60 by default).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, benchPage } from './harness.mjs';
import { chromiumVersion, openMeasured, table } from './measure.mjs';

const STEP_MS = Number(process.env.TIMEOUT ?? 60) * 1000;
const RUNS = Number(process.env.RUNS ?? 3);
const args = process.argv.slice(2);
const classAt = args.indexOf('--class');
const only = classAt >= 0 ? args.splice(classAt, 2)[1] : null;
const size = args[0] ?? '1M';

function writeInputs() {
  if (process.env.CRAFTED) return process.env.CRAFTED;
  const dir = mkdtempSync(join(tmpdir(), 'lede-crafted-'));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  execFileSync(
    'cargo',
    ['run', '--quiet', '--release', '-p', 'lede-analysis', '--example', 'crafted', '--', '--write', dir, size, ...(only ? ['--class', only] : [])],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return dir;
}

/** Stores `theme` (as crafted.rs writes it) as a reader's theme, as the app's storage does. */
async function storeTheme(page, theme) {
  const record = JSON.stringify({ version: 1, added: 1, theme });
  await page.evaluate(
    ([record, id]) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('lede');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('themes', 'readwrite');
          tx.objectStore('themes').put(record, id);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    [record, theme.id],
  );
}

async function measureClass(browser, url, dir, entry) {
  const buffer = readFileSync(join(dir, entry.file));
  const html = entry.file.endsWith('.html');
  const { context, page, problems } = await benchPage(browser, STEP_MS);
  const row = { bytes: buffer.length };
  try {
    let loaded;
    if (entry.theme) {
      const theme = JSON.parse(readFileSync(join(dir, entry.theme), 'utf8'));
      await page.goto(url);
      await storeTheme(page, theme);
      // The theme is read with the page: wait for its chip before the file.
      loaded = (page) => page.getByRole('button', { name: /^Crafted\b/ }).first().waitFor();
    }
    const file = { name: entry.file, mimeType: html ? 'text/html' : 'text/plain', buffer };
    Object.assign(row, await openMeasured(page, url, file, null, STEP_MS, { loaded }));
    // No highlight in view once analysed: the document has none to show.
    if (row.firstScreen === 'timeout' && row.analysed !== 'timeout') {
      row.firstScreen = (await page.locator('mark.ent').count()) === 0 ? 'none' : 'timeout';
    }
  } catch (err) {
    row.error = err.message.split('\n')[0];
  } finally {
    row.problems = problems;
    await context.close();
  }
  return row;
}

const median = (xs) => {
  const ns = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (ns.length < xs.length) return xs.find((x) => typeof x !== 'number') ?? 'n/a';
  return ns.length % 2 ? ns[(ns.length - 1) / 2] : (ns[ns.length / 2 - 1] + ns[ns.length / 2]) / 2;
};
const most = (xs) => (xs.every((x) => typeof x === 'number') ? Math.max(...xs) : median(xs));
const fmt = (x) => (typeof x === 'number' ? x.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(x ?? 'n/a'));

const chromium = chromiumVersion();
console.log(`$ node tests/e2e/bench-crafted.mjs ${size}${only ? ` --class ${only}` : ''}   (RUNS=${RUNS}${process.env.DIST ? `, DIST=${process.env.DIST}` : ''})`);
const dir = writeInputs();
const classes = JSON.parse(readFileSync(join(dir, 'classes.json'), 'utf8')).filter((c) => !only || c.class.includes(only));
console.log(`${new Date().toISOString()}, ${chromium || 'chromium'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, inputs in ${dir}`);

const server = await serveDist(process.env.DIST);
const browser = await launchBrowser();
const rows = [];
for (const entry of classes) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await measureClass(browser, server.url, dir, entry);
    runs.push(run);
    if (run.error) console.log(`  ${entry.class}: stopped: ${run.error}`);
    for (const p of run.problems.slice(0, 3)) console.log(`  ${entry.class}: ${p}`);
  }
  const of = (key) => runs.map((r) => r[key] ?? (r.error ? 'error' : 'n/a'));
  rows.push([
    entry.class,
    fmt(runs[0].bytes / 1000),
    fmt(median(of('headline'))),
    fmt(most(of('headline'))),
    fmt(median(of('firstScreen'))),
    fmt(median(of('analysed'))),
    fmt(median(of('longest'))),
    fmt(most(of('longest'))),
    fmt(median(of('over100'))),
  ]);
  console.log(`  ${entry.class}: headline ${of('headline').map(fmt).join(', ')} ms; longest task ${of('longest').map(fmt).join(', ')} ms`);
}
await browser.close();
await server.close();

console.log(`\nOpening each crafted input (ms from the file chosen; median of ${RUNS}, and the slowest run):\n`);
console.log(
  table(
    ['class', 'KB', 'headline', 'slowest', 'first screen', 'analysed', 'longest task', 'slowest', 'tasks > 100 ms'],
    rows,
  ),
);
