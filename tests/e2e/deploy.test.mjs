// The release build as a static site (README, "Deploying"): under the strict
// Content-Security-Policy, under a sub-path, served precompressed, with a
// document long enough to go to the analysis worker, and offline after one
// visit through its service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { BUILD, appMounted, serveDist, launchBrowser, openPage, paste } from './harness.mjs';
import { newsText, firstLine } from './bigtext.mjs';
import { NOT_LOADED, site } from '../../scripts/site.mjs';

const DIST = BUILD;
/** The policy the README asks a host to send. */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Runs before the page's scripts: keeps every policy violation in
 * `window.__violations`, and what each worker says to the page in
 * `window.__fromWorkers` ("ready", or "reply" for each answer in bytes).
 */
function watch() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
  window.__fromWorkers = [];
  window.Worker = class extends window.Worker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => window.__fromWorkers.push(typeof e.data === 'string' ? e.data : 'reply'));
    }
  };
}
const violations = (page) => page.evaluate(() => window.__violations);

/** The article is there, highlighted, and a type switches off and on again. */
async function reads(page) {
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /^To push China-U.S. relations/);
  assert.ok((await page.locator('mark.ent[data-label="PERSON"]').count()) > 0, 'people are highlighted');
  const toggle = page.getByRole('button', { name: /^Person \d+$/ });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('mark.ent[data-label="PERSON"]').first().evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
}

test('under the strict policy, served precompressed, the page reads and nothing is blocked', async () => {
  const server = await serveDist(DIST, { csp: CSP, precompressed: true, cache: true });
  try {
    const { page, context, problems } = await openPage(browser, server.url, { init: watch });
    await reads(page);
    // Hover a mention: its card is placed through the CSSOM, which the policy allows.
    await page.locator('mark.ent[data-label="PERSON"]').first().hover();
    const card = page.getByRole('tooltip');
    await card.waitFor();
    assert.notEqual(await card.evaluate((el) => el.style.left), '', 'the card is positioned');
    assert.match(await page.locator('.chip').first().evaluate((el) => el.style.getPropertyValue('--c')), /^#/, 'a theme chip has its colour');
    // The wasm came compressed (brotli, the browser's first choice).
    const wasm = await page.evaluate(() =>
      performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm')),
    );
    assert.ok(wasm.encodedBodySize < wasm.decodedBodySize / 2, `wasm sent compressed: ${wasm.encodedBodySize} of ${wasm.decodedBodySize} bytes`);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('mounted under /lede/, the site asks for nothing outside it', async () => {
  const server = await serveDist(DIST, { prefix: '/lede/' });
  try {
    const { page, context, problems } = await openPage(browser, server.url);
    await reads(page);
    assert.deepEqual(problems, []);
    // The page loads its loader, glue, snippets, wasm, style and icon, not
    // the analysis worker: the sample's analysis is in the page.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.deepEqual(loaded.filter((p) => p.includes('worker')), [], loaded.join('\n'));
    await context.close();
    // All under /lede/, the service worker's caching of the site included.
    assert.ok(server.requests.length >= 6, server.requests.join('\n'));
    assert.deepEqual(server.requests.filter((p) => !p.startsWith('/lede/')), []);
  } finally {
    await server.close();
  }
});

test('a long document opens under the strict policy and a sub-path, analysed in the worker', async () => {
  const server = await serveDist(DIST, { prefix: '/lede/', csp: CSP, precompressed: true });
  try {
    const { page, context, problems } = await openPage(browser, server.url, { init: watch });
    const text = newsText(100 * 1024);
    await page.getByRole('button', { name: 'Open article' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open an article' });
    await dialog.getByLabel('Choose a .txt, .md or .html file').setInputFiles({
      name: 'long.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
    // By its text: the heading's accessible name also says the type of each mention in it.
    await page.waitForFunction((title) => document.querySelector('h1')?.textContent === title, firstLine(text), {
      timeout: 30_000,
    });
    await page.locator('mark.ent').first().waitFor();
    // The app falls back to the main thread, silently, if the worker fails
    // (and a violation inside a worker is reported there, not to the page):
    // so check that the worker started under the policy and answered.
    // The worker of this page's build: its files are named after their content.
    const loader = (await readFile(`${DIST}index.html`, 'utf8')).match(/<meta name="lede-worker" content="\.\/([^"]+)">/)[1];
    const wasm = (await readFile(DIST + loader, 'utf8')).match(/"\.\/(lede-worker-[0-9a-f]{16}_bg\.wasm)"/)[1];
    assert.ok(server.requests.includes(`/lede/${loader}`), server.requests.join('\n'));
    assert.ok(server.requests.includes(`/lede/${wasm}`), server.requests.join('\n'));
    const said = await page.evaluate(() => window.__fromWorkers);
    assert.equal(said[0], 'ready', said.join(' '));
    assert.ok(said.includes('reply'), said.join(' '));
    assert.deepEqual(server.requests.filter((p) => !p.startsWith('/lede/')), []);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('every text and wasm file has .br and .gz siblings that decompress to it', async () => {
  const files = (await readdir(DIST, { recursive: true })).filter((f) =>
    ['.html', '.js', '.css', '.wasm', '.svg', '.json'].includes(extname(f)),
  );
  assert.ok(files.some((f) => f.endsWith('_bg.wasm')) && files.includes('index.html'), files.join(' '));
  for (const file of files) {
    const raw = await readFile(DIST + file);
    assert.deepEqual(brotliDecompressSync(await readFile(`${DIST}${file}.br`)), raw, `${file}.br`);
    assert.deepEqual(gunzipSync(await readFile(`${DIST}${file}.gz`)), raw, `${file}.gz`);
  }
});

/** Resolves once the page's service worker is active, to its scope; fails after 10 s without one. */
const serviceWorkerReady = (page) =>
  page.evaluate(() =>
    Promise.race([
      navigator.serviceWorker.ready.then((r) => r.scope),
      new Promise((_, fail) => setTimeout(() => fail(new Error('no active service worker after 10 s')), 10_000)),
    ]),
  );
/** The files (by name) in the origin's first cache. */
const cachedFiles = (page) =>
  page.evaluate(async () => {
    const [name] = await caches.keys();
    if (name === undefined) return [];
    return (await (await caches.open(name)).keys()).map((r) => r.url.replace(/^.*\//, ''));
  });
/** The names of the caches of this origin. */
const cacheNames = (page) => page.evaluate(() => caches.keys());
/** Resolves once `check` resolves to true, asked every 100 ms for up to 10 s. */
async function until(check) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((ok) => setTimeout(ok, 100))) {
    if (await check()) return;
  }
  throw new Error(`still not so after 10 s: ${check}`);
}
/** The build number a test's deploy gave the page, if any. */
const buildNumber = (page) => page.evaluate(() => document.querySelector('meta[name=build]')?.content ?? null);
/** The build id sw.js in `dir` caches under. */
const buildOf = async (dir) => (await readFile(join(dir, 'sw.js'), 'utf8')).match(/const BUILD = '([0-9a-f]{16})';/)[1];

test('after one visit, the site opens and works offline, under /lede/ and the strict policy', async () => {
  const server = await serveDist(DIST, { prefix: '/lede/', csp: CSP, precompressed: true, cache: true });
  try {
    const { page, context, problems } = await openPage(browser, server.url, { init: watch });
    assert.equal(await serviceWorkerReady(page), server.url);
    assert.deepEqual(await cacheNames(page), [`lede ${server.url} ${await buildOf(DIST)}`]);
    // The app has started: the service worker keeps all of the build, the analysis worker too.
    await until(async () => {
      const kept = await cachedFiles(page);
      return kept.some((f) => /^lede-worker-[0-9a-f]{16}_bg\.wasm$/.test(f)) && kept.some((f) => /^lede-[0-9a-f]{16}_bg\.wasm$/.test(f));
    });

    // A returning visit comes from the cache: the server sees at most the
    // browser asking whether sw.js changed.
    const before = server.requests.length;
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled');
    const asked = server.requests.slice(before);
    assert.deepEqual(asked.filter((p) => p !== '/lede/sw.js'), [], asked.join('\n'));

    // With no network at all, with the view in the URL as a reader might have it.
    await context.setOffline(true);
    await page.goto(`${server.url}?quotes=0`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await reads(page);
    // Any article opens offline: the app and the analysis worker come from the cache.
    await appMounted(page);
    await paste(page, 'Ministers agree on river deal\n\nForeign ministers from Egypt and Ethiopia met in Nairobi on Tuesday.');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Ministers agree on river deal');
    assert.ok((await page.locator('article mark.ent[data-label="GPE"]').count()) >= 3, 'highlighted, offline');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await context.close();
    assert.deepEqual(server.requests.filter((p) => !p.startsWith('/lede/')), []);
  } finally {
    await server.close();
  }
});

test('after a visit that only reads, nothing of the app is fetched, and the sample opens and reads offline', async () => {
  const server = await serveDist(DIST, { prefix: '/lede/', csp: CSP, precompressed: true, cache: true });
  try {
    const context = await browser.newContext();
    await context.addInitScript(watch);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.legend === 'live');
    await serviceWorkerReady(page);
    // The page, its style sheet, icon and scripts, kept; not the app.
    await until(async () => (await cachedFiles(page)).some((f) => f.endsWith('.css')));
    const kept = await cachedFiles(page);
    assert.ok(!kept.some((f) => f.endsWith('.wasm')), kept.join(' '));
    assert.ok(!server.requests.some((p) => p.endsWith('.wasm')), 'no wasm asked for');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await reads(page);
    // What needs the app says it cannot come, and the article stays.
    await page.locator('#prerender article mark.ent').first().click();
    await page.getByRole('status').filter({ hasText: NOT_LOADED }).waitFor();
    assert.equal(await page.locator('#prerender .search-status').textContent(), '', 'nothing is starting');
    assert.equal(await page.locator('#prerender mark.ent.pending').count(), 0, 'nor waiting');
    assert.ok((await page.locator('#prerender article mark.ent').count()) > 50);
    assert.deepEqual(await violations(page), []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a new build replaces the cache of the old one once no page of the old one is open', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'lede-deploy-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(DIST, dir, { recursive: true });
  const server = await serveDist(dir, { prefix: '/lede/', cache: true });
  try {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(server.url);
    await serviceWorkerReady(first);
    const old = await buildOf(dir);
    assert.deepEqual(await cacheNames(first), [`lede ${server.url} ${old}`]);
    await first.close();

    // Deploy a second build: another page (one more meta element), so another sw.js.
    const index = join(dir, 'index.html');
    await writeFile(index, (await readFile(index, 'utf8')).replace('<title>', '<meta name="build" content="2"><title>'));
    await site(dir, { compress: false, offline: true });
    const next = await buildOf(dir);
    assert.notEqual(next, old);

    // A page opened now is still the old build, and the new one installs beside it.
    const second = await context.newPage();
    await second.goto(server.url);
    await second.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await buildNumber(second), null);
    await until(() => second.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)));
    assert.deepEqual((await cacheNames(second)).sort(), [`lede ${server.url} ${next}`, `lede ${server.url} ${old}`].sort());
    await second.close();

    // Once it is closed, the new build takes over and the old cache goes.
    // Watched from a page of the same origin outside the site's scope.
    const outside = await context.newPage();
    await outside.goto(server.url.replace('/lede/', '/elsewhere'));
    await until(async () => JSON.stringify(await cacheNames(outside)) === JSON.stringify([`lede ${server.url} ${next}`]));
    await outside.close();
    const third = await context.newPage();
    await third.goto(server.url);
    await third.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await buildNumber(third), '2');
    await context.close();
  } finally {
    await server.close();
  }
});

test('where the service worker is refused, the page still reads', async () => {
  // The policy forbids workers of any kind: registering sw.js fails.
  const server = await serveDist(DIST, { csp: `${CSP}; worker-src 'none'` });
  try {
    const { page, context, problems } = await openPage(browser, server.url, { init: watch });
    await page.waitForFunction(() => window.__violations.some((v) => v.startsWith('worker-src')));
    await reads(page);
    assert.deepEqual(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(await violations(page).then((v) => v.filter((x) => !x.startsWith('worker-src blocked'))), []);
    // The browser's own report of the refusal, and nothing else: no unhandled rejection.
    const refused = /^console error: Creating a worker from '[^']*\/sw\.js' violates the following Content Security Policy directive: "worker-src 'none'"/;
    assert.deepEqual(problems.filter((p) => !refused.test(p)), []);
    assert.equal(await page.locator('[role=alert], .fatal').count(), 0, 'no error banner');
    await context.close();
  } finally {
    await server.close();
  }
});
