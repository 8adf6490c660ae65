// The sample article arrives in the page, highlighted (scripts/prerender.mjs
// writes it into index.html at build time): the page that arrives, before
// any script runs, must be the page the app then paints, element for element
// and pixel for pixel, so that the app takes over with no flash and no shift.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysed, appMounted, openPage, servedWithBrowser, startApp } from './harness.mjs';

const { server, browser } = await servedWithBrowser();

/**
 * The article and the legend in the page as canonical strings: each element's tag and its
 * attributes sorted, and its text; Leptos' empty comments left out. Not the
 * `style` attribute: a theme marker's colour is set through the CSSOM, which
 * a strict policy allows and the page's HTML cannot carry (the pre-render's
 * markers take their colour when the app takes over).
 */
const canonical = (page) =>
  page.evaluate(() => {
    const write = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.data;
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const attrs = [...node.attributes]
        .filter((a) => a.name !== 'style')
        .map((a) => `${a.name}="${a.value}"`)
        .sort();
      const tag = node.localName;
      return `<${[tag, ...attrs].join(' ')}>${[...node.childNodes].map(write).join('')}</${tag}>`;
    };
    const articles = [...document.querySelectorAll('article.article')];
    const legends = [...document.querySelectorAll('.legend')];
    return { count: articles.length, html: articles.map(write).join(''), legend: legends.map(write).join('') };
  });

/** Where the parts of the page a reader first sees are laid out. */
const layout = (page) =>
  page.evaluate(() => {
    const rect = (sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2);
    };
    const sels = ['.site-header', '.controls', 'article.article', 'h1', '.byline', '#block-2', '#block-3'];
    const rects = Object.fromEntries(sels.map((s) => [s, rect(s)]));
    // The controls' column, not its height: on a wide screen the app opens
    // it and fills it with the panels a frame after the article, beside it.
    rects['.controls'] = rects['.controls']?.slice(0, 3);
    // The article's place, not its height: the pre-render lays out only the
    // paragraphs on screen (content-visibility), the others by an estimate.
    rects['article.article'] = rects['article.article']?.slice(0, 3);
    return rects;
  });

/** The page with no script and no WebAssembly: what a reader sees before they arrive. */
async function beforeTheApp(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  await context.route(/\.(js|wasm)(\?|$)/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForLoadState('load');
  return { page, context };
}

for (const [name, width, height] of [
  ['a phone', 412, 823],
  ['a desktop', 1280, 900],
]) {
  test(`on ${name}, the pre-rendered article is the app's own render, laid out alike`, async () => {
    const pre = await beforeTheApp(width, height);
    const before = await canonical(pre.page);
    const beforeLayout = await layout(pre.page);
    assert.equal(before.count, 1, 'the page arrives with one article');
    assert.ok((await pre.page.locator('mark.ent').count()) > 50, 'with its highlights');
    await pre.context.close();

    const { page, context, problems } = await openPage(browser, server.url, { width, height });
    const after = await canonical(page);
    assert.equal(await page.locator('#prerender').count(), 0, 'the app has removed the pre-render');
    assert.equal(after.count, 1);
    assert.equal(before.html, after.html);
    assert.match(before.legend, /<button aria-pressed="true" class="type-toggle" data-label="PERSON"/);
    assert.equal(before.legend, after.legend, 'the legend is the app\'s own too');
    assert.deepEqual(beforeLayout, await layout(page));
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the page that arrives holds the highlighted article and its title', async () => {
  const res = await fetch(server.url);
  const html = await res.text();
  assert.doesNotMatch(html, /<lede-article>/, 'the placeholder is filled');
  assert.match(html, /<title>To push China-U\.S\. relations[^<]* — Lede<\/title>/);
  assert.match(html, /<mark class="ent" data-label="PERSON" data-type="Person"[^>]*>Xi Jinping<\/mark>/);
});

test('the app takes the sample\'s analysis from the page, and its own if the page\'s is not for this text', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  assert.equal(await page.locator('#lede-analysis').count(), 0, 'the data block is read and removed');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('lede:analysis:built').length), 1);
  assert.deepEqual(problems, []);
  await context.close();

  // A page whose data block is another text's (its hash changed) or broken:
  // the app has the sample analysed in its worker, with the same highlights.
  const html = await (await fetch(server.url)).text();
  const block = html.match(/(<script type="application\/octet-stream" id="lede-analysis">)([^<]*)(<\/script>)/);
  assert.ok(block, 'the page carries the build\'s analysis');
  const other = Buffer.from(block[2], 'base64');
  // The hash is the first field: bincode's length (8 bytes), then its hex digits.
  other[8] = other[8] === 0x30 ? 0x31 : 0x30;
  for (const data of [other.toString('base64'), 'not base64 at all']) {
    const ctx = await browser.newContext({ serviceWorkers: 'block' });
    await ctx.route(server.url, (route) => route.fulfill({ contentType: 'text/html', body: html.replace(block[0], `${block[1]}${data}${block[3]}`) }));
    const p = await ctx.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(server.url);
    await appMounted(p);
    await analysed(p);
    assert.equal(await p.evaluate(() => performance.getEntriesByName('lede:analysis:built').length), 0);
    assert.ok((await p.locator('#main mark.ent').count()) > 50, 'highlighted all the same');
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

test('taking over moves nothing: no layout shift while the app starts', async () => {
  const init = () => {
    window.__shift = 0;
    window.__moved = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shift += e.value;
        // What moved, for the message if this fails.
        for (const s of e.sources) {
          const r = (x) => [x.x, x.y, x.width, x.height].map(Math.round).join(',');
          window.__moved.push(`${Math.round(e.startTime)} ms ${s.node?.nodeName}.${s.node?.className ?? ''} ${r(s.previousRect)} → ${r(s.currentRect)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  };
  // Slowed down, so that the pre-render is painted well before the app takes over.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  await context.addInitScript(init);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(server.url);
  await page.waitForTimeout(300);
  await startApp(page);
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0, null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(200);
  const { shift, moved } = await page.evaluate(() => ({ shift: window.__shift, moved: window.__moved }));
  assert.ok(shift <= 0.02, `cumulative layout shift ${shift}: ${moved.join('; ')}`);
  assert.equal(await page.locator('h1').count(), 1);
  await context.close();
});

/** The app's own files a page has asked for: its glue and its wasm, not the pre-rendered page's scripts. */
const appRequests = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((r) => /\/lede-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.name))
      .map((r) => ({ name: r.name.replace(/^.*\//, ''), start: r.startTime })),
  );

/**
 * Runs in the page before its scripts: the time of the frame in which the
 * highlighted article is first laid out, in `window.__articleFrame`. This
 * animation frame callback is asked for as soon as the parser has put a mark
 * in, before the app's loader (a module, run after the whole page is parsed)
 * can ask for anything.
 */
function recordArticleFrame() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('article mark.ent')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__articleFrame = performance.now();
    });
  }).observe(document, { subtree: true, childList: true });
}

test('a first visit fetches nothing of the app while the reader only reads; a tap on a mention starts it and is done', async () => {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, hasTouch: true, isMobile: true });
  await context.addInitScript(recordArticleFrame);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForLoadState('load');
  await page.waitForFunction(() => document.documentElement.dataset.legend === 'live');
  // The reader reads: scrolls with a finger (which touches the article
  // first) and with a wheel, opens the controls, switches a type off.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.synthesizeScrollGesture', { x: 200, y: 500, yDistance: -400, gestureSourceType: 'touch', speed: 2000 });
  await cdp.send('Input.synthesizeScrollGesture', { x: 200, y: 500, yDistance: 400, gestureSourceType: 'touch', speed: 2000 });
  await page.mouse.wheel(0, 600);
  await page.getByText('Highlights, themes and entities').tap();
  await page.getByRole('button', { name: /^Date \d+$/ }).tap();
  await page.waitForTimeout(500);
  assert.deepEqual(await appRequests(page), [], 'nothing of the app is fetched');
  assert.deepEqual(await page.evaluate(() => document.documentElement.dataset.appNeeded), undefined);
  assert.equal(await page.locator('#prerender').count(), 1);
  assert.deepEqual(await page.evaluate(() => document.querySelector('link[rel=preload]')), null);

  // A tap on a mention of Xi Jinping needs the app: it comes, takes the
  // page over, and selects him, as its own mention's tap would have.
  const xi = page.locator('#prerender article mark.ent', { hasText: 'Xi Jinping' }).first();
  await xi.tap();
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0, null, { timeout: 30_000 });
  const fetched = await appRequests(page);
  const frame = await page.evaluate(() => window.__articleFrame);
  assert.ok(fetched.some((r) => r.name.endsWith('_bg.wasm')), JSON.stringify(fetched));
  assert.ok(fetched.every((r) => r.start > frame), `the app was asked for before the article's first frame at ${frame} ms`);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('entity') === 'Xi Jinping');
  assert.ok((await page.locator('mark.ent.selected').count()) > 1, 'his mentions are selected');
  assert.equal(await page.locator('article.article').getAttribute('data-hide'), 'DATE', 'dates stay switched off');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a mention activated with no pointer, as a screen reader does, starts the app too', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.legend === 'live');
  await page.evaluate(() => document.querySelector('#prerender article mark.ent[data-label="GPE"]').click());
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0, null, { timeout: 30_000 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('entity') !== null);
  assert.ok((await page.locator('article mark.ent.selected').count()) >= 1);
  await context.close();
});

test('the app starts at once where the page needs it or the reader has used it', async () => {
  // Opened at `url` in `context`, the app starts with no sign from the
  // reader, and still only after the article's first frame.
  const started = async (context, url = server.url) => {
    await context.addInitScript(recordArticleFrame);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0, null, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.appNeeded), undefined, 'with no sign from the reader');
    const frame = await page.evaluate(() => window.__articleFrame);
    const fetched = await appRequests(page);
    assert.ok(frame !== undefined && fetched.length > 0 && fetched.every((r) => r.start > frame), `${frame}: ${JSON.stringify(fetched)}`);
    await page.close();
  };
  // A view in the address, as a shared link has it.
  const linked = await browser.newContext();
  await started(linked, `${server.url}?hide=PERSON`);
  await linked.close();
  // A shared link's tracking tags are no view: the app waits for the reader.
  const tagged = await browser.newContext();
  const link = await tagged.newPage();
  await link.goto(`${server.url}?utm_source=newsletter&fbclid=x1`);
  await link.waitForFunction(() => document.documentElement.dataset.legend === 'live');
  await link.waitForLoadState('load');
  await link.waitForTimeout(500);
  assert.deepEqual(await appRequests(link), [], 'nothing of the app for a tracking tag');
  await tagged.close();
  // Something the app keeps: the reader's colour scheme.
  const kept = await browser.newContext();
  await kept.addInitScript(() => localStorage.setItem('lede.colour-scheme', 'dark'));
  await started(kept);
  await kept.close();
  // A reader who has used the app here (its database is there, with any
  // corrections and themes of theirs), though nothing is in localStorage.
  const back = await browser.newContext();
  const first = await back.newPage();
  await first.goto(server.url);
  await startApp(first);
  await first.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0);
  await first.waitForFunction(async () => (await indexedDB.databases()).some((db) => db.name === 'lede'), null, { polling: 100 });
  assert.equal(await first.evaluate(() => localStorage.length), 0);
  await first.close();
  await started(back);
  await back.close();
});

/**
 * A phone's page with the WebAssembly held back until `release()`: the
 * pre-rendered page, its script running, and no app yet.
 */
async function waitingForTheApp() {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  context.setDefaultTimeout(10_000);
  await context.route(/\.wasm(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.legend === 'live');
  assert.equal(await page.locator('#prerender').count(), 1, 'the app has not taken over yet');
  return { context, page, errors, release };
}

test('before the app arrives, the legend answers, and the app keeps what the reader chose', async () => {
  const { context, page, errors, release } = await waitingForTheApp();

  // On a phone the controls are folded away: the reader opens them, and
  // switches people off with the keyboard and quotations off with a tap.
  await page.getByText('Highlights, themes and entities').click();
  const person = page.getByRole('button', { name: /^Person \d+$/ });
  await person.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Quotations \d+$/ }).click();
  await person.focus();
  const article = page.locator('#prerender article.article');
  assert.equal(await person.getAttribute('aria-pressed'), 'false');
  assert.equal(await article.getAttribute('data-hide'), 'PERSON');
  assert.match(await article.getAttribute('class'), /\bquotes-off\b/);
  // The style sheet takes the highlight off people, not off places.
  const background = (label) =>
    page.locator(`#prerender mark.ent[data-label="${label}"]`).first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.equal(await background('PERSON'), 'rgba(0, 0, 0, 0)');
  assert.notEqual(await background('GPE'), 'rgba(0, 0, 0, 0)');

  // None of that needed the app: it has not been asked for. A pointer over
  // the search box does need it.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.appNeeded), undefined);
  // A press of a mention does: it is outlined while the app comes, and done when it has.
  const mention = page.locator('#prerender article mark.ent[data-label="GPE"]').first();
  const pressed = await mention.getAttribute('data-mention');
  await mention.click();
  assert.match(await mention.getAttribute('class'), /\bpending\b/);
  assert.equal(await page.locator('#prerender .search-status').textContent(), 'Starting…');
  await person.focus();
  release();
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0);
  assert.equal(await page.locator('#prerender').count(), 0, 'the app has taken over');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('entity') !== null);
  assert.equal(await page.locator(`article mark.ent.selected[data-mention="${pressed}"]`).count(), 1, 'the mention pressed is selected');
  const own = page.getByRole('button', { name: /^Person \d+$/ });
  assert.equal(await own.getAttribute('aria-pressed'), 'false', 'people stay switched off');
  assert.equal(await page.getByRole('button', { name: /^Quotations \d+$/ }).getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('article.article').getAttribute('data-hide'), 'PERSON');
  assert.match(await page.locator('article.article').getAttribute('class'), /\bquotes-off\b/);
  assert.equal(await page.locator('details.controls-fold').evaluate((d) => d.open), true, 'the fold stays open');
  assert.equal(await own.evaluate((b) => b === document.activeElement), true, 'the focus stays on the toggle');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('hide') === 'PERSON');
  // And the app's toggle goes on from there.
  await own.click();
  assert.equal(await page.locator('article.article').getAttribute('data-hide'), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a header button pressed or a search typed before the app arrives is done when it does', async () => {
  const { context, page, errors, release } = await waitingForTheApp();
  const status = page.locator('#prerender .search-status');
  assert.equal(await status.textContent(), '');
  // The reader searches, presses "Open article", and presses the colour
  // scheme's switch twice (which comes to nothing): each is answered at once.
  const search = page.getByRole('searchbox', { name: 'Search the article' });
  await search.fill('China');
  assert.equal(await status.textContent(), 'Starting…', 'the page says the app is on its way');
  await page.getByRole('button', { name: 'Open article' }).click();
  const scheme = page.getByRole('button', { name: /Dark theme/ });
  await scheme.click();
  await scheme.click();
  assert.equal(await page.locator('#prerender').getAttribute('data-pending'), 'open-button');

  release();
  const dialog = page.getByRole('dialog', { name: 'Open an article' });
  await dialog.waitFor();
  assert.equal(await page.locator('#prerender').count(), 0, 'the app has taken over');
  const own = page.getByRole('searchbox', { name: 'Search the article' });
  assert.equal(await own.inputValue(), 'China', 'what was typed is kept');
  assert.match(await page.locator('.search-status').textContent(), /^\d+ matches$/, 'and searched for');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the system\'s scheme');
  // The app's dialog works from there: Escape closes it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keys for the search box and the shortcuts work before the app arrives', async () => {
  const { context, page, errors, release } = await waitingForTheApp();
  await page.keyboard.press('?');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search', '"/" goes to the search box');
  await page.keyboard.type('Xi');
  assert.equal(await page.locator('#prerender').getAttribute('data-pending'), 'icon-button');

  release();
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  assert.equal(await page.locator('#prerender').count(), 0, 'the app has taken over');
  assert.equal(await page.getByRole('searchbox', { name: 'Search the article' }).inputValue(), 'Xi');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a mention pressed with Enter before the app arrives is pressed, and keeps the focus, when it does', async () => {
  const { context, page, errors, release } = await waitingForTheApp();
  const mention = page.locator('#prerender article mark.ent[data-label="PERSON"]').first();
  const pressed = await mention.getAttribute('data-mention');
  await mention.focus();
  await page.keyboard.press('Enter');
  assert.match(await mention.getAttribute('class'), /\bpending\b/);
  release();
  await page.waitForFunction(() => document.getElementById('prerender') === null);
  const own = page.locator(`article mark.ent[data-mention="${pressed}"]`);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('entity') !== null);
  assert.match(await own.getAttribute('class'), /\bselected\b/);
  assert.equal(await own.evaluate((el) => el === document.activeElement), true, 'the focus is on the app\'s own mention');
  assert.deepEqual(errors, []);
  await context.close();
});

test('where the legend\'s script cannot load, the app starts once the page has loaded', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route(/\/start-[0-9a-f]{16}\.js$/, async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes("dataset.legend = 'live'")) return route.abort();
    return route.fulfill({ response });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('lede:panels').length > 0, null, { timeout: 30_000 });
  assert.equal(await page.locator('#prerender').count(), 0, 'the app has taken over');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.legend), undefined);
  await context.close();
});

test('a reader typing in the search box as the app arrives goes on typing in its own', async () => {
  const { context, page, errors, release } = await waitingForTheApp();
  await page.keyboard.press('/');
  await page.keyboard.type('Chin');
  release();
  await page.waitForFunction(() => document.getElementById('prerender') === null);
  await page.keyboard.type('a');
  const own = page.getByRole('searchbox', { name: 'Search the article' });
  assert.equal(await own.evaluate((el) => el === document.activeElement), true, 'the focus is in the app\'s search box');
  assert.equal(await own.inputValue(), 'China');
  assert.match(await page.locator('.search-status').textContent(), /^\d+ matches$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the colour scheme switched before the app arrives is switched when it does', async () => {
  const { context, page, errors, release } = await waitingForTheApp();
  await page.getByRole('button', { name: /Dark theme/ }).click();
  release();
  await page.waitForFunction(() => document.getElementById('prerender') === null);
  // The app follows the system's scheme (light) until the reader chooses.
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  assert.equal(await page.getByRole('button', { name: /Dark theme/ }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});
