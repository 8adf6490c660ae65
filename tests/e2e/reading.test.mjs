// The reading experience, driven as a reader would: by role and accessible name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, servedWithBrowser } from './harness.mjs';

const seed = await readFile(new URL('../../seeds/000_98b7338e0901f976.txt', import.meta.url), 'utf8');

const { server, browser } = await servedWithBrowser();

const pressed = async (locator) => (await locator.getAttribute('aria-pressed')) === 'true';
const bodyParagraphs = (page) => page.locator('article .article-body > p');

/** Indices of body paragraphs that are neither dimmed nor hidden. */
async function passing(page) {
  return bodyParagraphs(page).evaluateAll((ps) =>
    ps.flatMap((p, i) => (p.classList.contains('dim') || p.hidden ? [] : [i])),
  );
}

test('a type toggles off and on, and its highlights follow', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const toggle = page.getByRole('button', { name: /^Person \d+$/ });
  assert.ok(await pressed(toggle));
  const xi = page.locator('mark.ent[data-label="PERSON"]').first();
  const tinted = () => xi.evaluate((el) => getComputedStyle(el).backgroundColor);
  const before = await tinted();
  assert.notEqual(before, 'rgba(0, 0, 0, 0)', 'a person is tinted');

  await toggle.click();
  assert.equal(await pressed(toggle), false);
  assert.equal(await tinted(), 'rgba(0, 0, 0, 0)', 'switched off: no tint');
  await page.waitForURL(/hide=PERSON/); // the address follows the view
  // Other types keep their highlights.
  const gpe = page.locator('mark.ent[data-label="GPE"]').first();
  assert.notEqual(await gpe.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');

  await toggle.click();
  assert.ok(await pressed(toggle));
  assert.equal(await tinted(), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('selecting Xi Jinping emphasises his mentions and steps through them', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const xi = page.getByRole('button', { name: /^Xi Jinping \d+/ });
  const count = Number((await xi.locator('.count').textContent()).trim());
  assert.ok(count >= 4, `Xi Jinping has ${count} mentions`);
  await xi.click();
  assert.ok(await pressed(xi));
  const selected = page.locator('mark.ent.selected');
  assert.equal(await selected.count(), count);
  for (const text of await selected.allTextContents()) {
    assert.match(text, /^(Xi|Xi Jinping)$/);
  }

  const next = page.getByRole('button', { name: 'Next mention' });
  const seen = [];
  for (let i = 1; i <= count; i++) {
    await next.click();
    assert.equal(await page.locator('.selected .status').textContent(), `Mention ${i} of ${count}`);
    const focused = await page.evaluate(() => document.activeElement.dataset.mention);
    seen.push(focused);
    const inView = await page.locator(`mark[data-mention="${focused}"]`).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.ok(inView, `mention ${i} is scrolled into view`);
  }
  assert.equal(new Set(seen).size, count, 'each mention once');
  await next.click();
  assert.equal(await page.locator('.selected .status').textContent(), `Mention 1 of ${count}`, 'wraps around');
  await page.getByRole('button', { name: 'Previous mention' }).click();
  assert.equal(await page.locator('.selected .status').textContent(), `Mention ${count} of ${count}`);

  // Only the paragraphs that mention him.
  await page.getByRole('button', { name: 'Only paragraphs that mention it' }).click();
  const kept = await passing(page);
  const texts = await bodyParagraphs(page).allInnerTexts();
  assert.ok(kept.length > 0 && kept.length < texts.length);
  for (const [i, t] of texts.entries()) {
    assert.equal(kept.includes(i), /\bXi\b/.test(t), `paragraph ${i}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a hovered mention shows its card, which the pointer can reach and Esc dismisses', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await page.locator('mark.ent', { hasText: 'Xi Jinping' }).first().hover();
  const card = page.getByRole('tooltip');
  await card.waitFor();
  const text = await card.innerText();
  assert.match(text, /Person/i);
  assert.match(text, /Xi Jinping/);
  assert.match(text, /mentions?/);
  assert.match(text, /Found by/);
  assert.match(text, /Wikidata: Q\d+/);

  // The pointer can move down onto the card (WCAG 1.4.13: hoverable) and follow its link.
  const box = await card.boundingBox();
  await page.mouse.move(box.x + 12, box.y + box.height - 8, { steps: 8 });
  assert.ok(await card.isVisible(), 'the card stays under the pointer');
  const link = card.getByRole('link', { name: /^Q\d+$/ });
  assert.match(await link.getAttribute('href'), /^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/);
  // Off the card, it goes.
  await page.mouse.move(box.x + box.width + 200, box.y - 200);
  await card.waitFor({ state: 'detached' });
  // Esc dismisses it without moving the pointer (WCAG 1.4.13: dismissible).
  await page.locator('mark.ent', { hasText: 'Xi Jinping' }).first().hover();
  await card.waitFor();
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('filtering to economy keeps the trade paragraph, dims or hides the rest', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const economy = page.getByRole('button', { name: /^Economy \d+$/ });
  await economy.click();
  assert.ok(await pressed(economy));
  const texts = await bodyParagraphs(page).allInnerTexts();
  const kept = await passing(page);
  const trade = texts.findIndex((t) => t.includes('economic and trade relations'));
  assert.ok(kept.includes(trade), 'the trade paragraph passes');
  const taiwan = texts.findIndex((t) => t.includes('Taiwan question'));
  assert.ok(!kept.includes(taiwan), 'the Taiwan paragraph does not');
  assert.equal(await page.locator('.article-body p.dim').count(), texts.length - kept.length);
  // The evidence for the chosen theme is marked in the text.
  assert.ok((await page.locator(`.article-body > p >> nth=${trade} >> .ev-on`).count()) > 0);

  await page.getByRole('button', { name: 'Hide other paragraphs' }).click();
  assert.equal(await page.locator('.article-body > p:visible').count(), kept.length);
  await page.waitForURL(/outside=hide/); // the address follows the view
  await page.screenshot({ path: 'screenshots/economy-hidden.png' });

  // Clearing the themes unmarks their evidence and shows every paragraph.
  await page.getByRole('button', { name: 'Clear themes' }).click();
  assert.equal(await page.locator('.ev-on').count(), 0);
  assert.equal(await page.locator('.article-body > p:visible').count(), texts.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two themes combine with any and all', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: /^Cooperation \d+$/ }).click();
  await page.getByRole('button', { name: /^Dialogue \d+$/ }).click();
  const any = await passing(page);
  await page.getByRole('button', { name: 'Match all chosen' }).click();
  await page.waitForURL(/match=all/); // the address follows the view
  const all = await passing(page);
  assert.ok(all.length < any.length, `all (${all.length}) is narrower than any (${any.length})`);
  for (const i of all) assert.ok(any.includes(i));
  await context.close();
});

test('search marks every "win-win", counts them and steps through them', async () => {
  const { page, context } = await openPage(browser, server.url);
  const expected = seed.toLowerCase().split('win-win').length - 1;
  assert.ok(expected > 1);
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search the article' });
  assert.ok(await box.evaluate((el) => el === document.activeElement), '/ focuses the search box');
  await page.keyboard.type('win-win');
  assert.equal(await page.locator('mark.hit').count(), expected);
  assert.equal(await page.locator('.search-status').textContent(), `${expected} matches`);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.search-status').textContent(), `1 of ${expected}`);
  await page.getByRole('button', { name: 'Next match' }).click();
  assert.equal(await page.locator('.search-status').textContent(), `2 of ${expected}`);
  await page.waitForURL(/q=win-win/); // the address follows the view
  await box.focus();
  await page.keyboard.press('Escape');
  assert.equal(await box.inputValue(), '');
  assert.equal(await page.locator('mark.hit').count(), 0);
  await context.close();
});

test('a search typed just before another change keeps its own history entry', async () => {
  const { page, context } = await openPage(browser, server.url);
  const box = page.getByRole('searchbox', { name: 'Search the article' });
  // Typed and followed at once by a toggle: the URL's search waits for the
  // typing to pause, and must not be lost when the toggle adds an entry.
  await box.fill('trade');
  await page.getByRole('button', { name: /^Person \d+$/ }).click();
  await page.waitForURL(/hide=.*q=trade|q=trade.*hide=/);
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.get('q') === 'trade' && !url.searchParams.has('hide'));
  assert.equal(await box.inputValue(), 'trade');
  await context.close();
});

/** Whether the element `selector` names is on screen, waiting for a smooth scroll to get it there. */
const scrolledIntoView = (page, selector) =>
  page.waitForFunction((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, selector);

/**
 * Waits until each of the minimap's `kind` marks is as far down the strip as
 * the element `targets` selects (the same number, in order) is down the page,
 * to 2% of the page's height; fails after the default timeout.
 */
const alignedOnStrip = (page, kind, targets) =>
  page.waitForFunction(
    ([kind, targets]) => {
      const strip = document.querySelector('.minimap').getBoundingClientRect();
      const height = document.documentElement.scrollHeight;
      const marks = [...document.querySelectorAll(`.minimap .mark.${kind}`)];
      const els = [...document.querySelectorAll(targets)];
      return (
        marks.length > 0 &&
        marks.length === els.length &&
        marks.every((m, i) => {
          const onStrip = (m.getBoundingClientRect().top - strip.top) / strip.height;
          const onPage = (els[i].getBoundingClientRect().top + scrollY) / height;
          return Math.abs(onStrip - onPage) < 0.02;
        })
      );
    },
    [kind, targets],
  );

test('the minimap shows where the selected entity, chosen themes and matches are, and a click jumps there', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  const marks = (kind) => page.locator(`.minimap .mark.${kind}`);
  const tops = (kind) => marks(kind).evaluateAll((ms) => ms.map((m) => m.getBoundingClientRect().top));
  assert.equal(await page.locator('.minimap .mark').count(), 0, 'nothing chosen, nothing marked');

  // One mark per mention of the selected entity, in the order of the text.
  const xi = page.getByRole('button', { name: /^Xi Jinping \d+/ });
  const count = Number((await xi.locator('.count').textContent()).trim());
  await xi.click();
  assert.equal(await marks('entity').count(), count);
  const at = await tops('entity');
  assert.deepEqual(at, [...at].sort((a, b) => a - b), 'marks in the order of the mentions');
  assert.ok(at[0] < at[count - 1]);
  // As far down the strip as the mentions are down the page, like a scroll bar.
  await alignedOnStrip(page, 'entity', 'mark.ent.selected');
  // Its last mark jumps to his last mention.
  await marks('entity').last().click();
  assert.equal(await page.locator('.selected .status').textContent(), `Mention ${count} of ${count}`);
  const last = await page.locator('mark.ent.selected').last().getAttribute('data-mention');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.mention), last);
  await scrolledIntoView(page, `mark[data-mention="${last}"]`);

  // One mark per paragraph about a chosen theme; a click brings the paragraph into view.
  await page.getByRole('button', { name: /^Cooperation \d+$/ }).click();
  const about = await passing(page);
  assert.equal(await marks('theme').count(), about.length);
  assert.equal(await marks('entity').count(), count, 'the selection keeps its marks');
  await page.evaluate(() => scrollTo(0, 0));
  await marks('theme').last().click();
  await scrolledIntoView(page, `.article-body > p:nth-of-type(${about.at(-1) + 1})`);
  await alignedOnStrip(page, 'theme', '.article-body > p:not(.dim)');
  // With the other paragraphs hidden, the marks follow the paragraphs up the page.
  await page.getByRole('button', { name: 'Hide other paragraphs' }).click();
  await alignedOnStrip(page, 'theme', '.article-body > p:not([hidden])');
  await page.getByRole('button', { name: 'Hide other paragraphs' }).click(); // back to dimming

  // One mark per search match; a click makes that match the current one.
  await page.getByRole('searchbox', { name: 'Search the article' }).fill('win-win');
  const hits = await page.locator('mark.hit').count();
  assert.ok(hits > 1);
  assert.equal(await marks('hit').count(), hits);
  await marks('hit').nth(1).click();
  assert.equal(await page.locator('.search-status').textContent(), `2 of ${hits}`);
  await scrolledIntoView(page, 'mark.hit[data-hit="1"]');

  // Clearing the choices clears the strip.
  await page.getByRole('button', { name: 'Clear themes' }).click();
  assert.equal(await marks('theme').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the URL reproduces the view, back and forward step through it, and bad parameters are ignored', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.getByRole('button', { name: /^Date \d+$/ }).click();
  await page.getByRole('button', { name: /^History \d+$/ }).click();
  await page.getByRole('button', { name: /^Donald Trump \d+/ }).click();
  await page.getByRole('searchbox', { name: 'Search the article' }).fill('China');
  // The address follows the view a moment after the change (an effect writes it).
  await page.waitForURL(/[?&]q=China(&|$)/);
  const url = page.url();
  const state = async (p) => ({
    date: await p.getByRole('button', { name: /^Date \d+$/ }).getAttribute('aria-pressed'),
    history: await p.getByRole('button', { name: /^History \d+$/ }).getAttribute('aria-pressed'),
    trump: await p.getByRole('button', { name: /^Donald Trump \d+/ }).getAttribute('aria-pressed'),
    search: await p.getByRole('searchbox').inputValue(),
    hits: await p.locator('mark.hit').count(),
    kept: await passing(p),
  });
  const expected = await state(page);
  assert.deepEqual(
    [expected.date, expected.history, expected.trump, expected.search],
    ['false', 'true', 'true', 'China'],
  );

  const other = await openPage(browser, url);
  assert.deepEqual(await state(other.page), expected, 'the same view from the URL');
  assert.deepEqual(other.problems, []);
  await other.context.close();

  // Back undoes the last change that added a history entry (the selection).
  await page.goBack();
  assert.equal(await page.getByRole('button', { name: /^Donald Trump \d+/ }).getAttribute('aria-pressed'), 'false');
  await page.goForward();
  assert.equal(await page.getByRole('button', { name: /^Donald Trump \d+/ }).getAttribute('aria-pressed'), 'true');

  const bad = await openPage(
    browser,
    `${server.url}?hide=NOPE,,GPE&themes=,,nonexistent&entity=Nobody%20At%20All&match=maybe&outside=x&q=&zzz=1`,
  );
  assert.equal(await bad.page.locator('.article-body > p').count(), 19);
  assert.equal(await bad.page.getByRole('button', { name: /^Country, city or state \d+$/ }).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(bad.problems, []);
  await bad.context.close();
  await context.close();
});

test('the page works from the keyboard alone', async () => {
  const { page, context } = await openPage(browser, server.url);
  // The first Tab reaches the skip link, which takes focus to the article.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the article');

  // Every control has an accessible name and can be reached by Tab.
  const reached = new Set();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const visible = getComputedStyle(el).outlineStyle !== 'none' || el.matches(':focus-visible');
      return { tag: el.tagName, name: el.getAttribute('aria-label') || el.textContent.trim(), visible };
    });
    assert.ok(info.name.length > 0, `${info.tag} has a name`);
    assert.ok(info.visible, `${info.name} shows focus`);
    reached.add(info.name);
  }
  for (const name of ['Search the article', 'Keyboard shortcuts']) {
    assert.ok(reached.has(name), `${name} is reachable`);
  }
  assert.ok([...reached].some((n) => n.startsWith('AbPerson')), 'legend toggles are reachable');
  assert.ok([...reached].some((n) => n.startsWith('Cooperation')), 'theme chips are reachable');

  // A theme chip works with the keyboard.
  const chip = page.getByRole('button', { name: /^Cooperation \d+$/ });
  await chip.focus();
  await page.keyboard.press('Enter');
  assert.ok(await pressed(chip));

  // Enter on a focused mention selects its entity; ] steps to its next mention.
  await page.locator('mark.ent', { hasText: 'Donald Trump' }).first().focus();
  // Focus shows the mention's card, as hovering does.
  const card = page.getByRole('tooltip');
  await card.waitFor();
  assert.match(await card.innerText(), /Donald Trump/);
  // Esc dismisses it, and focus stays on the mention.
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Donald Trump');
  await page.keyboard.press('Enter');
  assert.ok(await pressed(page.getByRole('button', { name: /^Donald Trump \d+/ })));
  await page.keyboard.press(']');
  assert.match(await page.locator('.selected .status').textContent(), /^Mention \d of \d$/);

  // ? opens the shortcuts, Esc closes them.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await context.close();
});

test('mentions are announced with their type, and the page stays small and timed', async () => {
  const { page, context } = await openPage(browser, server.url);
  const snapshot = await page.locator('mark.ent', { hasText: 'Pacific Ocean' }).first().ariaSnapshot();
  assert.match(snapshot, /Pacific Ocean \(Place\)/);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  assert.ok(elements < 1500, `${elements} DOM elements`);
  const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
  assert.ok(measures.includes('lede:analyze'));
  assert.ok(measures.includes('lede:render'));
  assert.ok(measures.includes('lede:panels'));
  await context.close();
});
