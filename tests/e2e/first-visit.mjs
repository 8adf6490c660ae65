// A benchmark, not a test: the first visit on a phone (issue 15). Serves the
// release build as a static host that only gzips does (precompressed .gz
// siblings, cache headers, as GitHub Pages), and opens it in headless
// Chromium under Lighthouse's mobile throttling: 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, the CPU 4× slower, a 412×823 viewport,
// a cold cache (a fresh browser context each run). Prints the medians of:
//
// - first contentful paint and largest contentful paint;
// - first highlighted mention: a `mark.ent` of the article in the DOM and
//   the frame after it painted;
// - first toggle answered: the Person toggle clicked (from the page, by
//   script: on a phone the legend is folded away) as soon as it answers (the
//   pre-rendered legend's once its script has run), until
//   the article hides people (`data-hide~="PERSON"` with a person marked)
//   and the frame after painted;
// - bytes: what the page's requests transferred until the toggle answered
//   (Chromium's encoded sizes, headers included), and what the host sent in
//   the whole visit while the reader reads, the service worker's caching of
//   the site included (it is not throttled: the DevTools protocol throttles
//   the page only);
// - then, on the cold visit, a tap on a mention, which needs the app (it
//   comes when the reader first needs it, src/legend_before_app.js): the
//   time until the app has the page and the entity is selected, painted,
//   and what the host sent for it;
// - cumulative layout shift (every layout-shift entry without input);
//
// for a cold visit and for a returning one (the same profile, a new page,
// once the service worker is active and then stopped, as the browser stops
// an idle one: the site comes from its cache). Then
// the same for the "limit page": the article as the app renders it, saved
// as static HTML with its highlights and the style sheet in one file, and
// the ratio of the app's figures to it.
//
// Every figure is in milliseconds from the start of the navigation. The
// machine is shared: run it when it is quiet, and compare medians of runs
// taken in the same session.
//
// Run after `trunk build --release --offline`:
//   node tests/e2e/first-visit.mjs [--runs N] [--dist DIR] [--base DIR]
//
// With `--base DIR`, each run also visits that build (cold, then returning),
// the two builds in turn and in alternating order, and the medians of the
// paired differences are printed: the way to say one build is faster, as
// the machine drifts between two separate runs.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { serveDist, launchBrowser, openPage } from './harness.mjs';

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, dist: { type: 'string' }, base: { type: 'string' } },
});
const RUNS = Number(args.runs);
const DIST = args.dist ?? fileURLToPath(new URL('../../dist/', import.meta.url));

/** Lighthouse's mobile throttling, as the DevTools protocol takes it. */
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1000 * 1000) / 8,
  uploadThroughput: (750 * 1000) / 8,
};
const CPU = 4;
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  return s.length === 0 ? undefined : s[Math.floor(s.length / 2)];
};

/**
 * Runs in the page before its own scripts: records paints, layout shifts,
 * the first highlighted mention and (with `toggle`) the first toggle's
 * answer in `window.__firstVisit`, and says "first-visit: done" on the
 * console once it has them. Nothing of Playwright runs in the page meanwhile.
 */
function observe(toggle) {
  const t = (window.__firstVisit = { cls: 0 });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) t.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    t.lcp = entries[entries.length - 1].startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') t.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  // The task after the next frame: the change has been painted by then.
  const afterPaint = (key) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        t[key] = performance.now();
        if (t.highlighted !== undefined && (!toggle || t.toggled !== undefined)) console.debug('first-visit: done');
      }),
    );
  const check = () => {
    if (t.marked === undefined && document.querySelector('article mark.ent')) {
      t.marked = performance.now();
      afterPaint('highlighted');
    }
    if (!toggle) return;
    if (t.clicked === undefined) {
      // The pre-rendered legend's toggles answer once its script has run
      // (it says so on <html>); the app's, as soon as they are there.
      const live = document.documentElement.dataset.legend === 'live' ? '' : ':not(#prerender *)';
      const button = document.querySelector(`button.type-toggle[data-label="PERSON"]${live}`);
      if (button) {
        t.clicked = performance.now();
        button.click();
      }
    }
    if (t.clicked !== undefined && t.hidden === undefined) {
      const article = document.querySelector('article[data-hide~="PERSON"]');
      if (article?.querySelector('mark.ent[data-label="PERSON"]')) {
        t.hidden = performance.now();
        afterPaint('toggled');
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-hide', 'data-legend'],
  });
}

/** Sums the encoded length of every response the page's session sees, as it goes. */
async function throttled(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  const bytes = { total: 0 };
  cdp.on('Network.loadingFinished', (e) => {
    bytes.total += e.encodedDataLength;
  });
  return bytes;
}

const hostBytes = (server) => server.sent.reduce((a, b) => a + b, 0);

/** Resolves once the host has sent nothing for a second. */
async function quiet(server) {
  for (let n = -1; n !== server.sent.length; ) {
    n = server.sent.length;
    await new Promise((ok) => setTimeout(ok, 1000));
  }
}

/** One visit in `context`: opens `url` in a new throttled page; resolves to its figures and the page. */
async function visit(context, server, url) {
  const page = await context.newPage();
  const bytes = await throttled(page);
  const before = hostBytes(server);
  const done = page.waitForEvent('console', { predicate: (m) => m.text() === 'first-visit: done', timeout: 120_000 });
  await page.goto(url, { waitUntil: 'commit' });
  await done;
  const pageBytes = bytes.total;
  // Let the largest paint and any late shift come in.
  await page.waitForTimeout(1500);
  const t = await page.evaluate(() => window.__firstVisit);
  return {
    page,
    figures: {
      fcp: t.fcp,
      lcp: t.lcp,
      highlighted: t.highlighted,
      toggled: t.toggled,
      bytes: pageBytes,
      cls: t.cls,
    },
    hostSince: () => hostBytes(server) - before,
  };
}

/** The app's article as static HTML with its highlights, its style sheet inline; a folder serving it. */
async function limitPage() {
  const server = await serveDist(DIST);
  const browser = await launchBrowser();
  try {
    const { page } = await openPage(browser, server.url, PHONE.viewport);
    await page.locator('article mark.ent').first().waitFor();
    const { body, htmlAttributes, title } = await page.evaluate(() => {
      const attributes = (el) => [...el.attributes].map((a) => ` ${a.name}="${a.value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`).join('');
      const article = document.querySelector('article');
      let html = article.outerHTML;
      for (let el = article.parentElement; el !== document.documentElement; el = el.parentElement) {
        html = `<${el.localName}${attributes(el)}>${html}</${el.localName}>`;
      }
      return { body: html, htmlAttributes: attributes(document.documentElement), title: document.title };
    });
    const css = (await readdir(DIST)).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
    const style = await readFile(join(DIST, css), 'utf8');
    const html = `<!doctype html><html${htmlAttributes}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${style}</style></head>${body}</html>`;
    const dir = await mkdtemp(join(tmpdir(), 'lede-limit-'));
    await writeFile(join(dir, 'index.html'), html);
    await writeFile(join(dir, 'index.html.gz'), gzipSync(html, { level: 9 }));
    return { dir, raw: Buffer.byteLength(html), gzipped: gzipSync(html, { level: 9 }).length };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The reader's first tap on a mention (a place's), which needs the app: the
 * time from the tap until the app has the page and the mention's entity is
 * selected, painted, and what the host sent for it (the app, and the
 * service worker keeping the rest of the build).
 */
async function firstUse(page, server) {
  const before = hostBytes(server);
  const tapped = await page.evaluate(() => performance.now());
  await page.locator('article mark.ent[data-label="GPE"]').first().tap();
  const used = await page.evaluate(
    () =>
      new Promise((ok) => {
        const check = () =>
          document.getElementById('prerender') === null && document.querySelector('article mark.ent.selected')
            ? requestAnimationFrame(() => setTimeout(() => ok(performance.now())))
            : requestAnimationFrame(check);
        check();
      }),
  );
  await quiet(server);
  return { used: used - tapped, useHost: hostBytes(server) - before };
}

/**
 * A cold visit of `site` in a fresh profile (the reader reads and switches a
 * type off, then taps a mention), then a returning one once its service
 * worker is active.
 */
async function coldAndReturning(site) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(observe, true);
  try {
    const cold = await visit(context, site, site.url);
    // The service worker caches the site once the page has loaded.
    await cold.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await quiet(site);
    cold.figures.host = cold.hostSince();
    Object.assign(cold.figures, await firstUse(cold.page, site));
    // V8 keeps the compiled wasm two seconds after the page starts.
    await cold.page.waitForTimeout(3000);
    // A reader comes back later, when the browser has stopped the idle
    // service worker: the returning page starts it, or is answered without it.
    const cdp = await context.newCDPSession(cold.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cold.page.close();
    const returning = await visit(context, site, site.url);
    returning.figures.controlled = await returning.page.evaluate(() => navigator.serviceWorker.controller !== null);
    await quiet(site);
    returning.figures.host = returning.hostSince();
    return { cold: cold.figures, returning: returning.figures };
  } finally {
    await context.close();
  }
}

const line = (f) =>
  `fcp ${f.fcp?.toFixed(0)} lcp ${f.lcp?.toFixed(0)} highlighted ${f.highlighted?.toFixed(0)} toggled ${f.toggled?.toFixed(0) ?? '-'} bytes ${f.bytes} host ${f.host}${f.used === undefined ? '' : ` used ${f.used.toFixed(0)} useHost ${f.useHost}`} cls ${f.cls.toFixed(3)}${f.controlled === false ? ' (NOT controlled by the service worker)' : ''}`;

const limit = await limitPage();
const host = { precompressed: true, encodings: ['gzip'], cache: true };
const site = await serveDist(DIST, host);
const baseSite = args.base ? await serveDist(args.base, host) : undefined;
const limitSite = await serveDist(limit.dir, host);
const browser = await launchBrowser();
const rows = { cold: [], returning: [], limit: [], baseCold: [], baseReturning: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    // With a base build, the two in turn, each first in every other run.
    const order = baseSite && i % 2 === 1 ? ['base', 'head'] : ['head', 'base'];
    const got = {};
    for (const which of order) {
      if (which === 'head') got.head = await coldAndReturning(site);
      else if (baseSite) got.base = await coldAndReturning(baseSite);
    }

    const limitContext = await browser.newContext(PHONE);
    await limitContext.addInitScript(observe, false);
    const fixed = await visit(limitContext, limitSite, limitSite.url);
    fixed.figures.host = fixed.hostSince();
    await limitContext.close();

    rows.cold.push(got.head.cold);
    rows.returning.push(got.head.returning);
    rows.limit.push(fixed.figures);
    let out = `run ${i + 1}/${RUNS}\n  cold      ${line(got.head.cold)}\n  returning ${line(got.head.returning)}`;
    if (got.base) {
      rows.baseCold.push(got.base.cold);
      rows.baseReturning.push(got.base.returning);
      out += `\n  base cold      ${line(got.base.cold)}\n  base returning ${line(got.base.returning)}`;
    }
    console.log(`${out}\n  limit     ${line(fixed.figures)}`);
  }
} finally {
  await browser.close();
  await site.close();
  await baseSite?.close();
  await limitSite.close();
  await rm(limit.dir, { recursive: true, force: true });
}

const KEYS = [
  ['fcp', 'first contentful paint (ms)'],
  ['lcp', 'largest contentful paint (ms)'],
  ['highlighted', 'first highlighted mention (ms)'],
  ['toggled', 'first toggle answered (ms)'],
  ['bytes', 'bytes, page until the toggle'],
  ['host', 'bytes the host sent, reading'],
  ['used', 'then a tap on a mention, until done (ms)'],
  ['useHost', 'bytes the host sent for that'],
  ['cls', 'cumulative layout shift'],
];
const show = (key, x) => (x === undefined ? '—' : key === 'cls' ? x.toFixed(3) : Math.round(x).toLocaleString('en'));
console.log(`\nmedians of ${RUNS} runs; limit page ${limit.raw.toLocaleString('en')} bytes, ${limit.gzipped.toLocaleString('en')} gzipped`);
console.log('| | cold | returning | limit page | cold ÷ limit |\n| --- | ---: | ---: | ---: | ---: |');
for (const [key, name] of KEYS) {
  const [c, r, l] = ['cold', 'returning', 'limit'].map((k) => median(rows[k].map((f) => f[key])));
  const ratio = c !== undefined && l ? `${(c / l).toFixed(1)}×` : '—';
  console.log(`| ${name} | ${show(key, c)} | ${show(key, r)} | ${show(key, l)} | ${key === 'cls' ? '—' : ratio} |`);
}
if (baseSite) {
  // Paired: each run's difference between the builds, then their median.
  const diff = (head, base, key) => median(head.map((f, i) => (f[key] === undefined || base[i][key] === undefined ? undefined : f[key] - base[i][key])));
  console.log(`\npaired against ${args.base}: medians of ${RUNS} runs and of the ${RUNS} differences (this build − base)`);
  console.log('| | base cold | cold | Δ | base returning | returning | Δ |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [key, name] of KEYS) {
    const cells = [
      [rows.baseCold, rows.cold],
      [rows.baseReturning, rows.returning],
    ].flatMap(([base, head]) => [median(base.map((f) => f[key])), median(head.map((f) => f[key])), diff(head, base, key)]);
    console.log(`| ${name} | ${cells.map((x) => show(key, x)).join(' | ')} |`);
  }
}
