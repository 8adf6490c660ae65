// Nothing is lost and the page is never blank: storage that is blocked,
// uncaught errors, and an article that did not finish opening.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appMounted, headline, openDialog, openPage, paste, servedWithBrowser } from './harness.mjs';

const FRESH = `Ministers agree on river deal

Foreign ministers from Egypt and Ethiopia met in Nairobi on Tuesday to sign an agreement on the Nile.`;

const { server, browser } = await servedWithBrowser();

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
  await appMounted(page);

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

test('two tabs each open an article, and a third lists both', async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  const tab = async () => {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  };
  // Both opened before either article is added.
  const [first, second] = [await tab(), await tab()];
  await paste(first, 'Article A\n\nTalks in Geneva went well on Monday.');
  await paste(second, 'Article B\n\nThe summit in Nairobi ended on Friday.');
  assert.equal(await headline(second), 'Article B');
  // The first tab hears of the second's article, without a reload.
  const dialog = await openDialog(first);
  await dialog.getByRole('button', { name: 'Open Article B' }).waitFor();
  await dialog.getByRole('button', { name: 'Open Article A' }).waitFor();

  const third = await tab();
  const list = await openDialog(third);
  await list.getByRole('button', { name: 'Open Article A' }).waitFor();
  await list.getByRole('button', { name: 'Open Article B' }).waitFor();
  await context.close();
});

test('a 4 MB article is there again after a reload', { timeout: 300_000 }, async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(240_000);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const paragraph = 'Officials from Kenya and Ethiopia met in Nairobi on Tuesday to discuss trade and security. ';
  const body = Array.from({ length: 4_800 }, (_, i) => `${paragraph.repeat(9)}(${i})`).join('\n\n');
  const text = `A very long report\n\n${body}`;
  assert.ok(text.length > 3_900_000 && text.length < 5_000_000, `${text.length} bytes`);
  const dialog = await openDialog(page);
  await dialog.getByLabel('Choose a .txt, .md or .html file').setInputFiles({
    name: 'long.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  await page.getByRole('heading', { level: 1, name: 'A very long report' }).waitFor();
  await page.waitForFunction(() => localStorage.getItem('lede.current') !== null);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'A very long report' }).waitFor();
  assert.equal(await page.locator('p.notice').count(), 0, 'nothing to say: it was kept');
  await context.close();
});

/** Runs `body` (a function of an open IndexedDB connection to Lede's database) in `page`. */
function inDatabase(page, body, arg) {
  return page.evaluate(
    ([source, arg]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lede');
        open.onerror = () => reject(open.error);
        open.onsuccess = async () => {
          try {
            resolve(await new Function(`return (${source})`)()(open.result, arg));
          } finally {
            open.result.close();
          }
        };
      }),
    [body.toString(), arg],
  );
}

test('damaged and newer-format data survive, and are offered as a download', async () => {
  const newer = '{"version": 7, "shelves": [{"articles": []}]}';
  const record = '{"version": 2, "title": "From the future", "added": "2027-01-01T00:00:00Z", "bytes": 3, "tags": []}';
  const damaged = '{"version": 1, "title": ';
  // Theme records: one from a newer Lede, one damaged, one readable.
  const futureTheme = '{"version": 3, "added": 1, "theme": {"id": "bees", "palette": "warm"}}';
  const brokenTheme = '{"version": 1, "added": 2, "theme": {"id": "hiv';
  const goodTheme = JSON.stringify({
    version: 1,
    added: 3,
    theme: { id: 'nile', name: 'Nile', colour: '#6f7bd6', description: '', terms: [{ weight: 2, words: ['nile', 'river'] }] },
  });
  const { page, context } = await openPage(browser, server.url);
  // Written as a newer Lede, or a broken disk, would leave them.
  await inDatabase(page, (db, [record, damaged, themes]) => new Promise((done, fail) => {
    const tx = db.transaction(['articles', 'texts', 'themes'], 'readwrite');
    tx.objectStore('articles').put(record, 'future');
    tx.objectStore('texts').put('Hi!', 'future');
    tx.objectStore('articles').put(damaged, 'broken');
    for (const [id, theme] of themes) tx.objectStore('themes').put(theme, id);
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
  }), [record, damaged, [['bees', futureTheme], ['hives', brokenTheme], ['nile', goodTheme]]]);
  await page.evaluate((v) => localStorage.setItem('lede.library', v), newer);

  for (let visit = 0; visit < 2; visit++) {
    await page.reload();
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    assert.match(await notice.textContent(), /damaged.*newer version|newer version.*damaged/);
    assert.match(await headline(page), SAMPLE);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Download the unreadable data' }).click(),
    ]);
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    const data = Object.fromEntries(file.items.map((i) => [i.from, i.data]));
    assert.equal(data['localStorage lede.library'], newer);
    assert.equal(data['IndexedDB articles/future'], record);
    assert.equal(data['IndexedDB texts/future'], 'Hi!');
    assert.equal(data['IndexedDB articles/broken'], damaged);
    assert.equal(data['IndexedDB themes/bees'], futureTheme);
    assert.equal(data['IndexedDB themes/hives'], brokenTheme);
    assert.equal(data['IndexedDB themes/nile'], undefined, 'a readable theme is not in the download');
    assert.equal(file.items.length, 6);
    // The readable theme is the reader's, as ever.
    await page.getByRole('button', { name: /^Nile \d+$/ }).waitFor();
  }
  // A new theme of the same name does not write over the record kept.
  await page.getByText('Add your own theme').click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Bees');
  await page.getByLabel('Words or phrases, separated by commas').fill('bees, honey');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await page.getByRole('button', { name: /^Bees \d+$/ }).waitFor();
  const refused = page.getByRole('status').filter({ hasText: 'A stored theme called “Bees” could not be read' });
  await refused.waitFor();
  // Still where they were.
  assert.equal(await page.evaluate(() => localStorage.getItem('lede.library')), newer);
  const stored = (store, id) => inDatabase(page, (db, [store, id]) => new Promise((done) => {
    const get = db.transaction(store).objectStore(store).get(id);
    get.onsuccess = () => done(get.result);
  }), [store, id]);
  assert.equal(await stored('articles', 'future'), record);
  assert.equal(await stored('themes', 'bees'), futureTheme);
  assert.equal(await stored('themes', 'hives'), brokenTheme);
  await context.close();
});

test('articles and themes kept by an earlier version move to IndexedDB', async () => {
  const fixture = (name) => readFile(new URL(`../fixtures/storage/${name}`, import.meta.url), 'utf8');
  const [library, themes] = [await fixture('library-v1.json'), await fixture('custom-themes-v1.json')];
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  await context.addInitScript(([library, themes]) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('lede.library', library);
    localStorage.setItem('lede.custom-themes.v1', themes);
  }, [library, themes]);
  const page = await context.newPage();
  await page.goto(server.url);
  // The article open then opens now, and the themes are there.
  await page.getByRole('heading', { level: 1, name: 'Ministers agree on river deal' }).waitFor();
  await page.getByRole('button', { name: /^Bees \d+$/ }).waitFor();
  await page.getByRole('button', { name: /^Hives \d+$/ }).waitFor();
  await page.waitForFunction(() => localStorage.getItem('lede.library') === null && localStorage.getItem('lede.custom-themes.v1') === null);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Ministers agree on river deal' }).waitFor();
  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: 'Open Port strike ends' }).waitFor();
  await page.getByRole('button', { name: /^Bees \d+$/ }).waitFor();
  await context.close();
});

/** Records in `window.headlines` every headline the page shows, in turn. */
// The app's own headlines, not the pre-rendered sample's in the page's HTML
// (#prerender), which shows until the app starts, whatever it then opens.
function recordHeadlines() {
  window.headlines = [];
  new MutationObserver(() => {
    const h1 = document.querySelector('h1:not(#prerender h1)');
    window.firstHeadline ??= h1 ?? undefined;
    const text = h1?.textContent;
    if (text && text !== window.headlines.at(-1)) window.headlines.push(text);
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

test('after a reload the app shows the kept article, never its sample first', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { init: recordHeadlines });
  // The recorder sees what a first visit shows: the sample.
  const first = await page.evaluate(() => window.headlines);
  assert.equal(first.length, 1);
  assert.match(first[0], SAMPLE);
  await paste(page, FRESH);
  await page.waitForFunction(() => localStorage.getItem('lede.current') !== null);
  for (let visit = 0; visit < 3; visit++) {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ministers agree on river deal' }).waitFor();
    await appMounted(page);
    assert.deepEqual(await page.evaluate(() => window.headlines), ['Ministers agree on river deal'], `visit ${visit}`);
  }
  // Past the longest the start waits for storage (1.5 s), the page is the
  // one built first, not built again.
  await page.waitForTimeout(2_000);
  assert.ok(await page.evaluate(() => document.querySelector('h1') === window.firstHeadline), 'the page was not built again');
  // Asked for, the sample shows at once. (Once the worker has its files: a
  // navigation would abort their requests, which this test does not ask about.)
  await page.waitForLoadState('networkidle');
  await page.goto(`${server.url}?sample`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const asked = await page.evaluate(() => window.headlines);
  assert.equal(asked.length, 1);
  assert.match(asked[0], SAMPLE);
  assert.deepEqual(problems, []);
  await context.close();
});

test('storage that never answers still shows the sample, after a short wait', async () => {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  // An article was shown last, so the start waits for storage: which never
  // answers (its open request fires no event).
  await context.addInitScript(() => {
    localStorage.setItem('lede.current', 'a1');
    Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => ({ open: () => ({}) }) });
  });
  await context.addInitScript(recordHeadlines);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  // The pre-rendered sample shows at once; the app's own, once it has
  // stopped waiting for storage and taken the page over.
  await page.waitForFunction(() => document.getElementById('prerender') === null);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const shown = await page.evaluate(() => window.headlines);
  assert.equal(shown.length, 1);
  assert.match(shown[0], SAMPLE);
  assert.equal(await page.getByRole('alert').count(), 0, 'no error banner');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Writes the crafted inputs of the classes whose name holds `word`, at `size`, with crafted.rs. */
function craftedInputs(word, size) {
  const dir = mkdtempSync(join(tmpdir(), 'lede-crafted-'));
  execFileSync(
    'cargo',
    ['run', '--quiet', '--release', '-p', 'lede-analysis', '--example', 'crafted', '--', '--write', dir, size, '--class', word],
    { cwd: fileURLToPath(new URL('../../', import.meta.url)), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return JSON.parse(readFileSync(join(dir, 'classes.json'), 'utf8')).map((c) => ({ ...c, path: join(dir, c.file) }));
}

test('the nastiest crafted inputs open, and the page still answers', { timeout: 600_000 }, async () => {
  const inputs = [...craftedInputs('one line', '256K'), ...craftedInputs('unclosed', '256K')];
  assert.equal(inputs.length, 2);
  for (const input of inputs) {
    const { page, context, problems } = await openPage(browser, server.url);
    context.setDefaultTimeout(120_000);
    const dialog = await openDialog(page);
    await dialog.getByLabel('Choose a .txt, .md or .html file').setInputFiles(input.path);
    await dialog.waitFor({ state: 'hidden' });
    // The article's own text in place of the sample's (compared without
    // spaces: the blocks of an HTML file join as they were cut).
    const opening = readFileSync(input.path, 'utf8').replace(/<[^>]*>|\s+/g, '').slice(0, 20);
    await page.waitForFunction(
      ([sample, opening]) => {
        const h1 = document.querySelector('h1');
        const shown = document.querySelector('main')?.textContent.replace(/\s+/g, '') ?? '';
        return !(h1 && new RegExp(sample).test(h1.textContent)) && shown.includes(opening);
      },
      [SAMPLE.source, opening],
    );
    if (input.class.startsWith('one line')) await page.locator('.article-body mark.ent').first().waitFor();
    // Still answering the reader: a search runs and the dialog opens again.
    await page.getByRole('searchbox', { name: 'Search the article' }).fill('Word');
    await page.getByRole('searchbox', { name: 'Search the article' }).press('Escape');
    await (await openDialog(page)).getByRole('button', { name: 'Open the sample article' }).click();
    assert.match(await headline(page), SAMPLE, input.class);
    assert.equal(await page.getByRole('alert').count(), 0, 'no error banner');
    assert.deepEqual(problems, [], input.class);
    await context.close();
  }
});

test('a kept theme the lexicon refuses is not used, and the reader is told why', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  // Written by hand or another version: a term longer than the matcher walks.
  const long = 'the river that runs from the hills down to the sea at dawn';
  const theme = { id: 'rivers', name: 'Rivers', colour: '#336699', description: '', terms: [{ weight: 2, words: [long, 'river'] }] };
  await page.evaluate(
    (record) =>
      new Promise((done, fail) => {
        const open = indexedDB.open('lede');
        open.onsuccess = () => {
          const tx = open.result.transaction('themes', 'readwrite');
          tx.objectStore('themes').put(record, 'rivers');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    JSON.stringify({ version: 1, added: 1, theme }),
  );
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'Your theme “Rivers” is kept but not used' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /has 13 words, and a term may have at most 12/);
  assert.equal(await page.getByRole('button', { name: /^Rivers\b/ }).count(), 0, 'no chip for it');
  assert.deepEqual(problems, []);
  await context.close();
});

test('where the analysis worker cannot load, a pasted article still opens, and says why it has no highlights', async () => {
  // Without the service worker, which would serve the worker's files from its cache.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route(/\/lede-worker[-_][^/]*$/, (route) => route.abort());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await appMounted(page);
  await paste(page, FRESH);
  assert.equal(await headline(page), 'Ministers agree on river deal');
  assert.match(await page.locator('article .article-body').innerText(), /met in Nairobi on Tuesday/);
  const notice = page.getByRole('status').filter({ hasText: 'No highlights for this article' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /^No highlights for this article: the analysis worker stopped/);
  assert.equal(await page.locator('article mark.ent').count(), 0);
  // The sample still has its own, from the page.
  await openDialog(page);
  await page.getByRole('button', { name: 'Open the sample article' }).click();
  assert.match(await headline(page), SAMPLE);
  assert.ok((await page.locator('article mark.ent').count()) > 50);
  assert.equal(await notice.count(), 0, 'the notice was for the other article');
  assert.deepEqual(errors, []);
  await context.close();
});
