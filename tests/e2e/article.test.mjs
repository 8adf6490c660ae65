// The seed article as a reader sees it, at desktop and phone widths, light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { appMounted, openPage, servedWithBrowser } from './harness.mjs';

// What the reader should see, read from the seed file itself (the same file
// the app embeds), split the plain way: blocks between blank lines.
const seed = await readFile(new URL('../../seeds/000_98b7338e0901f976.txt', import.meta.url), 'utf8');
const blocks = seed.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
const [title, byline] = blocks;
const note = blocks.at(-1);
const paragraphs = blocks.slice(2, -1);

const { server, browser } = await servedWithBrowser();

test('the reader sees the headline, byline, every paragraph and the note, with no errors', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);
  assert.equal(await page.locator('h1').count(), 1, 'exactly one h1');
  assert.equal(byline, 'By Zhong Sheng, People’s Daily');
  assert.equal(await page.locator('.byline').innerText(), byline);

  const shown = await page.locator('article .article-body p').allInnerTexts();
  assert.equal(shown.length, paragraphs.length);
  assert.deepEqual(shown.map((p) => p.trim()), paragraphs);

  const noteEl = page.getByRole('note');
  assert.equal((await noteEl.innerText()).trim(), note);
  assert.match(note, /^\(Zhong Sheng is a pen name/);

  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), `${title} — Lede`);
  assert.ok(
    (await page.locator('meta[name="description"]').getAttribute('content')).length > 40,
    'a page description',
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test('the article comes first, and nothing moves when the panels beside it and the dialogs arrive', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    // The moment the app's headline is in the DOM (mutation callbacks run
    // before the next frame): whether its panels are there yet. The
    // pre-rendered page (#prerender, whose legend the app's replaces) stays
    // until both are; then, where the headline is.
    window.__first = null;
    const app = (selector) =>
      [...document.querySelectorAll(selector)].find((el) => !el.closest('#prerender'));
    new MutationObserver((_, observer) => {
      const h1 = app('article h1');
      if (!h1) return;
      if (!window.__first) {
        window.__first = {
          legend: !!app('.controls .type-toggle'),
          dialogs: document.querySelectorAll('dialog').length,
        };
      }
      if (document.getElementById('prerender')) return;
      const r = h1.getBoundingClientRect();
      Object.assign(window.__first, { x: r.x, y: r.y, width: r.width });
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url);
  await appMounted(page);
  await page.getByRole('button', { name: /^Person \d+$/ }).waitFor();
  // Two frames, for any shift to be reported.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const first = await page.evaluate(() => window.__first);
  assert.ok(first, 'the headline was seen arriving');
  assert.equal(first.legend, false, 'the article is in the DOM before the panels');
  assert.equal(first.dialogs, 0, 'and before the dialogs, which are hidden until asked for');
  assert.equal(await page.locator('dialog').count(), 2, 'the dialogs follow with the panels');
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');
  const now = await page.locator('article h1').boundingBox();
  assert.deepEqual([now.x, now.y, now.width], [first.x, first.y, first.width], 'the headline has not moved');
  assert.equal(await page.evaluate(() => window.__shift), 0, 'no layout shift');
  await context.close();
});

for (const [name, width, height] of [
  ['phone', 360, 740],
  ['desktop', 1280, 900],
]) {
  test(`the article fits a ${name} screen (${width} px) with a comfortable measure`, async () => {
    const { page, context, problems } = await openPage(browser, server.url, { width, height });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `no horizontal scrolling: page is ${scrollWidth} px wide`);

    const para = page.locator('article .article-body p').first();
    const box = await para.boundingBox();
    assert.ok(box.x >= 8 && box.x + box.width <= width - 8, 'text keeps a margin from the edges');
    // The theme markers in the paragraphs' margin are on the screen, whole.
    const markers = await page.locator('article .marker').evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()).map((r) => [r.left, r.right]),
    );
    assert.ok(markers.length > 0, 'the seed article has theme markers');
    for (const [left, right] of markers) {
      assert.ok(left >= 0 && right <= width, `a theme marker spans ${left}..${right} px`);
    }

    // The headline is on the first screen; on a phone the controls start
    // folded away above the article, and open from their summary.
    const headline = await page.getByRole('heading', { level: 1 }).boundingBox();
    assert.ok(headline.y + headline.height <= height, `the headline ends at ${headline.y + headline.height} px`);
    const personToggle = page.getByRole('button', { name: /^Person \d+$/ });
    if (width < 960) {
      assert.equal(await personToggle.isVisible(), false, 'the controls start folded on a phone');
      await page.getByText('Highlights, themes and entities').click();
    }
    assert.equal(await personToggle.isVisible(), true, 'the legend is there');
    // A comfortable measure: at most ~80 characters a line on wide screens.
    const charsPerLine = await para.evaluate((p) => {
      const style = getComputedStyle(p);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const avg = ctx.measureText('abcdefghijklmnopqrstuvwxyz ').width / 27;
      return p.getBoundingClientRect().width / avg;
    });
    assert.ok(charsPerLine <= 85, `about ${Math.round(charsPerLine)} characters a line`);
    assert.ok(charsPerLine >= (width < 500 ? 30 : 55), `about ${Math.round(charsPerLine)} characters a line`);
    const fontSize = await para.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    assert.ok(fontSize >= 16, `body text is ${fontSize}px`);

    await page.screenshot({ path: `screenshots/article-${name}.png`, fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** Relative luminance contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

async function colours(page) {
  return page.evaluate(() => {
    const bg = getComputedStyle(document.body).backgroundColor;
    const pick = (sel) => getComputedStyle(document.querySelector(sel)).color;
    return { bg, body: pick('article .article-body p'), byline: pick('.byline'), note: pick('.note') };
  });
}

test('the theme follows the system, toggles by button, and keeps AA contrast', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { colorScheme: 'dark' });
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  assert.equal(await theme(), 'dark', 'follows prefers-color-scheme: dark');
  const dark = await colours(page);

  const toggle = page.getByRole('button', { name: 'Dark theme' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await theme(), 'light');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const light = await colours(page);
  assert.notEqual(light.bg, dark.bg, 'the background changes');

  for (const [name, c] of [['dark', dark], ['light', light]]) {
    for (const part of ['body', 'byline', 'note']) {
      const ratio = contrast(c[part], c.bg);
      assert.ok(ratio >= 4.5, `${part} text in the ${name} theme has contrast ${ratio.toFixed(2)}`);
    }
  }

  // The choice survives a reload (the app, which keeps it, starts at once).
  await page.reload();
  await appMounted(page);
  assert.equal(await theme(), 'light');
  await page.screenshot({ path: 'screenshots/article-light.png' });
  await toggle.click();
  await page.screenshot({ path: 'screenshots/article-dark.png' });
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * In the page: every element with text of its own that is on show, whose text
 * has less than WCAG AA contrast (4.5:1, or 3:1 for large text) with the
 * background under it (the backgrounds of its ancestors composed, and its
 * colour faded by their opacity), dimmed paragraphs included. Left out:
 * disabled controls (exempt in WCAG) and text on a background image (none here).
 */
function lowContrast() {
  const parse = (c) => {
    const [r, g, b, a = 1] = c.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
  };
  const over = (top, under) => {
    const mix = (k) => top[k] * top.a + under[k] * (1 - top.a);
    return { r: mix('r'), g: mix('g'), b: mix('b'), a: 1 };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0) layers.push(c);
      if (c.a === 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
  };
  const found = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    if (!el.checkVisibility({ visibilityProperty: true }) || el.closest(':disabled')) continue;
    const style = getComputedStyle(el);
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    const bg = backdrop(el);
    const fg = parse(style.color);
    const shown = ratio(over({ ...fg, a: fg.a * opacity }, bg), bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    if (shown < (large ? 3 : 4.5)) {
      found.push(`${shown.toFixed(2)}: ${el.tagName.toLowerCase()}.${el.className} "${n.textContent.trim().slice(0, 30)}"`);
    }
  }
  return found;
}

test('every text on the page keeps AA contrast in both themes, with every layer on', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, problems } = await openPage(
      browser,
      `${server.url}?themes=cooperation,economy&entity=Xi%20Jinping&q=win-win`,
      { colorScheme },
    );
    assert.ok((await page.locator('mark.hit').count()) > 0 && (await page.locator('mark.ent.selected').count()) > 0);
    await page.locator('mark.ent', { hasText: 'Donald Trump' }).first().hover();
    await page.getByRole('tooltip').waitFor();
    const checked = await page.evaluate(() => document.querySelectorAll('mark, button, p, a').length);
    assert.ok(checked > 150, `${checked} elements to check`);
    assert.deepEqual(await page.evaluate(lowContrast), [], `the ${colorScheme} theme, reading`);

    // The outlines that pick out the current match, the current mention and
    // the selected entity's mentions stand out from the page by 3:1 (WCAG 1.4.11).
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByRole('button', { name: 'Next mention' }).click();
    const outlines = await page.evaluate(() =>
      ['mark.hit.current', 'mark.ent.current', 'mark.ent.selected:not(.current)'].map((sel) => [
        sel,
        getComputedStyle(document.querySelector(sel)).outlineColor,
        getComputedStyle(document.body).backgroundColor,
      ]),
    );
    for (const [sel, line, bg] of outlines) {
      const ratio = contrast(line, bg);
      assert.ok(ratio >= 3, `${sel} in the ${colorScheme} theme: outline contrast ${ratio.toFixed(2)}`);
    }

    // A reader's correction: the panel's actions and list, and the dotted
    // outline that marks the corrected mention (3:1, WCAG 1.4.11).
    const corrections = page.getByRole('region', { name: 'Corrections', exact: true });
    await page.locator('mark.ent', { hasText: 'Donald Trump' }).first().focus();
    await corrections.getByLabel('Type').selectOption('ORG');
    await corrections.getByRole('button', { name: 'Retype this mention' }).click();
    await page.locator('mark.ent[data-corrected]').first().waitFor();
    await corrections.getByRole('button', { name: /^Drop: / }).waitFor();
    await page.locator('mark.ent[data-corrected]').first().focus();
    assert.deepEqual(await page.evaluate(lowContrast), [], `the ${colorScheme} theme, corrections`);
    const [line, bg] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('mark.ent[data-corrected]:not(.current)')).outlineColor,
      getComputedStyle(document.body).backgroundColor,
    ]);
    assert.ok(contrast(line, bg) >= 3, `a corrected mention in the ${colorScheme} theme: outline contrast ${contrast(line, bg).toFixed(2)}`);

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    assert.deepEqual(await page.evaluate(lowContrast), [], `the ${colorScheme} theme, shortcuts dialog`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Open article' }).click();
    await page.getByRole('dialog', { name: 'Open an article' }).waitFor();
    assert.deepEqual(await page.evaluate(lowContrast), [], `the ${colorScheme} theme, open-article dialog`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the theme toggle works from the keyboard', async () => {
  const { page, context } = await openPage(browser, server.url);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.focus();
  const before = await toggle.getAttribute('aria-pressed');
  await page.keyboard.press('Enter');
  assert.notEqual(await toggle.getAttribute('aria-pressed'), before);
  await page.keyboard.press('Space');
  assert.equal(await toggle.getAttribute('aria-pressed'), before);
  await context.close();
});
