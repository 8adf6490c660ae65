// Correcting the analysis, as a reader does: on the text itself, by role and
// name, with the keyboard too; the corrections show in the panel counts and
// the exports, survive a reload, step back and forth, and travel as a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, paste, servedWithBrowser } from './harness.mjs';

// Written for this test: the engine misses the lower-case firm and reads
// every "Lisbon" as a city.
const ARTICLE = `Port talks resume in Lisbon

By Ana Costa, Reuters

Officials from Portugal and Brazil met in Lisbon on Monday. A deal drafted with help from zorblatt logistics pleased traders in Lisbon.

Later the ministers flew to Porto, where the mayor of Porto welcomed them.

“We are ready,” Costa said after the talks.`;

const { server, browser } = await servedWithBrowser();

/** Drags the mouse over `from` to `to` (substrings of the article's text, in order). */
async function drag(page, from, to) {
  const box = await page.evaluate(
    ([from, to]) => {
      const rectAt = (phrase, end) => {
        const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.data.indexOf(phrase);
          if (i < 0) continue;
          const r = document.createRange();
          const at = end ? i + phrase.length - 1 : i;
          r.setStart(n, at);
          r.setEnd(n, at + 1);
          return r.getBoundingClientRect();
        }
        throw new Error(`no ${phrase}`);
      };
      const a = rectAt(from, false);
      const b = rectAt(to, true);
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    },
    [from, to],
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 6 });
  await page.mouse.up();
}

const panel = (page) => page.getByRole('region', { name: 'Corrections', exact: true });
const marks = (page, text) => page.locator('article mark.ent', { hasText: new RegExp(`^${text}$`) });
const labelsOf = (page, text) => marks(page, text).evaluateAll((ms) => ms.map((m) => m.dataset.label));

/** The displaCy export, downloaded, as (text, label) pairs. */
async function displacy(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download displaCy JSON' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  const chars = [...doc.text];
  return doc.ents.map((e) => [chars.slice(e.start, e.end).join(''), e.label]);
}

/** The count the entity panel shows for the entity named `name` among `group`. */
async function panelCount(page, group, name) {
  const section = page.getByRole('region', { name: group });
  const button = section.getByRole('button', { name: new RegExp(`^${name} \\d+`) });
  return Number((await button.locator('.count').textContent()).trim());
}

/** Resolves once IndexedDB holds `n` corrections for the open text. */
async function stored(page, n) {
  await page.waitForFunction(async (n) => {
    const db = await new Promise((ok, no) => {
      const req = indexedDB.open('lede');
      req.onsuccess = () => ok(req.result);
      req.onerror = no;
    });
    const all = await new Promise((ok) => {
      const req = db.transaction('corrections').objectStore('corrections').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return all.some((r) => JSON.parse(r).corrections.length === n);
  }, n);
}

test('a reader corrects the reading in place, and it all stays', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await paste(page, ARTICLE);
  const corrections = panel(page);
  assert.deepEqual(await labelsOf(page, 'Lisbon'), ['GPE', 'GPE', 'GPE']);
  assert.equal(await marks(page, 'zorblatt logistics').count(), 0, 'the engine misses the firm');

  // 1. Select a missed name (part of it: the selection snaps to whole words)
  //    and add it as an organisation.
  await drag(page, 'blatt', 'logist');
  await corrections.getByText('Selected: “zorblatt logistics”.').waitFor();
  assert.equal(await page.evaluate(() => getSelection().toString()), 'zorblatt logistics');
  await corrections.getByLabel('Type').selectOption('ORG');
  await corrections.getByRole('button', { name: 'Add as entity' }).click();
  const firm = marks(page, 'zorblatt logistics');
  await firm.waitFor();
  assert.equal(await firm.getAttribute('data-label'), 'ORG');
  assert.equal(await firm.getAttribute('data-corrected'), 'true', 'marked as corrected');
  assert.equal(await page.getByRole('status').filter({ hasText: 'Added “zorblatt logistics” as ORG' }).count(), 1);

  // 2. Retype one mention of a place, and only that one, by keyboard: focus
  //    it, "t", the type's initial, Enter.
  await marks(page, 'Lisbon').nth(1).focus();
  await corrections.getByText(/^Mention “Lisbon”/).waitFor();
  // The type list shows the mention's own type (not the one last picked),
  // and retyping a mention to the type it has adds nothing and says why.
  assert.equal(await corrections.getByLabel('Type').inputValue(), 'GPE');
  await corrections.getByRole('button', { name: 'Retype this mention' }).click();
  await page.getByRole('status').filter({ hasText: '“Lisbon” is already of the type Country, city or state' }).waitFor();
  assert.deepEqual(await labelsOf(page, 'Lisbon'), ['GPE', 'GPE', 'GPE']);
  await marks(page, 'Lisbon').nth(1).focus();
  await page.keyboard.press('t');
  assert.equal(await page.evaluate(() => document.activeElement.id === 'correct-type'), true);
  await page.keyboard.type('Pla'); // the list finds types as they are typed: Place
  assert.equal(await corrections.getByLabel('Type').inputValue(), 'LOC');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('mark.ent[data-label="LOC"]').length === 1);
  assert.deepEqual(await labelsOf(page, 'Lisbon'), ['GPE', 'LOC', 'GPE'], 'only that one');
  assert.equal(await panelCount(page, 'Places', 'Lisbon'), 1);
  assert.equal(await panelCount(page, 'Countries, cities, states', 'Lisbon'), 2);

  // 3. Remove a false mention, then undo it (Ctrl+Z), redo it
  //    (Ctrl+Shift+Z), and undo it again.
  await marks(page, 'Monday').click();
  await corrections.getByRole('button', { name: 'Remove this mention' }).click();
  await marks(page, 'Monday').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await marks(page, 'Monday').waitFor();
  await page.keyboard.press('Control+Shift+z');
  await marks(page, 'Monday').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await marks(page, 'Monday').waitFor();
  await corrections.getByRole('button', { name: 'Redo' }).click();
  await marks(page, 'Monday').waitFor({ state: 'detached' });

  // 4. Merge two entities: Porto joins Portugal.
  await marks(page, 'Porto').first().click();
  // The list of entities is built when the reader goes to it: here by its key.
  await page.keyboard.press('m');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'correct-merge');
  await corrections.getByLabel('Merge with').selectOption({ label: 'Portugal (Country, city or state)' });
  await corrections.getByRole('button', { name: 'Merge' }).click();
  await page.waitForFunction(() => {
    const ps = [...document.querySelectorAll('mark.ent')].filter((m) => /^Port(o|ugal)$/.test(m.textContent));
    return ps.length === 3 && new Set(ps.map((m) => m.dataset.entity)).size === 1;
  });
  assert.equal(await panelCount(page, 'Countries, cities, states', 'Portugal'), 3);

  // Every correction shows in the displaCy export.
  const ents = await displacy(page);
  assert.ok(ents.some(([t, l]) => t === 'zorblatt logistics' && l === 'ORG'));
  assert.deepEqual(ents.filter(([t]) => t === 'Lisbon').map(([, l]) => l), ['GPE', 'LOC', 'GPE']);
  assert.ok(!ents.some(([t]) => t === 'Monday'));
  const list = corrections.getByRole('list', { name: /corrections/ }).getByRole('listitem');
  assert.equal(await list.count(), 4);

  // After a reload, all of it is still there.
  await stored(page, 4);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('mark.ent[data-corrected]').length >= 4);
  assert.deepEqual(await labelsOf(page, 'Lisbon'), ['GPE', 'LOC', 'GPE']);
  assert.equal(await marks(page, 'Monday').count(), 0);
  assert.deepEqual(await displacy(page), ents);
  assert.equal(await panel(page).getByRole('list', { name: /corrections/ }).getByRole('listitem').count(), 4);

  // A jump to a correction focuses its mention; a correction can be dropped.
  await panel(page).getByRole('button', { name: 'Go to: Added “zorblatt logistics” as ORG' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'zorblatt logistics');
  await panel(page).getByRole('button', { name: 'Drop: Removed “Monday”' }).click();
  await marks(page, 'Monday').waitFor();
  await page.keyboard.press('Control+z');
  await marks(page, 'Monday').waitFor({ state: 'detached' });

  // The corrections travel as a file: a fresh page with the same text
  // imports them and reads the same.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page).getByRole('button', { name: 'Export corrections' }).click(),
  ]);
  const file = await download.path();
  const fresh = await openPage(browser, server.url);
  await paste(fresh.page, ARTICLE);
  assert.deepEqual(await labelsOf(fresh.page, 'Lisbon'), ['GPE', 'GPE', 'GPE']);
  await panel(fresh.page).getByLabel('Import corrections').setInputFiles(file);
  await panel(fresh.page).getByText('Imported 4 corrections').first().waitFor();
  assert.deepEqual(await displacy(fresh.page), ents);

  // And "Reset to the engine's reading", once confirmed, undoes them all.
  fresh.page.once('dialog', (d) => d.accept());
  await panel(fresh.page).getByRole('button', { name: 'Reset to the engine’s reading' }).click();
  await fresh.page.waitForFunction(() => !document.querySelector('mark.ent[data-corrected]'));
  assert.deepEqual(await labelsOf(fresh.page, 'Lisbon'), ['GPE', 'GPE', 'GPE']);

  assert.deepEqual(problems, []);
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
  await context.close();
});

test('a merge keeps the entity chosen while another correction renumbers the entities', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await paste(page, ARTICLE);
  const corrections = panel(page);
  // Reuters goes, so every entity listed after it has one number less…
  await marks(page, 'Reuters').focus();
  await page.keyboard.press('x');
  await marks(page, 'Reuters').waitFor({ state: 'detached' });
  await marks(page, 'Porto').first().click();
  await page.keyboard.press('m');
  await corrections.getByLabel('Merge with').selectOption({ label: 'Portugal (Country, city or state)' });
  // …and comes back before the merge: Portugal is still the one chosen.
  await corrections.getByRole('button', { name: 'Undo' }).click();
  await marks(page, 'Reuters').waitFor();
  await corrections.getByRole('button', { name: 'Merge' }).click();
  await corrections.getByRole('listitem').filter({ hasText: 'Merged “Porto” into' }).waitFor();
  const entityOf = (text) => marks(page, text).first().getAttribute('data-entity');
  assert.equal(await entityOf('Porto'), await entityOf('Portugal'), 'Porto joined Portugal');
  assert.notEqual(await entityOf('Porto'), await entityOf('Reuters'));
  assert.equal(await panelCount(page, 'Countries, cities, states', 'Portugal'), 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the mention stepped to stays on its mention through corrections', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await paste(page, ARTICLE);
  await page.getByRole('region', { name: 'Countries, cities, states' }).getByRole('button', { name: /^Lisbon \d+/ }).click();
  const selected = page.getByRole('group', { name: 'Selected: Lisbon' });
  await selected.getByRole('button', { name: 'Next mention' }).click();
  await selected.getByRole('button', { name: 'Next mention' }).click();
  await selected.getByText('Mention 2 of 3').waitFor();
  const current = () => page.evaluate(() => {
    const marks = [...document.querySelectorAll('article mark.ent')];
    const at = marks.findIndex((m) => m.classList.contains('current'));
    return at < 0 ? null : [marks[at].textContent, marks.slice(0, at).filter((m) => m.textContent === marks[at].textContent).length];
  });
  assert.deepEqual(await current(), ['Lisbon', 1]);
  // A mention before it goes: the mentions after it are renumbered.
  await marks(page, 'Reuters').focus();
  await page.keyboard.press('x');
  await marks(page, 'Reuters').waitFor({ state: 'detached' });
  await selected.getByText('Mention 2 of 3').waitFor();
  assert.deepEqual(await current(), ['Lisbon', 1]);
  await selected.getByRole('button', { name: 'Next mention' }).click();
  await selected.getByText('Mention 3 of 3').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the card shown stays on its mention when an undo brings back one before it', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await paste(page, ARTICLE);
  await marks(page, 'Reuters').focus();
  await page.keyboard.press('x');
  await marks(page, 'Reuters').waitFor({ state: 'detached' });
  await marks(page, 'Portugal').focus();
  const card = page.getByRole('tooltip');
  await card.getByText('Portugal', { exact: true }).waitFor();
  await page.keyboard.press('Control+z');
  await marks(page, 'Reuters').waitFor();
  assert.equal(await card.locator('.card-name').textContent(), 'Portugal');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keys that correct are listed in the ? dialog', async () => {
  const { page, context } = await openPage(browser, server.url);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  for (const what of ['Undo the last correction', 'Redo it', 'Add the selected words as an entity']) {
    assert.ok(await dialog.getByText(what, { exact: false }).isVisible(), what);
  }
  await context.close();
});

test('of two entities with one name, the URL reopens on the one selected', async () => {
  const { page, problems } = await openPage(browser, server.url);
  await paste(page, 'Talks in Hanoi\n\nLi Qiang spoke on Monday. Later, Li said yes, and Li left.');
  const li = marks(page, 'Li');
  assert.equal(await li.count(), 2, 'the engine reads both as Li Qiang');
  // Split them out of Li Qiang (both: they are the same words), then make
  // the second an organisation: two entities called "Li".
  await li.nth(0).focus();
  await panel(page).getByText(/^Mention “Li”/).waitFor();
  await page.keyboard.press('s');
  await page.waitForFunction(() => document.querySelectorAll('mark.ent[data-corrected]').length === 2);
  await li.nth(1).focus();
  await panel(page).getByLabel('Type').selectOption('ORG');
  await panel(page).getByRole('button', { name: 'Retype this mention' }).click();
  await page.waitForFunction(() => document.querySelectorAll('mark.ent[data-label="ORG"]').length === 1);
  const entities = await li.evaluateAll((ms) => ms.map((m) => m.dataset.entity));
  assert.equal(new Set(entities).size, 2, 'two entities');

  // Select the second "Li" in the text: the URL names it as the second.
  await li.nth(1).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('n') === '2');
  assert.equal(new URL(page.url()).searchParams.get('entity'), 'Li');
  const selected = () => page.locator('mark.ent.selected').evaluateAll((ms) => ms.map((m) => m.dataset.entity));
  assert.deepEqual(await selected(), [entities[1]]);

  // Reopened from its address, the page selects that one, not the first.
  await page.reload();
  await li.nth(1).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('mark.ent.selected').length === 1);
  const reloaded = await li.evaluateAll((ms) => ms.map((m) => m.dataset.entity));
  assert.deepEqual(await selected(), [reloaded[1]]);
  assert.deepEqual(problems, []);
});
