// Shared by the browser benchmarks: opening a file through "Open article" →
// "Choose a … file" and timing it from the moment it is chosen (bench-big.mjs
// describes the figures).
import { execFileSync } from 'node:child_process';
import { loadQuietly } from './harness.mjs';

/** Resolves to `promise`'s value, or to the string 'timeout' after `ms`. */
export function bounded(promise, ms) {
  let timer;
  const timeout = new Promise((ok) => {
    timer = setTimeout(() => ok('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Run in the page just before the file is chosen: starts the timers and
// observers, and leaves promises in window.__bench for the figures.
// `headline`: the new document's, or null for any other than the one shown.
function arm(headline) {
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const before = norm(document.querySelector('h1')?.textContent ?? '');
  const isNew = (text) => (headline === null ? norm(text) !== before : norm(text) === norm(headline));
  const B = {
    t0: null,
    longtasks: [],
    renderEnd: null,
    bars: new Set(),
    barsDone: null,
  };
  window.__bench = B;
  const now = () => performance.now();
  const afterPaint = (cb) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(now());
    ch.port2.postMessage(0);
  };
  // The moment the file is chosen: the input's first input or change event,
  // before the app's own handlers (capture, on window).
  const chosen = (e) => {
    if (B.t0 === null && e.target instanceof HTMLInputElement && e.target.type === 'file') B.t0 = now();
  };
  addEventListener('input', chosen, true);
  addEventListener('change', chosen, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    B.longtaskSupported = true;
  } catch {
    B.longtaskSupported = false;
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'lede:render' && B.t0 !== null && e.startTime >= B.t0 && B.renderEnd === null) {
        B.renderEnd = e.startTime + e.duration;
      }
    }
  }).observe({ type: 'measure' });
  // A progress bar is noticed when it is first styled, at no cost to the
  // page: a CSS animation of its own starts on it (animationstart).
  const style = document.createElement('style');
  style.textContent =
    '@keyframes lede-bench-bar{from{opacity:1}to{opacity:1}}' +
    '[role=progressbar],progress{animation:lede-bench-bar 1ms!important}';
  document.head.append(style);
  addEventListener('animationstart', (e) => {
    if (e.animationName === 'lede-bench-bar') B.bars.add(e.target);
  });
  const barDone = (el) => {
    if (!el.isConnected || el.hidden || el.getClientRects().length === 0) return true;
    if (el instanceof HTMLProgressElement) return el.hasAttribute('value') && el.value >= el.max;
    const v = Number(el.getAttribute('aria-valuenow'));
    const max = Number(el.getAttribute('aria-valuemax') ?? 100);
    return el.hasAttribute('aria-valuenow') && v >= max;
  };
  // The first screen: a frame with the new headline and a highlight in view.
  // With no headline of its own (an untitled document shows no h1): the
  // sample's gone and the new article's text in its place.
  const headlineShown = () => {
    const h1 = document.querySelector('h1');
    if (h1 !== null) return isNew(h1.textContent);
    return headline === null && document.querySelector('.article-body')?.textContent.trim() !== '';
  };
  const onScreen = () => {
    if (!headlineShown()) return false;
    const ents = document.getElementsByClassName('ent'); // live: walked only as far as needed
    for (let i = 0; i < ents.length && i < 5000; i++) {
      const el = ents[i];
      if (el.tagName !== 'MARK') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) return true;
      if (r.top >= innerHeight) break; // the marks after it come lower down
    }
    return false;
  };
  // firstScreen waits for a highlight in view, which a document with no
  // entity never shows: headlineAt is then the figure to read.
  B.firstScreen = new Promise((resolveFirst) => {
    B.analysed = new Promise((resolveDone) => {
      let first = false;
      let finished = false;
      let framesAfterRender = 0;
      let headed = false;
      const frame = () => {
        const t = now();
        if (B.t0 !== null && !headed && headlineShown()) {
          headed = true;
          afterPaint((p) => {
            B.headlineAt = p;
          });
        }
        if (B.t0 !== null && !first && onScreen()) {
          first = true;
          afterPaint((p) => {
            B.firstAt = p;
            resolveFirst(p - B.t0);
          });
        }
        if (!finished) {
          const allDone = B.bars.size > 0 && [...B.bars].every(barDone);
          if (!allDone) B.barsDone = null;
          else if (B.barsDone === null) B.barsDone = t;
          if (B.renderEnd !== null) framesAfterRender++;
          // Done when the render measure has ended and, two frames on, no
          // progress bar is still short of its end (a bar that shows up has
          // been styled by then). An app that records no lede:render but
          // shows a bar is done five seconds after the bar completed.
          const barsOk = B.bars.size === 0 || B.barsDone !== null;
          if (
            (framesAfterRender >= 2 && barsOk) ||
            (B.renderEnd === null && B.barsDone !== null && t - B.barsDone > 5000)
          ) {
            finished = true;
            B.doneAt = Math.max(B.renderEnd ?? 0, B.bars.size ? B.barsDone : 0);
            resolveDone({
              ms: B.doneAt - B.t0,
              progressBar: B.bars.size > 0,
              renderMeasure: B.renderEnd !== null,
            });
          }
        }
        if (!first || !finished) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  });
}

/**
 * Loads the app at `url` in `page`, opens `file` ({ name, mimeType, buffer })
 * through the dialog and resolves to the figures from the moment it is
 * chosen: `firstScreen` (headline and a highlight in view; 'timeout' when no
 * highlight shows), `headline` (the new headline painted), `analysed`
 * ({ ms, progressBar, renderMeasure }, or 'timeout'), and, once analysed, the
 * `longest` main-thread task and how many were `over100` ms. `headline` is
 * the new document's, or null for any other than the sample's. Each wait is
 * bounded by `ms`. `loaded(page)`, if given, runs once the page has loaded,
 * before the dialog opens.
 */
export async function openMeasured(page, url, file, headline, ms, { loaded, around = (step) => step() } = {}) {
  await loadQuietly(page, url, 'lede:panels');
  await loaded?.(page);
  await page.getByRole('button', { name: 'Open article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  const input = dialog.getByLabel('Choose a .txt, .md or .html file');
  await input.waitFor({ state: 'attached' });
  await page.evaluate(arm, headline);
  const row = {};
  // `around` wraps the open, from choosing the file to analysed (a profiler).
  const done = await around(async () => {
    await input.setInputFiles(file);
    row.firstScreen = await bounded(page.evaluate(() => window.__bench.firstScreen), ms);
    return bounded(page.evaluate(() => window.__bench.analysed), ms);
  });
  if (done === 'timeout') {
    row.analysed = 'timeout';
    return row;
  }
  row.analysed = done.ms;
  row.progressBar = done.progressBar;
  row.renderMeasure = done.renderMeasure;
  Object.assign(
    row,
    await page.evaluate(() => {
      const B = window.__bench;
      // Until both the first screen and the analysis are done: the
      // render measure ends before the frame that paints it.
      // From the task after the one that chose the file: Playwright sets a
      // file by decoding its bytes from base64 inside the page, in the
      // task that fires the change event (136 ms of a 4 MB file), which
      // a reader's file chooser does not.
      const end = Math.max(B.doneAt, B.firstAt ?? 0, B.headlineAt ?? 0);
      const tasks = B.longtasks.filter(([s]) => s >= B.t0 && s < end).map(([, d]) => d);
      // The app's own marks of the steps of opening (lede:open:*).
      const steps = performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('lede:open:') && m.startTime >= B.t0)
        .map((m) => `${m.name.slice('lede:open:'.length)} ${Math.round(m.startTime - B.t0)}`);
      return {
        steps,
        headline: B.headlineAt === undefined ? null : B.headlineAt - B.t0,
        longtaskSupported: B.longtaskSupported,
        longest: tasks.length ? Math.max(...tasks) : 0,
        over100: tasks.filter((d) => d > 100).length,
        elements: document.getElementsByTagName('*').length,
      };
    }),
  );
  return row;
}

/** A Markdown table of `rows` under `header`, numbers right-aligned. */
export function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The browser's version line, for a benchmark's header; '' if unknown. */
export function chromiumVersion() {
  try {
    return execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}
