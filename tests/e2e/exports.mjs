// Reads every text of an evaluation split in the app, as a reader would, and
// keeps what the app's exports say of it: the way Lede's accuracy is judged
// on unseen news (issue 17), rather than through the engine's example. Not a
// test: `eval/evaluate.py --exports DIR` scores what it writes.
//
// For each `eval/<split>/<name>.json` it opens the release build (DIST, or
// dist/) in headless Chromium, pastes the text in the "Open an article"
// dialog, waits for the analysis, and saves the displaCy JSON and the full
// JSON downloads as DIR/<name>.displacy.json and DIR/<name>.lede.json.
//
//   trunk build --release --offline
//   node tests/e2e/exports.mjs test /tmp/lede-exports
//   eval/.venv/bin/python eval/evaluate.py --split test --exports /tmp/lede-exports
import { mkdir, readdir, readFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchBrowser, openPage, paste, BUILD } from './harness.mjs';

const [split = 'test', out = '/tmp/lede-exports'] = process.argv.slice(2);
const gold = fileURLToPath(new URL(`../../eval/${split}/`, import.meta.url));
const names = (await readdir(gold)).filter((f) => f.endsWith('.json')).sort();
await mkdir(out, { recursive: true });

/** Clicks `button` and resolves once its download is saved at `to`. */
async function download(page, button, to) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  await copyFile(await file.path(), to);
}

const server = await serveDist(BUILD);
const browser = await launchBrowser();
try {
  for (const file of names) {
    const name = file.replace(/\.json$/, '');
    const { text } = JSON.parse(await readFile(join(gold, file), 'utf8'));
    const { page, problems } = await openPage(browser, server.url);
    await paste(page, text);
    await download(page, 'Download displaCy JSON', join(out, `${name}.displacy.json`));
    await download(page, 'Download Full JSON', join(out, `${name}.lede.json`));
    await page.context().close();
    if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
    console.log(`${name}: exported`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${names.length} texts of ${split} exported to ${out}`);
