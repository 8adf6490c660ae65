// The release build as a static site (README, "Deploying"): under the strict
// Content-Security-Policy, under a sub-path, served precompressed, and with a
// document long enough to go to the analysis worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveDist, launchBrowser, openPage } from './harness.mjs';
import { newsText, firstLine } from './bigtext.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
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
    await context.close();
    // The first visit loads the page, its loader, glue, snippets, wasm, style
    // and icon: all under /lede/, and not the worker (the seed is short).
    assert.ok(server.requests.length >= 6, server.requests.join('\n'));
    assert.deepEqual(server.requests.filter((p) => !p.startsWith('/lede/')), []);
    assert.deepEqual(server.requests.filter((p) => p.includes('worker')), []);
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
    assert.ok(server.requests.includes('/lede/lede-worker_bg.wasm'), server.requests.join('\n'));
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
