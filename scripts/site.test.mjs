// Tests of site.mjs on a small Trunk-like folder: run with `node --test scripts/site.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { externalizeScripts, inlineContent, site } from './site.mjs';

// What Trunk 0.21 writes for a release build with public_url = "./" (minified).
const LOADER = `import init, * as bindings from './app-0123456789abcdef.js';
const wasm = await init({ module_or_path: './app-0123456789abcdef_bg.wasm' });
window.wasmBindings = bindings;`;
const PAGE = `<!doctype html><html lang=en><title>T</title><link href=./main-1.css rel=stylesheet><script type=module>${LOADER}</script><link crossorigin href=./app-0123456789abcdef.js rel=modulepreload></head><body><p>x</p></body></html>`;

test('the inline loader moves into a hashed file with its integrity digest', () => {
  const { html, files } = externalizeScripts(PAGE);
  assert.equal(files.length, 1);
  const [{ name, body }] = files;
  assert.match(name, /^start-[0-9a-f]{16}\.js$/);
  assert.equal(body, `${LOADER}\n`);
  const digest = createHash('sha384').update(body).digest('base64');
  assert.ok(html.includes(`<script type="module" src="./${name}" integrity="sha384-${digest}"></script>`), html);
  assert.deepEqual(inlineContent(html), []);
  // The rest of the page is untouched.
  assert.equal(html.replace(/<script[^>]*><\/script>/, ''), PAGE.replace(/<script[\s\S]*<\/script>/, ''));
});

test('scripts with a src, and classic inline scripts, stay where they are', () => {
  const page = `<script type="module" src="./a.js"></script><script>live()</script><script type=module></script>`;
  const { html, files } = externalizeScripts(page);
  assert.equal(html, page);
  assert.deepEqual(files, []);
});

test('what a strict policy blocks is found', () => {
  assert.deepEqual(inlineContent('<script src=./a.js></script><p class=x>'), []);
  const found = inlineContent('<script>x()</script><style>p{}</style><p style="color:red"><a onclick="y()">');
  assert.equal(found.length, 4, found.join('\n'));
});

async function snapshot(dir) {
  const names = (await readdir(dir, { recursive: true })).sort();
  return Promise.all(names.map(async (n) => [n, createHash('sha256').update(await readFile(join(dir, n))).digest('hex')]));
}

test('on a folder: siblings that decompress to the originals, stale ones removed, and a second run changes nothing', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'lede-site-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'main-1.css'), 'p { color: red }\n'.repeat(50));
  await writeFile(join(dir, 'app-0123456789abcdef_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(join(dir, 'photo.png'), Buffer.from([137, 80, 78, 71]));
  await writeFile(join(dir, 'gone.js.br'), 'left from an older build');

  const sizes = await site(dir);
  const first = await snapshot(dir);
  const names = first.map(([n]) => n);
  assert.ok(!names.includes('gone.js.br'), 'a sibling without its file is removed');
  assert.ok(!names.includes('photo.png.br'), 'images are not compressed');
  const start = names.find((n) => /^start-.*\.js$/.test(n));
  for (const file of ['index.html', 'main-1.css', 'app-0123456789abcdef_bg.wasm', start]) {
    const raw = await readFile(join(dir, file));
    assert.deepEqual(brotliDecompressSync(await readFile(join(dir, `${file}.br`))), raw, `${file}.br`);
    assert.deepEqual(gunzipSync(await readFile(join(dir, `${file}.gz`))), raw, `${file}.gz`);
  }
  assert.equal(sizes.length, 4);

  await site(dir);
  assert.deepEqual(await snapshot(dir), first);
});

test('a page with a style attribute fails the step', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'lede-site-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'index.html'), '<p style="left: 3px">x</p>');
  await assert.rejects(site(dir, { compress: false }), /style= attribute/);
});
