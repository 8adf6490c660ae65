// A benchmark, not a test: how the release build copes with long documents.
// It prints figures and asserts nothing about them.
//
// For each document (about 256 KB, 1 MB and 4 MB of news reports, and 30,000
// one-line paragraphs, from tests/e2e/bigtext.mjs), in a fresh browser
// context with a 1280×900 viewport: load the app, open the document through
// "Open article" → "Choose a … file", and measure from the moment the file is
// chosen (the file input's first input or change event, seen in the page):
//
// - first screen: until a frame is painted with the new headline in the h1 and
//   a `mark.ent` inside the viewport (checked in requestAnimationFrame, timed
//   at a MessageChannel message posted from it, which arrives after that
//   frame's style, layout and paint);
// - analysed: until a new `lede:render` User Timing measure ends; if a
//   `[role=progressbar]` or `<progress>` shows meanwhile (an app that
//   analyses in a worker), the later of that and the bar reaching its max or
//   going away (seen in requestAnimationFrame: to a frame);
// - the longest main-thread task and the number over 100 ms from the file
//   chosen until both of the above (PerformanceObserver, `longtask`; the
//   render measure ends when the DOM is updated, before the frame that
//   paints it);
// - DOM elements and memory once analysed: the JS heap after a garbage
//   collection (precise: Chromium runs with --enable-precise-memory-info),
//   the WebAssembly memory, and their sum over the text's size;
// - the main-thread time of each interaction, as bench.mjs measures it
//   ("script": the click, the DOM updates and Leptos's microtask effects, up to
//   a MessageChannel message posted after the click) and until the next frame
//   is painted ("paint": requestAnimationFrame, then a MessageChannel message
//   posted inside it), where style and layout of a large DOM happen;
// - one search keystroke the same way: the query typed a character at a time
//   into the search box (value set, `input` dispatched, in the page); the
//   slowest keystroke is shown.
//
// Run after `trunk build --release --offline`:
//   node tests/e2e/bench-big.mjs [document…]
// where a document is `256k`, `1m`, `4m` (or any size in k or m: news text)
// or `30000lines` (one-line paragraphs); by default 256k 1m 4m 30000lines.
// DIST=/other/dist measures another build. TIMEOUT=seconds bounds each step
// (180 by default). PROFILE=open, PROFILE=search or PROFILE=<interaction>
// (e.g. "select an entity") records a CPU profile of that step and prints
// where its time went (function names need a build that keeps them:
// docs/performance.md, "Profiling").
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serveDist, launchBrowser, benchPage } from './harness.mjs';
import { bounded as within, chromiumVersion, openMeasured, table } from './measure.mjs';
import { newsText, oneLineParagraphs, firstLine } from './bigtext.mjs';
import { addProfile, emptySums, printSums } from './cpuprofile.mjs';

const STEP_MS = Number(process.env.TIMEOUT ?? 180) * 1000;
const bounded = (promise) => within(promise, STEP_MS);
const QUERY = 'Beijing';
const PROFILE = process.env.PROFILE;
const profiled = emptySums();
let profiledRuns = 0;
const args = process.argv.slice(2);
const specs = (args.length ? args : ['256k', '1m', '4m', '30000lines']).map(parseSpec);

function parseSpec(arg) {
  let m = /^(\d+(?:\.\d+)?)(k|m)b?$/i.exec(arg);
  if (m) {
    const bytes = Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1024 : 1024 * 1024));
    return { name: `news ${arg.toLowerCase()}`, file: `news-${arg.toLowerCase()}.txt`, make: () => newsText(bytes) };
  }
  m = /^(\d+)(?:-?lines?)$/i.exec(arg);
  if (m) {
    const n = Number(m[1]);
    return { name: `${n} lines`, file: `lines-${n}.txt`, make: () => oneLineParagraphs(n) };
  }
  console.error(`unknown document "${arg}": use a size such as 256k or 4m, or a count of lines such as 30000lines`);
  process.exit(2);
}

// Installed before the page loads: keeps the WebAssembly module's exports
// (Trunk's loader dispatches TrunkApplicationStarted with them).
function captureWasm() {
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__benchWasm = e.detail?.wasm;
  });
}

// Installed before the page loads, as window.__benchTime(act): the script
// time and the time to the next paint of `act()`, null if it returns false.
function installTimeAction() {
  window.__benchTime = timeAction;
  async function timeAction(act) {
    const settled = () =>
      new Promise((resolve) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      });
    await settled();
    const t = performance.now();
    if (act() === false) return null;
    const painted = new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );
    const script = (await settled()) - t;
    const paint = (await painted) - t;
    return { script, paint };
  }
}

// The interactions: a control (the first matching the selector, with that
// text if given) to click.
const CLICKS = [
  ['toggle a type', 'button.type-toggle[data-label="GPE"]'],
  ['choose a theme', '.chips button.chip'],
  ['match all', '.filter-options button', 'Match all chosen'],
  ['hide others', '.filter-options button', 'Hide other paragraphs'],
  ['select an entity', '.groups button.entity'],
  ['next mention', '.stepper button', 'Next mention'],
];

/** Runs `step()`, under the CPU profiler if PROFILE names `what`. */
async function profiling(context, page, what, step) {
  if (PROFILE !== what) return step();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  try {
    return await step();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    addProfile(profiled, profile);
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    profiledRuns++;
    await cdp.detach();
  }
}

async function measureDocument(browser, url, spec) {
  const text = spec.make();
  const bytes = Buffer.byteLength(text);
  const headline = firstLine(text);
  const row = { name: spec.name, bytes, paragraphs: text.split(/\n\s*\n/).length };
  const { context, page, problems } = await benchPage(browser, STEP_MS);
  try {
    await page.addInitScript(captureWasm);
    await page.addInitScript(installTimeAction);
    const file = { name: spec.file, mimeType: 'text/plain', buffer: Buffer.from(text) };
    const around = (step) => profiling(context, page, 'open', step);
    Object.assign(row, await openMeasured(page, url, file, headline, STEP_MS, { around }));
    if (row.analysed === 'timeout') return row;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    Object.assign(
      row,
      await page.evaluate(() => {
        const exports = window.__benchWasm ?? window.wasmBindings?.__wasm;
        return {
          heap: performance.memory?.usedJSHeapSize ?? null,
          wasm: exports?.memory?.buffer?.byteLength ?? null,
        };
      }),
    );

    row.actions = {};
    for (const [label, selector, text] of CLICKS) {
      const r = await profiling(context, page, label, () =>
        bounded(
          page.evaluate(
          ([sel, txt]) => {
            const el = [...document.querySelectorAll(sel)].find((x) => txt === undefined || x.textContent.trim() === txt);
            return window.__benchTime(() => (el ? el.click() : false));
          },
          [selector, text],
          ),
        ),
      );
      row.actions[label] = r;
      if (r === 'timeout') return row;
    }

    const box = page.getByRole('searchbox', { name: 'Search the article' });
    if ((await box.count()) === 0) {
      row.search = null;
    } else {
      await box.focus();
      row.search = [];
      await profiling(context, page, 'search', async () => {
      for (let i = 1; i <= QUERY.length; i++) {
        const r = await bounded(
          page.evaluate(
            (value) => {
              const el = document.activeElement;
              return window.__benchTime(() => {
                el.value = value;
                el.dispatchEvent(new Event('input', { bubbles: true }));
              });
            },
            QUERY.slice(0, i),
          ),
        );
        row.search.push(r);
        if (r === 'timeout') break;
      }
      });
    }
    return row;
  } catch (err) {
    row.error = err.message.split('\n')[0];
    return row;
  } finally {
    row.problems = problems;
    await context.close();
  }
}

const fmt = (x, digits = 0) => {
  if (x === 'timeout') return 'timeout';
  if (x === null || x === undefined) return 'n/a';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
};
const mb = (b) => (b === null || b === undefined ? 'n/a' : (b / 1048576).toFixed(1));
const pair = (r) => (r === 'timeout' ? 'timeout' : r ? `${fmt(r.script)} / ${fmt(r.paint)}` : 'n/a');

const chromium = chromiumVersion();
console.log(`$ node tests/e2e/bench-big.mjs${args.length ? ` ${args.join(' ')}` : ''}${process.env.DIST ? `   (DIST=${process.env.DIST})` : ''}`);
console.log(`${new Date().toISOString()}, ${chromium || 'chromium'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

process.env.CHROMIUM_FLAGS = `${process.env.CHROMIUM_FLAGS ?? ''} --enable-precise-memory-info`;
const server = await serveDist(process.env.DIST);
const browser = await launchBrowser();
const rows = [];
for (const spec of specs) {
  const row = await measureDocument(browser, server.url, spec);
  rows.push(row);
  if (row.error) console.log(`  ${row.name}: stopped: ${row.error}`);
  for (const p of row.problems.slice(0, 5)) console.log(`  ${row.name}: ${p}`);
  if (row.longtaskSupported === false) console.log('  longtask entries are not supported by this browser: no task figures');
  if (row.progressBar) console.log(`  ${row.name}: a progress bar showed; "analysed" waited for it`);
  if (row.steps?.length) console.log(`  ${row.name}: steps of opening, ms from the file chosen: ${row.steps.join(', ')}`);
  if (row.progressBar === false && row.renderMeasure === false) console.log(`  ${row.name}: no lede:render measure`);
  if (row.search?.length) {
    console.log(`  ${row.name}: search keystrokes, ms script / to paint: ${row.search.map((r, i) => `${QUERY.slice(0, i + 1)} ${pair(r)}`).join(', ')}`);
  }
}
await browser.close();
await server.close();
if (PROFILE) {
  console.log(`\nCPU profile of "${PROFILE}", ${(profiled.total / Math.max(profiledRuns, 1)).toFixed(1)} ms sampled per document:`);
  printSums(profiled, Math.max(profiledRuns, 1));
}

const slowest = (rs) => {
  if (!rs?.length) return null;
  if (rs.includes('timeout')) return 'timeout';
  return rs.reduce((a, b) => (b.script + b.paint > a.script + a.paint ? b : a));
};
console.log('\nOpening the document (ms from the file chosen; memory once analysed):\n');
console.log(
  table(
    ['document', 'KB', 'blocks', 'first screen', 'analysed', 'longest task', 'tasks > 100 ms', 'DOM elements', 'JS heap MB', 'wasm MB', '(heap+wasm)/text'],
    rows.map((r) => [
      r.name,
      fmt(r.bytes / 1024),
      fmt(r.paragraphs),
      fmt(r.firstScreen),
      fmt(r.analysed),
      r.longtaskSupported === false ? 'n/a' : fmt(r.longest),
      r.longtaskSupported === false ? 'n/a' : fmt(r.over100),
      fmt(r.elements),
      mb(r.heap),
      mb(r.wasm),
      r.heap != null && r.wasm != null ? `${((r.heap + r.wasm) / r.bytes).toFixed(1)}×` : 'n/a',
    ]),
  ),
);
console.log('\nInteractions once analysed (ms of script / ms to the next paint; search: the slowest keystroke):\n');
console.log(
  table(
    ['document', ...CLICKS.map(([label]) => label), `search "${QUERY}"`],
    rows.map((r) => [r.name, ...CLICKS.map(([label]) => pair(r.actions?.[label])), pair(slowest(r.search))]),
  ),
);
