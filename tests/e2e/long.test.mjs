// A long document (about 1 MB of news), read as a reader would: it opens
// with a progress bar, only the paragraphs near the screen are built, and
// every way of moving through it still reaches the whole text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDialog, openPage, servedWithBrowser } from './harness.mjs';
import { newsText, firstLine } from './bigtext.mjs';

// A word found only in the last paragraph, and a name only in the first.
const LAST_WORD = 'Quillfeather';
const TEXT = `${newsText(1_000_000).trimEnd()}\n\nThe archive closes with a note from ${LAST_WORD}, its keeper.\n`;
const HEADLINE = firstLine(TEXT);

const { server, browser } = await servedWithBrowser();

/** Opens the long text through "Choose a file"; resolves once it is fully analysed. */
async function openLong(page) {
  const dialog = await openDialog(page);
  await dialog.getByLabel('Choose a .txt, .md or .html file').setInputFiles({
    name: 'archive.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(TEXT),
  });
  const bar = page.getByRole('progressbar', { name: 'Analysing the article' });
  await headline(page);
  await bar.waitFor({ state: 'detached', timeout: 30_000 });
}

/** Waits for the long text's headline (its mentions' types are in its accessible name). */
const headline = (page) =>
  page.waitForFunction((h) => document.querySelector('h1')?.textContent === h, HEADLINE, { timeout: 30_000 });

const inView = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });

test('a long document shows a progress bar that completes, and stays small in the page', async () => {
  // Every value the bar shows, recorded in the page: it may come and go
  // between two of Playwright's looks.
  const init = () => {
    window.progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[role=progressbar]');
      const value = bar && `${bar.getAttribute('aria-label')}: ${bar.getAttribute('aria-valuenow')}`;
      if (value && window.progress.at(-1) !== value) window.progress.push(value);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  };
  const { page, context, problems } = await openPage(browser, server.url, { init });
  await openLong(page);
  const values = await page.evaluate(() => window.progress.map((v) => Number(v.split(': ')[1])));
  assert.ok(values.length >= 2, `the bar showed ${values}`);
  assert.ok(values[0] < 100 && values.every((v, i) => i === 0 || v >= values[i - 1]), `${values}`);
  assert.ok((await page.locator('mark.ent').count()) > 0, 'the first screen is highlighted');
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  assert.ok(elements < 5000, `${elements} elements`);
  const paragraphs = await page.locator('.article-body > p').count();
  assert.ok(paragraphs < 200, `${paragraphs} paragraphs built of thousands`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('stepping to an entity’s last mention lands on it, far down the document', async () => {
  const { page, context } = await openPage(browser, server.url);
  await openLong(page);
  const entity = page.locator('.groups button.entity').first();
  const count = Number((await entity.locator('.count').textContent()).trim());
  assert.ok(count > 50, `${count} mentions`);
  await entity.click();
  await page.getByRole('button', { name: 'Previous mention' }).click();
  await page.locator('.selected .status', { hasText: `Mention ${count} of ${count}` }).waitFor();
  const current = page.locator('mark.ent.current');
  await current.waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('mark.ent.current');
    const r = el?.getBoundingClientRect();
    return r && r.bottom > 0 && r.top < innerHeight && document.activeElement === el;
  });
  const y = await page.evaluate(() => scrollY / document.documentElement.scrollHeight);
  assert.ok(y > 0.5, `the last mention is far down (at ${y.toFixed(2)} of the page)`);
  await context.close();
});

test('a word found only at the end is found and shown', async () => {
  const { page, context } = await openPage(browser, server.url);
  await openLong(page);
  await page.getByRole('searchbox', { name: 'Search the article' }).fill(LAST_WORD);
  await page.locator('.search-status', { hasText: '1 match' }).waitFor();
  await page.getByRole('button', { name: 'Next match' }).click();
  const hit = page.locator('mark.hit.current');
  await hit.waitFor();
  assert.equal(await hit.textContent(), LAST_WORD);
  await page.waitForFunction(() => {
    const r = document.querySelector('mark.hit.current').getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  await context.close();
});

test('a type switched off stays off in paragraphs scrolled to later', async () => {
  const { page, context } = await openPage(browser, server.url);
  await openLong(page);
  await page.getByRole('button', { name: /^Country, city or state \d+$/ }).click();
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight * 0.6));
  await page.waitForFunction(() => {
    const first = document.querySelector('.article-body > p');
    return first && Number(first.dataset.block) > 100;
  });
  // Read in one go: the window may rebuild between two of Playwright's calls.
  const tints = await page.evaluate(() =>
    [...document.querySelectorAll('mark.ent[data-label="GPE"]')].map(
      (m) => `${getComputedStyle(m).backgroundColor} ${m.textContent}`,
    ),
  );
  assert.ok(tints.length > 0, 'places are marked in the later paragraphs');
  assert.ok(tints.every((t) => t.startsWith('rgba(0, 0, 0, 0)')), `untinted: ${tints.join('; ')}`);
  await context.close();
});

test('a theme filter in hide mode leaves only matching paragraphs, all the way down', async () => {
  const { page, context } = await openPage(browser, server.url);
  await openLong(page);
  await page.getByRole('button', { name: /^Economy \d+$/ }).click();
  await page.getByRole('button', { name: 'Hide other paragraphs' }).click();
  for (const at of [0, 0.5, 0.95]) {
    await page.evaluate((f) => scrollTo(0, document.documentElement.scrollHeight * f), at);
    await page.waitForTimeout(200);
    const shown = page.locator('.article-body > p:visible');
    assert.ok((await shown.count()) > 0, `paragraphs at ${at}`);
    const about = await shown.evaluateAll((ps) =>
      ps.map((p) => [...p.querySelectorAll('.marker')].some((m) => m.dataset.theme === 'economy')),
    );
    assert.ok(about.every(Boolean), `only economy paragraphs at ${at} of the page`);
  }
  await context.close();
});

test('selecting and copying a paragraph gives its text', async () => {
  const { page, context } = await openPage(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLong(page);
  const paragraph = page.locator('.article-body > p').nth(3);
  const text = await paragraph.innerText();
  await paragraph.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p.querySelector('.text'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied.trim(), text.trim());
  await context.close();
});

test('a shared URL with an entity and a query reopens the same view', async () => {
  const { page, context } = await openPage(browser, server.url);
  await openLong(page);
  const entity = page.locator('.groups button.entity').first();
  const name = (await entity.locator('.entity-name').textContent()).trim();
  await entity.click();
  await page.getByRole('searchbox', { name: 'Search the article' }).fill(LAST_WORD);
  await page.waitForURL(/entity=.*q=/);
  await page.reload();
  await headline(page);
  await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('.selected-name', { hasText: name }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search the article' }).inputValue(), LAST_WORD);
  await page.locator('.search-status', { hasText: '1 match' }).waitFor();
  assert.ok(await inView(page.getByRole('heading', { level: 1 })));
  await context.close();
});
