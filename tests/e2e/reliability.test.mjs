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
