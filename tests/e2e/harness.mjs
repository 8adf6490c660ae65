// Shared by the end-to-end tests: serve the release build (dist/, or the
// folder DIST names) on loopback and open it in headless Chromium, recording
// console errors and failed requests.
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/**
 * The build the tests serve: the folder named by the DIST environment
 * variable (another worktree's dist/, or a build kept to compare with), else
 * this repository's dist/.
 */
export const BUILD = process.env.DIST
  ? `${resolve(process.env.DIST)}/`
  : fileURLToPath(new URL('../../dist/', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` ([`BUILD`] by default) on 127.0.0.1 at a free port; resolves to
 * { url, requests, sent, close }, where `url` is the site's address,
 * `requests` lists the path of every request the server received (the
 * page's, its workers', its preloads'), in order, and `sent` the bytes of
 * each response's body, as sent (compressed or not), in the same order.
 * Options, each as a static host may do:
 * - `cache`: the page and unhashed files revalidated on every visit, the files
 *   with a hash in their names kept for a year;
 * - `prefix`: the folder mounted under this path (`/lede/`, as a GitHub Pages
 *   project site), nothing served outside it, and `/lede` redirected to `/lede/`;
 * - `csp`: this Content-Security-Policy sent with every response;
 * - `precompressed`: FILE.br or FILE.gz sent, with its Content-Encoding, in
 *   place of FILE when the request accepts that encoding and the file is there;
 * - `encodings`: which of the siblings the host serves (`['gzip']` for a
 *   host that only gzips, as GitHub Pages does); brotli first when both.
 */
export async function serveDist(
  dir = BUILD,
  { cache = false, prefix = '/', csp, precompressed = false, encodings = ['br', 'gzip'] } = {},
) {
  const DIST = dir.endsWith('/') ? dir : `${dir}/`;
  const requests = [];
  const sent = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    requests.push(pathname);
    const at = sent.push(0) - 1;
    const end = res.end.bind(res);
    res.end = (body, ...rest) => {
      sent[at] = body?.length ?? 0;
      return end(body, ...rest);
    };
    const common = csp ? { 'content-security-policy': csp } : {};
    if (`${pathname}/` === prefix) {
      res.writeHead(301, { ...common, location: prefix }).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, common).end('not found');
      return;
    }
    const path = normalize(decodeURIComponent(pathname.slice(prefix.length - 1)));
    const file = join(DIST, path === '/' ? 'index.html' : path);
    if (!file.startsWith(DIST)) {
      res.writeHead(403, common).end();
      return;
    }
    try {
      const headers = { ...common, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      let body;
      if (precompressed) {
        headers.vary = 'accept-encoding';
        const accepts = (req.headers['accept-encoding'] ?? '').split(',').map((e) => e.trim().split(';')[0]);
        for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
          if (!accepts.includes(encoding) || !encodings.includes(encoding)) continue;
          body = await readFile(file + ext).catch(() => undefined);
          if (body) {
            headers['content-encoding'] = encoding;
            break;
          }
        }
      }
      body ??= await readFile(file);
      if (cache) {
        // Trunk's hash is a number in hex without leading zeros: 15 digits
        // as often as not (`lede-32ee6c14de99b2c_bg.wasm`).
        headers['cache-control'] = /-[0-9a-f]{8,16}(_bg)?\.\w+$/.test(file) ? 'max-age=31536000, immutable' : 'no-cache';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, common).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    sent,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(process.env.CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean),
    ],
  });
}

/**
 * For a test file: the release build served and a browser launched, both
 * closed once the file's tests are done (and screenshots/ made, for the
 * tests that keep one).
 */
export async function servedWithBrowser() {
  await mkdir(new URL('./screenshots/', import.meta.url), { recursive: true });
  const server = await serveDist();
  const browser = await launchBrowser();
  after(async () => {
    await browser.close();
    await server.close();
  });
  return { server, browser };
}

/**
 * Loads `url` in `page` and resolves once the page has recorded the User Timing
 * measure `measure`, without running anything in the page meanwhile: for
 * benchmarks. Playwright's locators and waitForFunction first inject a script
 * of their own, 20 to 45 ms of the main thread on a first visit, which would
 * land among the app's own tasks (inside lede:panels, from the analysis to the
 * panels). Here a small script added before the page's own tells the console
 * when the measure is recorded.
 */
export async function loadQuietly(page, url, measure) {
  await page.addInitScript((name) => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntries().some((e) => e.name === name)) {
        observer.disconnect();
        console.debug(`recorded ${name}`);
      }
    }).observe({ type: 'measure' });
  }, measure);
  const recorded = page.waitForEvent('console', {
    predicate: (m) => m.text() === `recorded ${measure}`,
    timeout: 30_000,
  });
  await page.goto(url);
  await startApp(page);
  await recorded;
}

/** The page's console errors and uncaught errors, as they come: a list that grows. */
export function watchErrors(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}

/**
 * A page in a context of its own, as the benchmarks open one: a desktop
 * viewport, `stepMs` for each step, its errors collected in `problems`.
 */
export async function benchPage(browser, stepMs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(stepMs);
  const page = await context.newPage();
  return { context, page, problems: watchErrors(page) };
}

/**
 * Opens a page at `url` with the given viewport and colour scheme, collecting
 * problems (console errors, page errors, failed or non-OK requests) into `problems`.
 * `init`, a function, runs in the page before any of the page's own scripts.
 */
export async function openPage(browser, url, { width = 1280, height = 900, colorScheme = 'light', init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  context.setDefaultTimeout(10_000);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = watchErrors(page);
  // A request a navigation of the test's own (a reload, a goto) cut short
  // fails as net::ERR_ABORTED, as the worker's files may when the worker
  // starts just before it: that is the test's doing, not the app's. A file
  // the host lacks shows as an HTTP error below; any other failure counts.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await appMounted(page);
  return { page, context, problems };
}

/**
 * Starts the app if it waits for the reader (startApp), and resolves once it
 * has taken the page over: its panels follow its article by a frame (the
 * measure lede:panels). The pre-rendered page shows the headline before
 * that, and keeps a press of its header's buttons for the app to do
 * (src/legend_before_app.js).
 */
export async function appMounted(page) {
  await startApp(page);
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0);
}

/**
 * Starts the app as a reader does on a first visit, where it comes only
 * when first needed (src/legend_before_app.js): the pointer goes over the
 * search box. Nothing, where the app has started or is starting already.
 */
export async function startApp(page) {
  await page.waitForFunction(() => document.documentElement.dataset.legend === 'live' || !document.getElementById('prerender'));
  const waiting = await page.evaluate(
    () => document.getElementById('prerender') !== null && document.documentElement.dataset.appNeeded === undefined,
  );
  if (waiting) await page.locator('#prerender #search').hover({ timeout: 5_000 }).catch(() => {});
}

/** Opens the "Open an article" dialog; resolves to it. */
export async function openDialog(page) {
  // The pre-rendered page's button opens the dialog only once the app has
  // the page: wait for it, so that what a test times is the dialog.
  await appMounted(page);
  await page.getByRole('button', { name: 'Open article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await dialog.waitFor();
  return dialog;
}

/** Pastes `text` as a new article and reads it. */
export async function paste(page, text) {
  const dialog = await openDialog(page);
  await dialog.getByLabel('Paste the article’s text').fill(text);
  await dialog.getByRole('button', { name: 'Read this text' }).click();
  // The article is kept first, then opened, and the dialog closes.
  await dialog.waitFor({ state: 'hidden' });
  await analysed(page);
  return dialog;
}

/**
 * Resolves once the open article's analysis has come from the worker (or
 * failed): its progress bar is gone.
 */
export async function analysed(page) {
  await page.getByRole('progressbar').waitFor({ state: 'detached' });
}

/** The headline's text. */
export const headline = (page) => page.getByRole('heading', { level: 1 }).textContent();
