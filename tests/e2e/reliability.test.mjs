// Nothing is lost and the page is never blank: storage that is blocked,
// uncaught errors, and an article that did not finish opening.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage } from './harness.mjs';

const FRESH = `Ministers agree on river deal

Foreign ministers from Egypt and Ethiopia met in Nairobi on Tuesday to sign an agreement on the Nile.`;

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openDialog(page) {
  await page.getByRole('button', { name: 'Open article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await dialog.waitFor();
  return dialog;
}

async function paste(page, text) {
  const dialog = await openDialog(page);
  await dialog.getByLabel('Paste the article’s text').fill(text);
  await dialog.getByRole('button', { name: 'Read this text' }).click();
  return dialog;
}

const headline = (page) => page.getByRole('heading', { level: 1 }).textContent();
const SAMPLE = /^To push China-U.S. relations/;

test('with storage blocked, the app works in memory and says so once', async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  // As a browser that blocks storage for the site: every access throws.
  await context.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await headline(page), SAMPLE);
  assert.ok((await page.locator('mark.ent').count()) > 50, 'the sample is highlighted');
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0);

  await paste(page, FRESH);
  assert.equal(await headline(page), 'Ministers agree on river deal', 'a pasted article opens');
  assert.ok((await page.locator('mark.ent[data-label="GPE"]').count()) >= 3);
  const notices = page.locator('p.notice');
  assert.equal(await notices.count(), 1, `one notice: ${await notices.allTextContents()}`);
  assert.match(await notices.textContent(), /does not let Lede keep articles/);
  assert.equal(await page.getByRole('alert').count(), 0, 'no error banner');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an uncaught JavaScript error shows the banner, which reloads into the sample', async () => {
  const { page, context } = await openPage(browser, server.url);
  await paste(page, FRESH);
  assert.equal(await headline(page), 'Ministers agree on river deal');
  await page.evaluate(() => setTimeout(() => { throw new Error('boom'); }));
  const banner = page.getByRole('alert').filter({ hasText: 'Something went wrong' });
  await banner.waitFor();
  // A rejected promise nobody handles is reported the same way, still once.
  await page.evaluate(() => { Promise.reject(new Error('boom again')); });
  await page.waitForTimeout(100);
  assert.equal(await page.locator('.fatal').count(), 1);

  await banner.getByRole('button', { name: 'Reload with the sample article' }).click();
  await page.waitForURL((url) => url.search === '');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await headline(page), SAMPLE, 'the sample opens');
  assert.equal(new URL(page.url()).search, '', 'and ?sample leaves the address');
  assert.equal(await page.getByRole('alert').count(), 0);
  // The reader's article is still kept, one click away.
  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: 'Open Ministers agree on river deal' }).waitFor();
  await context.close();
});

test('an article the last visit did not finish opening is offered, not reopened', async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  // As a page that died analysing the article: kept, and marked as being opened.
  await context.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    const article = { id: 'a1', title: 'Ministers agree on river deal', added: '2026-12-01T10:00:00.000Z', text };
    localStorage.setItem('lede.library', JSON.stringify({ version: 1, articles: [article], current: 'a1' }));
    localStorage.setItem('lede.opening', JSON.stringify({ id: 'a1', title: article.title }));
  }, FRESH);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.match(await headline(page), SAMPLE, 'the sample opens instead');
  const offer = page.getByRole('status').filter({ hasText: 'did not finish opening' });
  assert.match(await offer.textContent(), /Lede did not finish opening ‘Ministers agree on river deal’ last time/);

  await offer.getByRole('button', { name: 'Try it again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ministers agree on river deal' }).waitFor();
  assert.equal(await offer.count(), 0, 'the offer goes');
  // Shown now, so it is the article a reload opens.
  await page.waitForFunction(() => localStorage.getItem('lede.opening') === null);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Ministers agree on river deal' }).waitFor();
  assert.equal(await offer.count(), 0);
  await context.close();
});
