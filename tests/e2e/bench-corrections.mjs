// A benchmark, not a test: what a correction costs in the browser on a long
// document. It prints figures and asserts nothing about them.
//
// Opens the 4 MB news document of bench-big.mjs (tests/e2e/bigtext.mjs)
// through "Open article" → "Choose a file" in the release build, in a
// 1280×900 page, waits until it is analysed, finds the text with the most
// mentions (from the displaCy export), then corrects the reading as a
// reader does, by keyboard and mouse (as corrections.test.mjs does), each
// kind RUNS times (7 by default):
//
// - retype one: a mention in view focused, `t`, a type's name typed, Enter;
// - remove one: a mention in view focused, `x`;
// - add: a word in view that no mention covers clicked (a click selects
//   it), `a`, a type's name typed, Enter;
// - undo: Ctrl+Z after each of those three (a mention focused first, as the
//   type list keeps its keys);
// - retype all: a mention of the most frequent text focused, Shift+T, a
//   type's name, Enter; and its undo.
//
// For the key that makes the change (Enter, `x`, Ctrl+Z), timed from its
// keydown as the page sees it (a capture listener on window, first to run):
// "script", until the DOM is updated and Leptos's microtask effects have run
// (a listener on window for the keydown's way back up, added last: it runs
// after the app's listeners and the microtasks they queued, in the same
// task; bench-big.mjs's MessageChannel message, posted at the keydown, can
// come after a frame the browser runs first); "paint", until the next
// frame has had its style, layout and paint (requestAnimationFrame, then a
// MessageChannel message posted inside it), of which "frame" is that
// frame's own work, from its animation frame callbacks to the message (the
// rest is the script, other tasks, and the wait for the screen's next
// frame: up to 16.7 ms at 60 Hz, whatever the page does); "longest task", the longest
// main-thread task (PerformanceObserver, `longtask`: 50 ms and over, else 0)
// from the keydown until 300 ms after that paint, which catches work the
// change leaves for later tasks (storage). Between two steps the page rests
// 300 ms. Each correction is undone before the next, so every one is made on
// the engine's reading.
//
// Run after `trunk build --release --offline`:
//   node tests/e2e/bench-corrections.mjs [size]
// where size is the news document's (4m by default; any size in k or m).
// RUNS=n repeats each kind n times; DIST=/other/dist measures another build;
// TIMEOUT=seconds bounds each step (180 by default). PROFILE=<kind> (e.g.
// PROFILE="retype all") records a CPU profile of that kind's key presses and
// prints where their time went (function names need a build that keeps them:
// scripts/profile-build.sh, docs/performance.md "Profiling"). TRACE=<kind>
// records a Chromium trace of that kind's key presses instead and prints
// where the main thread's time went from the keydown to the paint: script,
// style (UpdateLayoutTree), layout, paint (trace.mjs). PROFILE_OUT=file and
// TRACE_OUT=file also save the last key press's profile or trace (JSON).
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { serveDist, launchBrowser, benchPage } from './harness.mjs';
import { bounded, chromiumVersion, openMeasured, table } from './measure.mjs';
import { newsText, firstLine } from './bigtext.mjs';
import { addProfile, emptySums, printSums } from './cpuprofile.mjs';
import { addTrace, printTrace, startTrace } from './trace.mjs';

const STEP_MS = Number(process.env.TIMEOUT ?? 180) * 1000;
const RUNS = Number(process.env.RUNS ?? 7);
const PROFILE = process.env.PROFILE;
const TRACE = process.env.TRACE;
const REST_MS = 300;
const size = process.argv[2] ?? '4m';
const m = /^(\d+(?:\.\d+)?)(k|m)b?$/i.exec(size);
if (!m) {
  console.error(`unknown size "${size}": use a size such as 256k or 4m`);
  process.exit(2);
}
const BYTES = Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1024 : 1024 * 1024));

// Installed before the page loads, as window.__benchArm(type, key): the
// next `type` event (with that key, for keys) is timed; window.__benchDone
// then resolves to { script, paint, longest }.
function installTimer(restMs) {
  const tasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask entries: the longest task reads 0.
  }
  const message = () =>
    new Promise((ok) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok(performance.now());
      ch.port2.postMessage(0);
    });
  window.__benchArm = (type, key) => {
    window.__benchDone = new Promise((resolve) => {
      const on = (e) => {
        if (key !== undefined && e.key !== key) return;
        removeEventListener(type, on, true);
        const t0 = performance.now();
        // Last to run, on the way back up: after the app's listeners and
        // the microtasks they queued, in the same task.
        let handled = null;
        const last = () => {
          handled = performance.now();
        };
        addEventListener(type, last, { once: true });
        let frame = null;
        const painted = new Promise((ok) =>
          requestAnimationFrame(() => {
            frame = performance.now();
            message().then(ok);
          }),
        );
        message().then(async (settled) => {
          removeEventListener(type, last);
          const paint = await painted;
          await new Promise((ok) => setTimeout(ok, restMs));
          const until = paint + restMs;
          const longest = Math.max(0, ...tasks.filter(([s, d]) => s + d > t0 && s < until).map(([, d]) => d));
          resolve({ script: (handled ?? settled) - t0, paint: paint - t0, frame: paint - frame, longest });
        });
      };
      addEventListener(type, on, true);
    });
  };
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

/** The mention text with the most mentions in the displaCy export, and how many. */
async function mostFrequent(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download displaCy JSON' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  const chars = [...doc.text];
  const counts = new Map();
  for (const e of doc.ents) {
    const t = chars.slice(e.start, e.end).join('');
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const [text, n] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return { text, n, mentions: doc.ents.length };
}

/**
 * Focuses a mention in the article: the first in view whose text is `text`
 * (any, if undefined), not corrected; resolves to its type.
 */
async function focusMention(page, text) {
  const label = await page.evaluate((text) => {
    for (const el of document.querySelectorAll('article mark.ent')) {
      if (text !== undefined && el.textContent !== text) continue;
      if (el.dataset.corrected) continue;
      const r = el.getBoundingClientRect();
      if (text === undefined && (r.top < 0 || r.bottom > innerHeight)) continue;
      el.focus();
      return el.dataset.label;
    }
    return null;
  }, text);
  if (!label) throw new Error(`no mention${text === undefined ? '' : ` “${text}”`} to focus`);
  await panel(page).getByText(/^Mention “/).waitFor();
  return label;
}

/** Clicks a word in view that no mention covers; resolves to it. */
async function clickFreeWord(page) {
  const at = await page.evaluate(() => {
    const body = document.querySelector('article .article-body');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('mark, .margin, [aria-hidden="true"]')) continue;
      for (const w of n.data.matchAll(/\b[a-z]{7,}\b/g)) {
        const r = document.createRange();
        r.setStart(n, w.index);
        r.setEnd(n, w.index + w[0].length);
        const b = r.getBoundingClientRect();
        if (b.top < 100 || b.bottom > innerHeight - 50 || b.width === 0) continue;
        return { word: w[0], x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
    }
    return null;
  });
  if (!at) throw new Error('no free word in view');
  await page.mouse.click(at.x, at.y);
  await panel(page).getByText(`Selected: “${at.word}”.`).waitFor();
  return at.word;
}

const panel = (page) => page.getByRole('region', { name: 'Corrections', exact: true });

/** Resolves once the panel counts `n` corrections. */
const counted = (page, n) =>
  panel(page)
    .getByRole('heading', { name: n === 0 ? 'No corrections yet' : n === 1 ? '1 correction' : `${n} corrections`, exact: true })
    .waitFor();

/** Presses `key` (a Playwright key, whose keydown `e.key` is `eventKey`) and
 * resolves to the figures of that keydown, under the profiler if `kind` is
 * PROFILE's. */
async function timedPress(page, cdp, kind, key, eventKey, profiled) {
  await sleep(REST_MS);
  await page.evaluate(([k]) => window.__benchArm('keydown', k), [eventKey]);
  const profiling = PROFILE === kind;
  if (profiling) await cdp.send('Profiler.start');
  const endTrace = TRACE === kind ? await startTrace(cdp) : null;
  await page.keyboard.press(key);
  const r = await bounded(page.evaluate(() => window.__benchDone), STEP_MS);
  if (profiling) {
    const { profile } = await cdp.send('Profiler.stop');
    addProfile(profiled.sums, profile);
    profiled.runs++;
    if (process.env.PROFILE_OUT) await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
  }
  if (endTrace) {
    const events = await endTrace();
    if (process.env.TRACE_OUT) await writeFile(process.env.TRACE_OUT, JSON.stringify(events));
    if (r !== 'timeout') {
      profiled.traced += addTrace(profiled.trace, events, r.paint);
      profiled.traces++;
    }
  }
  if (r === 'timeout') throw new Error(`${kind}: no answer to ${key} in ${STEP_MS} ms`);
  return r;
}

/** Chooses a type other than `label` in the focused type list, by its name. */
async function typeOtherThan(page, label) {
  await page.keyboard.type(label === 'ORG' ? 'Per' : 'Org');
}

async function run(browser, url) {
  const text = newsText(BYTES);
  const { context, page, problems } = await benchPage(browser, STEP_MS);
  await page.addInitScript(installTimer, REST_MS);
  const file = { name: `news-${size}.txt`, mimeType: 'text/plain', buffer: Buffer.from(text) };
  const opened = await openMeasured(page, url, file, firstLine(text), STEP_MS);
  if (opened.analysed === 'timeout') throw new Error('the document was not analysed in time');
  const most = await mostFrequent(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const profiled = { sums: emptySums(), runs: 0, trace: new Map(), traced: 0, traces: 0 };
  const figures = { 'retype one': [], 'remove one': [], add: [], undo: [], 'retype all': [], 'undo all': [] };
  const undo = async (kind) => {
    await focusMention(page);
    figures[kind].push(await timedPress(page, cdp, kind, 'Control+z', 'z', profiled));
    await counted(page, 0);
  };
  for (let k = 0; k < RUNS; k++) {
    let label = await focusMention(page);
    await page.keyboard.press('t');
    await typeOtherThan(page, label);
    figures['retype one'].push(await timedPress(page, cdp, 'retype one', 'Enter', 'Enter', profiled));
    await counted(page, 1);
    await undo('undo');

    await focusMention(page);
    figures['remove one'].push(await timedPress(page, cdp, 'remove one', 'x', 'x', profiled));
    await counted(page, 1);
    await undo('undo');

    await clickFreeWord(page);
    await page.keyboard.press('a');
    await page.keyboard.type('Org');
    figures.add.push(await timedPress(page, cdp, 'add', 'Enter', 'Enter', profiled));
    await counted(page, 1);
    await undo('undo');

    label = await focusMention(page, most.text);
    await page.keyboard.press('Shift+T');
    await typeOtherThan(page, label);
    figures['retype all'].push(await timedPress(page, cdp, 'retype all', 'Enter', 'Enter', profiled));
    await counted(page, 1);
    await undo('undo all');
  }
  await cdp.detach();
  await context.close();
  return { opened, most, figures, problems, profiled, bytes: Buffer.byteLength(text) };
}

const fmt = (x) => (x === null ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: 0 }));

console.log(`$ node tests/e2e/bench-corrections.mjs${process.argv[2] ? ` ${size}` : ''}${process.env.DIST ? `   (DIST=${process.env.DIST})` : ''}`);
console.log(`${new Date().toISOString()}, ${chromiumVersion() || 'chromium'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const server = await serveDist(process.env.DIST || undefined);
const browser = await launchBrowser();
let result;
try {
  result = await run(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
const { opened, most, figures, problems, profiled, bytes } = result;
for (const p of problems.slice(0, 5)) console.log(`  ${p}`);
console.log(
  `news ${size}: ${fmt(bytes / 1024)} KB, analysed ${fmt(opened.analysed)} ms after the file was chosen; ` +
    `${fmt(most.mentions)} mentions, the most frequent text “${most.text}” ${fmt(most.n)} of them`,
);
if (PROFILE) {
  console.log(`\nCPU profile of "${PROFILE}", ${(profiled.sums.total / Math.max(profiled.runs, 1)).toFixed(1)} ms sampled per key press:`);
  printSums(profiled.sums, Math.max(profiled.runs, 1));
}
if (TRACE) {
  const n = Math.max(profiled.traces, 1);
  console.log(`\nTrace of "${TRACE}": the main thread busy ${(profiled.traced / n).toFixed(1)} ms from the keydown to the paint, self time by event:`);
  printTrace(profiled.trace, n);
}
const cell = (rs, key) => `${fmt(median(rs.map((r) => r[key])))} (${fmt(Math.max(...rs.map((r) => r[key])))})`;
console.log(`\nA correction on news ${size}, ms from its keydown, median (slowest) of ${RUNS} (undo: of ${RUNS * 3}):\n`);
console.log(
  table(
    ['correction', 'script', 'to paint', 'frame', 'longest task'],
    Object.entries(figures).map(([kind, rs]) => [
      kind === 'retype all' || kind === 'undo all' ? `${kind} (${fmt(most.n)} “${most.text}”)` : kind,
      cell(rs, 'script'),
      cell(rs, 'paint'),
      cell(rs, 'frame'),
      cell(rs, 'longest'),
    ]),
  ),
);
