// Any article: paste or drop your own, keep it, survive bad input, export it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { headline, openDialog, openPage, paste, servedWithBrowser } from './harness.mjs';

// An article Lede has never seen, written for this test.
const FRESH = `Ministers agree on river deal

By Amara Okafor, Reuters

Foreign ministers from Egypt and Ethiopia met in Nairobi on Tuesday to sign an agreement on the Nile.

Kenyan President William Ruto said the talks were “a new chapter for the region.”

The World Bank will lend $2 billion over five years, the ministers said.`;

const { server, browser } = await servedWithBrowser();


test('a pasted article never seen before is read with its entities, and kept across reloads', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await paste(page, FRESH);
  assert.equal(await headline(page), 'Ministers agree on river deal');
  const marked = async (label) => page.locator(`mark.ent[data-label="${label}"]`).allTextContents();
  assert.ok((await marked('GPE')).includes('Egypt'));
  assert.ok((await marked('GPE')).includes('Nairobi'));
  assert.ok((await marked('PERSON')).includes('William Ruto'));
  assert.ok((await marked('ORG')).some((t) => /World Bank$/.test(t)));
  assert.ok((await marked('DATE')).includes('Tuesday'));
  assert.ok((await page.locator('mark.ent[data-label="MONEY"]').count()) > 0);

  await page.reload();
  // The page waits for storage (some hundreds of ms on a cold start) and
  // shows the kept article, never the sample first (reliability.test.mjs).
  await page
    .waitForFunction(() => document.querySelector('h1')?.textContent === 'Ministers agree on river deal')
    .catch(() => {});
  assert.equal(await headline(page), 'Ministers agree on river deal', 'still open after a reload');

  // Listed in the library; rename it; the sample is one click away; reopen it.
  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: 'Rename Ministers agree on river deal' }).click();
  await dialog.getByLabel('New title').fill('Nile deal');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Open Nile deal' }).waitFor();
  await dialog.getByRole('button', { name: 'Open the sample article' }).click();
  assert.match(await headline(page), /^To push China-U.S. relations/);
  await openDialog(page);
  await page.getByRole('button', { name: 'Open Nile deal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ministers agree on river deal' }).waitFor();
  // Delete it: the sample comes back.
  await openDialog(page);
  await page.getByRole('button', { name: 'Delete Nile deal' }).click();
  assert.match(await headline(page), /^To push China-U.S. relations/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dropped or chosen file opens', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const dialog = await openDialog(page);
  await dialog.getByLabel('Choose a .txt, .md or .html file').setInputFiles({
    name: 'story.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Port strike ends\n\nDock workers in **Rotterdam** returned on Friday.'),
  });
  await page.getByRole('heading', { level: 1, name: 'Port strike ends' }).waitFor();

  await openDialog(page);
  const html = '<html><head><title>x</title></head><body><h1>Floods in Bavaria</h1><p>Rain hit Munich on Monday.</p><script>alert(1)</script></body></html>';
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'floods.html', { type: 'text/html' }));
    document.querySelector('.drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, html);
  await page.getByRole('heading', { level: 1, name: 'Floods in Bavaria' }).waitFor();
  assert.equal(await page.locator('article .article-body p').innerText(), 'Rain hit Munich on Monday.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input gets a clear message and the open article is untouched', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const before = await page.locator('article').innerText();
  const dialog = await openDialog(page);
  const alert = dialog.getByRole('alert');

  await dialog.getByLabel('Paste the article’s text').fill('   \n\t  ');
  await dialog.getByRole('button', { name: 'Read this text' }).click();
  assert.match(await alert.textContent(), /no text/i);

  const file = dialog.getByLabel('Choose a .txt, .md or .html file');
  await file.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n') });
  await alert.filter({ hasText: 'PDF' }).waitFor();
  await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await alert.filter({ hasText: 'PNG' }).waitFor();
  // One byte over the limit never reads as being at it.
  await file.setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(5_000_001, 'a') });
  await alert.filter({ hasText: 'huge.txt is 5.1 MB; Lede opens files up to 5 MB.' }).waitFor();

  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('article').innerText(), before, 'the article is untouched');
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasted markup is shown as text: no script runs, no request is made', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const hostile = `Title <script>alert(1)</script>

Body <img src="http://127.0.0.1:9/x.png" onerror="alert(2)"> and <iframe src="javascript:alert(3)"></iframe>.`;
  await paste(page, hostile);
  assert.equal(await headline(page), 'Title <script>alert(1)</script>');
  assert.match(await page.locator('article .article-body').innerText(), /<img src="http:\/\/127\.0\.0\.1:9\/x\.png" onerror="alert\(2\)">/);
  assert.equal(await page.locator('article img, article script, article iframe').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(dialogs, 0, 'no script ran');
  // Only the app's own analysis worker is fetched, nothing the text names.
  const worker = /\/lede-worker[-_][0-9a-z_-]+\.(js|wasm)$/;
  assert.deepEqual(requests.filter((u) => !worker.test(u)), [], 'no request was made');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Code-point slice, as Python and spaCy count. */
const slice = (text, start, end) => [...text].slice(start, end).join('');

async function exported(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${name}` }).click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

test('every export downloads, parses, and its spans match the text', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?hide=CARDINAL`);

  const displacy = JSON.parse(await exported(page, 'displaCy JSON'));
  assert.match(displacy.title, /^To push China-U.S./);
  assert.ok(displacy.ents.length > 50);
  for (const e of displacy.ents) {
    assert.ok(e.start < e.end);
    assert.notEqual(e.label, 'CARDINAL', 'hidden types are not exported');
    assert.ok(slice(displacy.text, e.start, e.end).trim().length > 0);
  }
  const xi = displacy.ents.find((e) => slice(displacy.text, e.start, e.end) === 'Xi Jinping');
  assert.equal(xi.label, 'PERSON');
  assert.match(xi.kb_id, /^Q\d+$/);

  const full = JSON.parse(await exported(page, 'Full JSON'));
  assert.equal(full.format, 'lede/1');
  const text = full.text ?? full.document?.text;
  assert.ok(typeof text === 'string');
  const units = (s) => ({ codepoint: [...s].length, utf16: s.length });
  let spans = 0;
  JSON.stringify(full, (key, value) => {
    if (value && typeof value === 'object' && value.start?.codepoint !== undefined && typeof value.text === 'string') {
      assert.equal(slice(text, value.start.codepoint, value.end.codepoint), value.text);
      assert.equal(text.slice(value.start.utf16, value.end.utf16), value.text);
      spans++;
    }
    return value;
  });
  assert.ok(spans > 50, `${spans} spans checked in both units`);
  assert.ok(units(text).codepoint < units(text).utf16 || units(text).codepoint === units(text).utf16);

  const wa = JSON.parse(await exported(page, 'Web Annotation'));
  const annotations = wa.first?.items ?? wa.items ?? [];
  assert.ok(annotations.length > 50);
  for (const a of annotations) {
    const pos = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    assert.equal(slice(displacy.text, pos.start, pos.end), quote.exact);
  }

  const csv = (await exported(page, 'Entities CSV')).replace(/^\ufeff/, '');
  const lines = csv.trim().split(/\r?\n/);
  assert.equal(lines[0], 'name,type,mentions,wikidata');
  assert.ok(lines.some((l) => /^Xi Jinping,PERSON,\d+,Q\d+$/.test(l)));
  assert.ok(!lines.some((l) => l.includes(',CARDINAL,')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('damaged or old stored data, and storage that refuses, get a notice and nothing breaks', async () => {
  // (Data that survives, and its download: reliability.test.mjs.)
  for (const [stored, says] of [
    ['{not json', /damaged/],
    ['{"version": 0, "articles": []}', /older version/],
  ]) {
    const context = await browser.newContext();
    await context.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('lede.library', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, stored);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await page.getByRole('status').filter({ hasText: 'saved articles' }).textContent(), says);
    assert.equal(await page.evaluate(() => localStorage.getItem('lede.library')), stored, 'left as it was');
    assert.match(await headline(page), /^To push China-U.S./, 'the sample opens');
    await context.close();
  }

  // A browser whose storage refuses every write (full, or private mode).
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await paste(page, FRESH);
  assert.equal(await headline(page), 'Ministers agree on river deal', 'it still opens, in memory');
  assert.match(await page.getByRole('status').filter({ hasText: 'would not store' }).textContent(), /full or switched off/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an export can be copied to the clipboard', async () => {
  const { page, context } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.getByRole('button', { name: 'Copy Entities CSV' }).click();
  await page.getByText('Copied Entities CSV to the clipboard.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^name,type,mentions,wikidata\r\n/);
  assert.match(copied, /Xi Jinping,PERSON,\d+,Q\d+/);
  await context.close();
});

// An article on a subject the built-in themes do not cover, written for this test.
const BEES = `Bees and farmers

Wild bees are vanishing from farmland, and farmers who rely on pollination are worried. Pesticides called neonicotinoids harm bees even in small doses, researchers say.

In orchards across the valley, pollination now depends on hired hives. Beekeepers truck hives from farm to farm, and the bees suffer from the journeys.

Some farmers have planted wildflower strips to bring wild bees back. Where the strips bloom, pollination improves and fewer pesticides are needed.`;

test('a reader makes a theme of the article’s key terms in one step, or of their own words, and deletes it', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  // The seed article is international news: no offer.
  const offer = page.getByRole('group', { name: /These themes find little in this article/ });
  assert.equal(await offer.count(), 0);

  await paste(page, BEES);
  await offer.waitFor();
  const terms = await offer.getByRole('listitem').allTextContents();
  for (const t of ['bees', 'pollination', 'hives']) assert.ok(terms.includes(t), `${t} in ${terms}`);
  await page.screenshot({ path: 'screenshots/suggested-theme.png' });

  await offer.getByRole('button', { name: 'Make a theme of these terms' }).click();
  const bees = page.getByRole('button', { name: /^Bees \d+$/ });
  await bees.waitFor();
  assert.equal(await bees.getAttribute('aria-pressed'), 'true', 'the new theme is chosen');
  assert.equal(await bees.textContent(), 'Bees3', 'every paragraph is about it');
  assert.equal(await offer.count(), 0, 'with the new theme, the offer goes');
  await page.locator('.article-body .ev-on').first().waitFor(); // marked by an effect
  const evidence = await page.locator('.article-body .ev-on').allTextContents();
  assert.ok(evidence.some((t) => /^bees$/i.test(t)), `evidence ${evidence}`);

  // Kept across a reload, as the reader's own themes are.
  await page.reload();
  await page.getByRole('button', { name: /^Bees \d+$/ }).waitFor();

  // The reader's own words, from the form; a second theme of one name is refused.
  await page.getByText('Add your own theme').click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Hives');
  await page.getByLabel('Words or phrases, separated by commas').fill('hives, beekeepers');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await page.getByRole('button', { name: /^Hives \d+$/ }).waitFor();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Bees');
  await page.getByLabel('Words or phrases, separated by commas').fill('honey');
  await page.getByRole('button', { name: 'Add theme' }).click();
  assert.match(await page.getByRole('alert').textContent(), /already a theme called “Bees”/);

  await page.getByRole('button', { name: 'Delete theme Bees' }).click();
  await page.getByRole('button', { name: 'Delete theme Hives' }).click();
  assert.equal(await page.getByRole('button', { name: /^(Bees|Hives) \d+$/ }).count(), 0);
  await offer.waitFor(); // the themes find little again
  assert.deepEqual(problems, []);
  await context.close();
});
