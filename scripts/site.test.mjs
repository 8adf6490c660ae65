// Tests of site.mjs on a small Trunk-like folder: run with `node --test scripts/site.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { analysisHtml, firstScreenEnd, prerender, viewKeysHtml } from './prerender.mjs';
import { externalizeScripts, inlineContent, serviceWorker, site, startWhenNeeded } from './site.mjs';

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

test("the app starts after the first frame when needed, fetching its wasm with the preload's digest", () => {
  const preload = '<link as=fetch crossorigin href=./app-0123456789abcdef_bg.wasm integrity=sha384-d1g35t rel=preload type=application/wasm>';
  const page = PAGE.replace('</head>', `${preload}</head>`);
  const html = startWhenNeeded(page);
  assert.ok(!html.includes('rel=preload'), 'the wasm is no longer preloaded');
  assert.ok(!/<link[^>]*modulepreload/.test(html), 'the glue is not preloaded before the first frame');
  const [{ body }] = externalizeScripts(html).files;
  const lines = body.split('\n');
  const waits = lines.findIndex((l) => l.includes('requestAnimationFrame'));
  const preloads = lines.findIndex((l) => l.includes('{"href":"./app-0123456789abcdef.js"}'));
  const imports = lines.findIndex((l) => l.includes("await import('./app-0123456789abcdef.js')"));
  const needed = lines.findIndex((l) => l.includes('if (visible && !(await startAtOnce())) await appNeeded();'));
  assert.ok(waits >= 0 && needed > waits && preloads > needed && imports > preloads, body);
  assert.ok(body.includes('  appNotLoaded("The rest of Lede could not be loaded'), 'a failed fetch is said, not silent');
  const cached = lines.findIndex((l) => l.includes("postMessage('cache-app')"));
  assert.ok(cached > imports, 'the service worker keeps the app once it has started');
  assert.ok(body.includes("rel: 'modulepreload'"), body);
  assert.ok(body.includes("module_or_path: fetch('./app-0123456789abcdef_bg.wasm', { integrity: 'sha384-d1g35t' })"), body);
  assert.ok(!/^import /m.test(body), 'no static import: it would fetch and run the glue before the frame');
  assert.ok(body.includes('window.wasmBindings = bindings;'), "the rest of Trunk's loader stays");
  // A second run, and a page without Trunk's loader, are left as they are.
  assert.equal(startWhenNeeded(html), html);
  assert.equal(startWhenNeeded('<p>x</p>'), '<p>x</p>');
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
  await writeWorker(dir);

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
  // index.html, the css, the wasm, the start-up script, the worker's three files and sw.js.
  assert.equal(sizes.length, 8);

  await site(dir);
  assert.deepEqual(await snapshot(dir), first);
});

test('a page with a style attribute fails the step', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'lede-site-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'index.html'), '<p style="left: 3px">x</p>');
  await assert.rejects(site(dir, { compress: false }), /style= attribute/);
});

// What Trunk writes for a worker built with data-loader-shim.
const WORKER = {
  'app-worker.js': 'let wasm_bindgen = function () {};\n',
  'app-worker_bg.wasm': Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 7]),
  'app-worker_loader.js': 'importScripts("./app-worker.js");wasm_bindgen("./app-worker_bg.wasm");',
};
const writeWorker = (dir) => Promise.all(Object.entries(WORKER).map(([name, body]) => writeFile(join(dir, name), body)));
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** A folder as Trunk leaves it, with a worker; removed after the test. */
async function folder(t) {
  const dir = await mkdtemp(join(tmpdir(), 'lede-site-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'main-1.css'), 'p { color: red }\n');
  await writeWorker(dir);
  return dir;
}

test("the worker's files are named after their content, and the page names its loader", async (t) => {
  const dir = await folder(t);
  await site(dir, { compress: false, offline: false });
  const names = await readdir(dir);
  const js = `app-worker-${short(WORKER['app-worker.js'])}.js`;
  const wasm = `app-worker-${short(WORKER['app-worker_bg.wasm'])}_bg.wasm`;
  const loaderText = `importScripts("./${js}");wasm_bindgen("./${wasm}").catch(reportError);`;
  const loader = `app-worker_loader-${short(loaderText)}.js`;
  assert.deepEqual(names.filter((n) => n.startsWith('app-worker')).sort(), [js, wasm, loader].sort());
  assert.equal(await readFile(join(dir, loader), 'utf8'), loaderText);
  assert.deepEqual(await readFile(join(dir, wasm)), WORKER['app-worker_bg.wasm']);
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  assert.ok(html.includes(`<meta name="app-worker" content="./${loader}"></head>`), html);
  // A debug build has no service worker.
  assert.ok(!names.includes('sw.js') && !html.includes('lede-service-worker'), html);

  // Another worker module, another name for it and for the loader.
  const other = await folder(t);
  await writeFile(join(other, 'app-worker_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 8]));
  await site(other, { compress: false, offline: false });
  const otherNames = await readdir(other);
  assert.ok(!otherNames.includes(wasm) && !otherNames.includes(loader), otherNames.join(' '));
  assert.ok(otherNames.includes(js), 'the unchanged glue keeps its name');
});

test('sw.js lists every file of the build with its digest, and the page names it', async (t) => {
  const dir = await folder(t);
  await site(dir);
  const all = (await readdir(dir, { recursive: true })).sort();
  const { build, files, text } = await serviceWorker(dir);
  assert.equal(await readFile(join(dir, 'sw.js'), 'utf8'), text);
  const expected = all.filter((n) => !/\.(br|gz)$/.test(n) && n !== 'sw.js');
  assert.deepEqual(Object.keys(files), expected);
  for (const name of expected) assert.equal(files[name], sri(await readFile(join(dir, name))), name);
  assert.equal(expected.filter((n) => n.startsWith('app-worker')).length, 3, 'the analysis worker is listed too');
  assert.match(text, new RegExp(`const BUILD = '${build}';`));
  assert.ok((await readFile(join(dir, 'index.html'), 'utf8')).includes('<meta name="lede-service-worker" content="./sw.js">'));

  // Any file changed is another build.
  await writeFile(join(dir, 'main-1.css'), 'p { color: blue }\n');
  assert.notEqual((await serviceWorker(dir)).build, build);
});

/**
 * Runs sw.js from `dir` as a browser would, at `scope`, with an in-memory
 * Cache Storage (`stores`, name → Map of URL → body) and a network (`network`,
 * URL → body; every fetch recorded in `fetched`, with its options).
 */
async function runWorker(dir, scope, stores = new Map()) {
  const handlers = {};
  const fetched = [];
  const network = new Map();
  const cacheOf = (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name);
    return {
      put: async (url, response) => void store.set(url, response.body),
      keys: async () => [...store.keys()].map((url) => ({ url })),
      match: async (url) => {
        if (!store.has(url)) return undefined;
        const body = store.get(url);
        return Object.defineProperty({ body, fromCache: true }, 'clone', { value: () => ({ body }) });
      },
    };
  };
  const self = {
    skipped: 0,
    skipWaiting: () => void (self.skipped += 1),
    registration: { scope },
    location: { href: new URL('sw.js', scope).href },
    addEventListener: (type, handler) => void (handlers[type] = handler),
  };
  const context = {
    self,
    URL,
    // Chromium's, as far as the static routes use it: what it was made of.
    URLPattern: class {
      constructor(init) {
        this.init = init;
      }
    },
    caches: {
      open: async (name) => cacheOf(name),
      keys: async () => [...stores.keys()],
      delete: async (name) => stores.delete(name),
    },
    fetch: async (url, options) => {
      const key = typeof url === 'string' ? url : url.url;
      fetched.push({ url: key, options });
      if (!network.has(key)) throw new TypeError('Failed to fetch');
      const body = network.get(key);
      return { ok: true, status: 200, body, clone: () => ({ body }) };
    },
  };
  vm.runInNewContext(await readFile(join(dir, 'sw.js'), 'utf8'), context);
  /** Dispatches an event; resolves to what it waited for or responded with. */
  const routes = [];
  const dispatch = async (type, fields = {}) => {
    let promise;
    handlers[type]({
      ...fields,
      waitUntil: (p) => (promise = p),
      respondWith: (p) => (promise = p),
      addRoutes: async (rules) => void routes.push(...rules),
    });
    return promise;
  };
  return { self, dispatch, fetched, network, stores, routes };
}

test('the service worker caches the page first, the app once it has started, serves from both, and deletes only its own old caches', async (t) => {
  const dir = await folder(t);
  await site(dir);
  const { build, files } = await serviceWorker(dir);
  const scope = 'https://example.org/lede/';
  const stores = new Map([
    [`lede ${scope} 0123456789abcdef`, new Map()],
    ['lede https://example.org/other/ 0123456789abcdef', new Map()],
  ]);
  const sw = await runWorker(dir, scope, stores);
  for (const name of Object.keys(files)) sw.network.set(scope + name, await readFile(join(dir, name), 'utf8'));

  await sw.dispatch('install');
  const cache = `lede ${scope} ${build}`;
  // The page, its style sheet and the start-up script: not the app, nor the analysis worker.
  const shell = Object.keys(files).filter((n) => n === 'index.html' || n === 'main-1.css' || n.startsWith('start-'));
  assert.equal(shell.length, 3, shell.join(' '));
  assert.deepEqual([...stores.get(cache).keys()].sort(), [scope, ...shell.map((n) => scope + n)].sort());
  // Once a page has started the app, the rest of the build, fetched once.
  await sw.dispatch('message', { data: 'cache-app' });
  assert.deepEqual([...stores.get(cache).keys()].sort(), [scope, ...Object.keys(files).map((n) => scope + n)].sort());
  assert.deepEqual(
    sw.fetched.map((f) => f.url).sort(),
    Object.keys(files).map((n) => scope + n).sort(),
    'each file fetched once',
  );
  await sw.dispatch('message', { data: 'something else' });
  assert.equal(sw.self.skipped, 0);
  await sw.dispatch('message', { data: 'skip-waiting' });
  assert.equal(sw.self.skipped, 1, 'a page whose app is gone asks the new build to take over');
  assert.equal(stores.get(cache).get(scope), stores.get(cache).get(`${scope}index.html`), 'the page by its address too');
  // The browser answers the page (with no query) and the files named after
  // their content from this cache without the worker (here all but the
  // page and the style sheet).
  const named = Object.keys(files).filter((n) => n !== 'index.html' && n !== 'main-1.css');
  // (Through JSON: the worker's objects are of its own realm.)
  const routes = JSON.parse(JSON.stringify(sw.routes.map((r) => [r.condition.requestMode ?? null, r.condition.urlPattern.init, r.source])));
  assert.deepEqual(routes, [
    ['navigate', { baseURL: scope, search: '' }, { cacheName: cache }],
    ...named.map((n) => [null, scope + n, { cacheName: cache }]),
  ]);
  for (const { url, options } of sw.fetched) {
    assert.equal(options.integrity, files[url.slice(scope.length)], `${url} is fetched with its digest`);
    // Named after its content, it may come from the HTTP cache; otherwise it is revalidated.
    const hashed = /(app-0123456789abcdef_bg\.wasm|start-[0-9a-f]{16}\.js|app-worker(_loader)?-[0-9a-f]{16}(_bg)?\.(js|wasm))$/.test(url);
    const unhashed = /(index\.html|main-1\.css)$/.test(url);
    assert.ok(hashed || unhashed, url);
    assert.equal(options.cache, hashed ? 'default' : 'no-cache', url);
  }

  await sw.dispatch('activate');
  assert.deepEqual([...stores.keys()].sort(), [cache, 'lede https://example.org/other/ 0123456789abcdef'].sort());

  // The page, with any query, from the cache; files of other sites not at all.
  sw.fetched.length = 0;
  const page = await sw.dispatch('fetch', { request: { method: 'GET', mode: 'navigate', url: `${scope}?hide=PERSON#x` } });
  assert.deepEqual(page, { body: await readFile(join(dir, 'index.html'), 'utf8'), fromCache: true });
  assert.equal(await sw.dispatch('fetch', { request: { method: 'GET', mode: 'navigate', url: `${scope}elsewhere/` } }), undefined);
  assert.equal(await sw.dispatch('fetch', { request: { method: 'GET', mode: 'cors', url: 'https://example.org/other/x.js' } }), undefined);
  assert.deepEqual(sw.fetched, []);

  // The analysis worker's files were kept with the app; one gone from
  // the cache is fetched with its digest, then kept.
  const loader = Object.keys(files).find((n) => n.includes('_loader-'));
  const request = { method: 'GET', mode: 'same-origin', url: scope + loader };
  assert.equal((await sw.dispatch('fetch', { request })).fromCache, true);
  assert.deepEqual(sw.fetched, []);
  stores.get(cache).delete(scope + loader);
  assert.equal((await sw.dispatch('fetch', { request })).fromCache, undefined);
  assert.deepEqual(sw.fetched.map((f) => [f.url, f.options.integrity]), [[scope + loader, files[loader]]]);
  assert.equal((await sw.dispatch('fetch', { request })).fromCache, true);
});

test("after a build whose app was kept, an install keeps the new build's app too", async (t) => {
  const dir = await folder(t);
  await site(dir);
  const { build, files } = await serviceWorker(dir);
  const scope = 'https://example.org/lede/';
  const old = new Map([[`${scope}app-00000000_bg.wasm`, 'old']]);
  const stores = new Map([[`lede ${scope} 0123456789abcdef`, old]]);
  const sw = await runWorker(dir, scope, stores);
  for (const name of Object.keys(files)) sw.network.set(scope + name, await readFile(join(dir, name), 'utf8'));
  await sw.dispatch('install');
  assert.deepEqual(
    [...stores.get(`lede ${scope} ${build}`).keys()].sort(),
    [scope, ...Object.keys(files).map((n) => scope + n)].sort(),
  );
  // Another site's app on the same host does not count.
  const other = new Map([['lede https://example.org/other/ 0123456789abcdef', new Map([['https://example.org/other/a_bg.wasm', 'x']])]]);
  const sw2 = await runWorker(dir, scope, other);
  for (const name of Object.keys(files)) sw2.network.set(scope + name, await readFile(join(dir, name), 'utf8'));
  await sw2.dispatch('install');
  assert.ok(![...other.get(`lede ${scope} ${build}`).keys()].some((u) => u.endsWith('.wasm')));
});

test("the page names the app's view keys for the start-up, and only plain words", () => {
  assert.equal(viewKeysHtml(['hide', 'q']), '<meta name="lede-view-keys" content="hide q">');
  assert.equal(viewKeysHtml([]), '');
  assert.equal(viewKeysHtml(undefined), '');
  assert.throws(() => viewKeysHtml(['a" onload="x']), /not a plain word/);
});

test('an install that cannot fetch every file the page needs leaves no cache behind', async (t) => {
  const dir = await folder(t);
  await site(dir);
  const { files } = await serviceWorker(dir);
  const scope = 'https://example.org/lede/';
  const sw = await runWorker(dir, scope);
  // The network lacks the style sheet (a deploy half done).
  for (const name of Object.keys(files).filter((n) => n !== 'main-1.css')) {
    sw.network.set(scope + name, await readFile(join(dir, name), 'utf8'));
  }
  await assert.rejects(sw.dispatch('install'), /Failed to fetch/);
  assert.deepEqual([...sw.stores.keys()], []);
});

// One paragraph, "<b>Tom & “Jerry”</b> $&", with "Tom" a PERSON mention: ops as
// segments::encode writes them (a plain piece of 3 UTF-16 units, the
// mention, then the rest).
const ARTICLE = {
  title: 'A <title> & more — Lede',
  labels: 'PERSON\nPerson',
  blocks: [
    { index: 0, kind: 'title', text: 'A <title> & more', ops: [0, 1, 16, 0], markers: '' },
    {
      index: 1,
      kind: 'paragraph',
      text: '<b>Tom & “Jerry”</b> $&',
      ops: [0, 1, 3, 0, 1, 0, 0, 0, 1, 3, 0, 0, 1, 17, 0],
      markers: '#123456\tD\tdialogue\tDialogue: "score" <4>',
    },
  ],
  legend: '<section class="panel legend"><h2>Highlights</h2></section>',
  analysis: 'AAAA',
};

test('the pre-rendered article is escaped text, the page\'s title too, and written once', async () => {
  const page = '<!doctype html><title>Lede</title><aside><lede-legend></lede-legend></aside><main><lede-article></lede-article></main>';
  const html = prerender(page, ARTICLE);
  assert.equal(
    html,
    '<!doctype html><title>A &lt;title&gt; &amp; more — Lede</title>' +
      '<link rel="expect" href="#block-1" blocking="render">' +
      `<aside>${ARTICLE.legend}</aside><main>` +
      '<article class="article" lang="en" data-hide=""><header class="article-head">' +
      '<h1 id="block-0" data-block="0"><span class="text">A &lt;title&gt; &amp; more</span></h1></header>' +
      '<div class="article-body"><p id="block-1" data-block="1"><span class="text">' +
      '<span class="markers" aria-hidden="true"><span class="marker" data-initial="D" data-theme="dialogue" title="Dialogue: &quot;score&quot; &lt;4&gt;"></span></span>' +
      '&lt;b&gt;<mark class="ent" data-label="PERSON" data-type="Person" data-mention="0" data-entity="0" tabindex="0">Tom</mark>' +
      ' &amp; “Jerry”&lt;/b&gt; $&amp;</span></p></div><footer class="article-foot"></footer></article></main>',
  );
  assert.deepEqual(inlineContent(html), []);
  assert.equal(prerender(html, ARTICLE), html, 'a second run changes nothing');
});

test('the first paint waits for the first screen: the headline, the byline and two paragraphs', () => {
  const para = (index) => ({ index, kind: 'paragraph', text: 'P.', ops: [], markers: '' });
  const byline = { index: 1, kind: 'byline', text: 'By A.', ops: [], markers: '' };
  const blocks = [ARTICLE.blocks[0], byline, para(2), para(3), para(4)];
  assert.equal(firstScreenEnd({ ...ARTICLE, blocks }), 3);
  assert.equal(firstScreenEnd({ ...ARTICLE, blocks: blocks.slice(0, 3) }), 2, 'one paragraph');
  assert.equal(firstScreenEnd({ ...ARTICLE, blocks: blocks.slice(0, 1) }), 0, 'a headline alone');
  assert.equal(firstScreenEnd({ ...ARTICLE, blocks: [] }), undefined);
});

test('the build\'s analysis is a data block of base64 that a strict policy allows', () => {
  const analysis = Buffer.from('</script><script>alert(1)</script> <!--').toString('base64');
  const html = analysisHtml(analysis);
  assert.equal(html, `<script type="application/octet-stream" id="lede-analysis">${analysis}</script>`);
  assert.deepEqual(inlineContent(`<body>${html}</body>`), []);
  assert.deepEqual(inlineContent('<script>alert(1)</script>'), ['inline script: alert(1)']);
  assert.throws(() => analysisHtml('</script>'), /not base64/);
  const page = prerender('<title>Lede</title><body><lede-legend></lede-legend><lede-article></lede-article></body>', { ...ARTICLE, analysis });
  assert.ok(page.endsWith(`${html}</body>`), page);
});

test('the legend\'s script goes in with it, and then into a file of its own', () => {
  const page = prerender('<title>Lede</title><body><lede-legend></lede-legend><lede-article></lede-article></body>', ARTICLE);
  assert.match(page, /<script type="module" async>[^<]*document\.addEventListener\('click', toggle\)/);
  assert.throws(() => prerender('<body><lede-article></lede-article></body>', ARTICLE), /no <lede-legend>/);
  const { html, files } = externalizeScripts(page);
  assert.deepEqual(inlineContent(html), []);
  assert.equal(files.length, 1);
  assert.match(html, new RegExp(`<script type="module" src="\\./${files[0].name}" integrity="sha384-[^"]+" async></script>`));
});

test('the site step pre-renders before the service worker digests the page', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'site-'));
  t.after(() => rm(dir, { recursive: true }));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Lede</title></head><body><lede-legend></lede-legend><lede-article></lede-article></body>');
  await site(dir, { compress: false, offline: true, article: ARTICLE });
  const page = await readFile(join(dir, 'index.html'));
  assert.match(page.toString(), /<mark class="ent"/);
  const { files } = await serviceWorker(dir);
  assert.equal(files['index.html'], `sha384-${createHash('sha384').update(page).digest('base64')}`);
});
