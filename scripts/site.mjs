#!/usr/bin/env node
// Turns Trunk's output into a static site that runs under a strict
// Content-Security-Policy (no 'unsafe-inline') and that hosts can serve
// precompressed. Trunk runs it after every build (Trunk.toml, post_build hook,
// with TRUNK_STAGING_DIR set); by hand: `node scripts/site.mjs DIR`.
//
// 1. Trunk starts the app with an inline <script type="module">, which a
//    policy without 'unsafe-inline' blocks: its text moves into a file named
//    by its hash (start-<hash>.js), loaded by <script type="module" src=…>
//    with an integrity digest, as Trunk does for its other files.
// 2. The analysis worker's files, which Trunk names without a hash
//    (lede-worker.js, lede-worker_bg.wasm, lede-worker_loader.js), are
//    renamed after a hash of their content, and the page names its loader
//    in <meta name="lede-worker" content="./lede-worker_loader-<hash>.js">:
//    a page of one build can then never start the worker of another.
// 3. In a release build, the service worker sw.js (from
//    scripts/service-worker.js) with this build's list of files and their
//    digests, named by the page in <meta name="lede-service-worker">.
//    Debug builds skip it: `trunk serve` must not be answered from a cache.
// 4. In a release build, every text and wasm file gets a brotli (quality 11)
//    and a gzip (level 9) sibling, FILE.br and FILE.gz, for hosts that serve
//    precompressed files. Debug builds skip this: their wasm is tens of MB
//    and `trunk serve` rebuilds on every save.
// 5. First of all, the sample article pre-rendered into the page
//    (scripts/prerender.mjs), when run by Trunk or by hand.
// 6. Before the loader moves (1), the app is made to start after the page's
//    first frame, and on a first visit only once the reader needs it
//    (startWhenNeeded): the pre-rendered article and its toggles need no
//    wasm, so the app's megabyte of it must not compete with that frame, and
//    a reader who only reads need not download it. The start-up registers
//    the service worker too.
// Then it checks the page for anything the policy would block.
//
// Running it again on its own output changes nothing.
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import { prerender, seedArticle } from './prerender.mjs';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Files worth compressing: text and wasm, not images that are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.xml', '.map']);
const SIBLINGS = ['.br', '.gz'];

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const hasSrc = (attrs) => /\ssrc\s*=/i.test(` ${attrs}`);
const isModule = (attrs) => /\stype\s*=\s*["']?module["']?(\s|$)/i.test(` ${attrs}`);
/** A data block: a script of a type no browser runs (application/json, application/octet-stream). */
const isData = (attrs) => /\stype\s*=\s*["']?application\/(json|octet-stream)["']?(\s|$)/i.test(` ${attrs}`);

/**
 * Moves each inline module script of `html` into a file of its own. Returns the
 * new page and the files to write beside it, { name, body }.
 */
export function externalizeScripts(html) {
  const files = [];
  const out = html.replace(SCRIPT, (whole, attrs, body) => {
    if (hasSrc(attrs) || !isModule(attrs) || body.trim() === '') return whole;
    const text = `${body.trim()}\n`;
    // 16 hex digits, like Trunk's own names, so "hashed file, cache forever" rules match it.
    const name = `start-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`;
    const integrity = `sha384-${createHash('sha384').update(text).digest('base64')}`;
    files.push({ name, body: text });
    const rest = attrs.replace(/\stype\s*=\s*["']?module["']?/i, '').trim();
    return `<script type="module" src="./${name}" integrity="${integrity}"${rest ? ` ${rest}` : ''}></script>`;
  });
  return { html: out, files };
}

/** Trunk's loader: the glue's static import and the wasm's path. */
const LOADER_START = /import init, \* as bindings from '(\.\/[^']+\.js)';\s*const wasm = await init\(\{ ?module_or_path: '(\.\/[^']+\.wasm)' ?\}\);/;

/**
 * Whether the app starts as soon as the first frame is painted rather than
 * when the reader first needs it: when the page's state needs the app (a
 * view in the URL, not just tracking tags; a page with no pre-rendered
 * article) or the reader has
 * used it here before, whose reading, corrections and themes it must show
 * (anything it keeps in localStorage, whose keys all start "lede.", or its
 * IndexedDB database, "lede": src/storage/mod.rs). Runs in the page, as
 * part of the start-up script.
 */
export async function startAtOnce() {
  if (!document.getElementById('prerender')) return true;
  // A view in the URL, not a shared link's tracking tags (src/view_state.rs's
  // keys, which the build puts in the page: scripts/prerender.mjs).
  const keys = document.querySelector('meta[name="lede-view-keys"]')?.content.split(' ');
  const query = new URLSearchParams(location.search);
  if (keys ? keys.some((k) => query.has(k)) : location.search !== '') return true;
  try {
    for (let i = 0; i < localStorage.length; i += 1) if (localStorage.key(i)?.startsWith('lede.')) return true;
    return ((await indexedDB.databases?.()) ?? []).some((db) => db.name === 'lede');
  } catch {
    // Storage blocked: nothing kept.
    return false;
  }
}

/**
 * Resolves once the reader first needs the app, as the pre-rendered page's
 * script says (src/legend_before_app.js), or once the page has loaded
 * without that script having run (it failed to load): then nothing else
 * would ever start the app. Runs in the page.
 */
export function appNeeded() {
  return new Promise((ok) => {
    const root = document.documentElement;
    if (root.dataset.appNeeded !== undefined) return ok();
    document.addEventListener('lede:app-needed', ok, { once: true });
    const orphaned = () => root.dataset.legend !== 'live' && ok();
    if (document.readyState === 'complete') orphaned();
    else addEventListener('load', orphaned, { once: true });
  });
}

/**
 * Where the app's files cannot be fetched: a build the host no longer has
 * (a deploy since the page was opened), whose service worker's cache lacks
 * them because the app was never started, is replaced by the new build (its
 * worker takes over at once, this page reloads); otherwise (offline) the
 * page says the app cannot come, in a notice under its header, and keeps
 * the article. Runs in the page.
 */
export async function appNotLoaded(message) {
  document.documentElement.dataset.appFailed = '';
  // Where the app puts its own notices: under the header (src/app.rs).
  const status = document.querySelector('#prerender .search-status');
  if (status) status.textContent = '';
  const notice = Object.assign(document.createElement('p'), { className: 'notice', textContent: message });
  notice.setAttribute('role', 'status');
  document.querySelector('#prerender .site-header')?.after(notice);
  // A mention pressed meanwhile no longer waits for anything.
  document.querySelector('#prerender mark.ent.pending')?.classList.remove('pending');
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (!registration || !navigator.onLine) return;
    await registration.update();
    const next = registration.installing ?? registration.waiting;
    if (!next) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    const skip = () => next.state === 'installed' && next.postMessage('skip-waiting');
    next.addEventListener('statechange', skip);
    skip();
  } catch {
    // No service worker, or no new build: the message stands.
  }
}

/**
 * The start-up's registration of the release build's service worker (sw.js,
 * which the page names in <meta name="lede-service-worker">), once the page
 * has loaded, so that it never competes with the first visit for the
 * network. Its scope is the page's folder, so the site works offline under
 * a sub-path too. Where service workers are not available, or refused, the
 * page works online only.
 */
const registerServiceWorker = [
  "const serviceWorker = document.querySelector('meta[name=\"lede-service-worker\"]')?.content;",
  'const register = () => {',
  '  try {',
  '    navigator.serviceWorker?.register(serviceWorker).catch(() => {});',
  '  } catch {}',
  '};',
  "if (serviceWorker && document.readyState === 'complete') register();",
  "else if (serviceWorker) addEventListener('load', register, { once: true });",
].join('\n');

/** The functions above that run in the page, as the start-up script declares them. */
const inPage = [startAtOnce, appNeeded, appNotLoaded].map(String).join('\n');

/** What the pre-rendered page says when the app cannot be fetched. */
export const NOT_LOADED =
  'The rest of Lede could not be loaded: the article and its highlights still work. Reload to try again once online.';

/**
 * Once the app has started, the service worker keeps the rest of the build
 * (the app and the analysis worker; its install kept only what the
 * pre-rendered page needs), so that it is there offline.
 */
const cacheApp = [
  'try {',
  "  navigator.serviceWorker?.ready.then((r) => r.active?.postMessage('cache-app')).catch(() => {});",
  '} catch {}',
].join('\n');

/**
 * Makes Trunk's inline loader start the app after the page's first frame,
 * and only when it is needed (startAtOnce, appNeeded), and takes away the `<link rel=preload>` of its wasm. The page arrives with
 * the article pre-rendered and its legend working, so nothing of the app is
 * on the way to the first paint; yet a preloaded wasm is read in, a chunk a
 * task, before the parser gets to the article (from a service worker's cache
 * on a returning visit, all 1.1 MB at once), and on a slow network it shares
 * the bandwidth with the style sheet the first paint waits for. The wasm is
 * now fetched once the first frame is painted, with the preload's integrity
 * digest. The modulepreloads of the glue and its snippets leave the page too:
 * the start-up adds them after that frame, before it imports the glue, so
 * they still arrive together. In the page, each costs the parser's preload
 * scan a request (through the service worker on a returning visit), and
 * their bytes share a slow network with the style sheet. A page hidden at
 * start has no frames to wait for and starts at once. Returns the new page
 * (the same page when there is no such loader, as on a second run).
 */
export function startWhenNeeded(html) {
  const [, glue, wasm] = [...html.matchAll(SCRIPT)]
    .map(([, attrs, body]) => (!hasSrc(attrs) && isModule(attrs) ? body.match(LOADER_START) : null))
    .find((m) => m) ?? [];
  if (!wasm) return html;
  let integrity;
  const modules = [];
  const page = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const attr = (name) => tag.match(new RegExp(`\\s${name}=("[^"]*"|[^\\s>]*)`, 'i'))?.[1].replace(/^"|"$/g, '');
    if (attr('rel') === 'preload' && attr('href') === wasm) {
      integrity = attr('integrity');
      return '';
    }
    if (attr('rel') === 'modulepreload') {
      modules.push({ href: attr('href'), ...(attr('integrity') ? { integrity: attr('integrity') } : {}) });
      return '';
    }
    return tag;
  });
  const fetchWasm = integrity ? `fetch('${wasm}', { integrity: '${integrity}' })` : `'${wasm}'`;
  const start = [
    '// The app starts after the first frame, and when it is needed: the pre-rendered article paints first (scripts/site.mjs).',
    "const visible = document.visibilityState === 'visible';",
    'if (visible) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));',
    registerServiceWorker,
    inPage,
    `if (visible && !(await ${startAtOnce.name}())) await ${appNeeded.name}();`,
    ...(modules.length === 0
      ? []
      : [
          `for (const m of ${JSON.stringify(modules)})`,
          "  document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', crossOrigin: 'anonymous', ...m }));",
        ]),
    'let bindings, wasm;',
    'try {',
    `  bindings = await import('${glue}');`,
    `  wasm = await bindings.default({ module_or_path: ${fetchWasm} });`,
    '} catch (err) {',
    `  ${appNotLoaded.name}(${JSON.stringify(NOT_LOADED)});`,
    '  throw err;',
    '}',
    cacheApp,
  ].join('\n');
  return page.replace(SCRIPT, (whole, attrs, body) =>
    !hasSrc(attrs) && isModule(attrs) && LOADER_START.test(body) ? `<script${attrs}>${body.replace(LOADER_START, start)}</script>` : whole,
  );
}

/**
 * What in `html` a policy without 'unsafe-inline' would block: inline scripts
 * (not data blocks, which never run), <style> elements, style="…" attributes
 * and on…= handlers. An empty list is good.
 */
export function inlineContent(html) {
  const found = [];
  for (const [, attrs, body] of html.matchAll(SCRIPT)) {
    if (!hasSrc(attrs) && !isData(attrs) && body.trim() !== '') found.push(`inline script: ${body.trim().slice(0, 60)}`);
  }
  if (/<style\b/i.test(html)) found.push('a <style> element');
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    const attr = tag.match(/\s(style|on[a-z]+)\s*=/i);
    if (attr) found.push(`${attr[1]}= attribute: ${tag.slice(0, 60)}`);
  }
  return found;
}

/** Every file under `dir`, as paths relative to it. */
async function walk(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)));
}

/**
 * Writes FILE.br and FILE.gz beside every compressible FILE under `dir` (at
 * maximum quality) and removes siblings left from files no longer there.
 * Returns [{ file, raw, br, gz }].
 */
export async function precompress(dir) {
  const files = await walk(dir);
  const present = new Set(files);
  const stale = files.filter((f) => SIBLINGS.includes(extname(f)) && !present.has(f.slice(0, -3)));
  await Promise.all(stale.map((f) => rm(join(dir, f))));
  const sources = files.filter((f) => COMPRESSIBLE.has(extname(f)));
  return Promise.all(
    sources.map(async (file) => {
      const raw = await readFile(join(dir, file));
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]:
              extname(file) === '.wasm' ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(join(dir, `${file}.br`), br), writeFile(join(dir, `${file}.gz`), gz)]);
      return { file, raw: raw.length, br: br.length, gz: gz.length };
    }),
  );
}

/** 16 hex digits of the SHA-256 of `bytes`, as in Trunk's own names. */
const shortHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const integrityOf = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Adds `tag` to the page's head, unless the page has it already. */
function addToHead(html, tag) {
  if (html.includes(tag)) return html;
  const at = html.search(/<\/head\s*>|<body\b/i);
  if (at < 0) throw new Error(`index.html has no </head> or <body> to put ${tag} before`);
  return html.slice(0, at) + tag + html.slice(at);
}

/**
 * Renames the files of each worker Trunk built with a loader shim
 * (`NAME_loader.js`, which runs `importScripts("./NAME.js")` and
 * `wasm_bindgen("./NAME_bg.wasm")`) after a hash of their content, rewrites
 * the loader to match and to report a module that fails to start, and names
 * the loader in `<meta name="NAME">`. Returns the new page.
 */
export async function versionWorkers(dir, html) {
  for (const loader of (await readdir(dir)).filter((f) => /^[\w-]+_loader\.js$/.test(f))) {
    const name = loader.slice(0, -'_loader.js'.length);
    let text = await readFile(join(dir, loader), 'utf8');
    for (const [, file] of text.matchAll(/"\.\/([\w.-]+)"/g)) {
      const bytes = await readFile(join(dir, file));
      const hashed = file.replace(/(_bg)?(\.\w+)$/, `-${shortHash(bytes)}$1$2`);
      await rename(join(dir, file), join(dir, hashed));
      text = text.replaceAll(`"./${file}"`, `"./${hashed}"`);
    }
    // A worker whose module fails to load or start would otherwise say
    // nothing: its promise's rejection never reaches the page. Reported, it
    // is an error event on the page's Worker object (src/analyst.rs).
    text = text.replace(/(wasm_bindgen\([^)]*\));?\s*$/, '$1.catch(reportError);');
    const versioned = `${name}_loader-${shortHash(text)}.js`;
    await writeFile(join(dir, versioned), text);
    await rm(join(dir, loader));
    html = html.replace(new RegExp(`<meta name="${name}" content="[^"]*">`), '');
    html = addToHead(html, `<meta name="${name}" content="./${versioned}">`);
  }
  return html;
}

const SERVICE_WORKER = 'sw.js';
const TEMPLATE = fileURLToPath(new URL('./service-worker.js', import.meta.url));

/**
 * The service worker for the site folder `dir`: `{ build, files, shell,
 * text }`, where `files` maps every file a page may ask for (not the .br
 * and .gz siblings, nor sw.js) to its integrity digest, `shell` lists those
 * the pre-rendered page needs before the app, and `build` is a hash of all
 * of them.
 */
export async function serviceWorker(dir) {
  const paths = (await walk(dir))
    .filter((f) => f !== SERVICE_WORKER && !SIBLINGS.includes(extname(f)))
    .sort();
  const files = {};
  for (const path of paths) files[path] = integrityOf(await readFile(join(dir, path)));
  const build = shortHash(JSON.stringify(files));
  // What the pre-rendered page loads before the app: the page and the files
  // it names (its style sheet, icon and scripts); the app's glue, wasm and
  // snippets and the analysis worker are imported by the start-up.
  const page = await readFile(join(dir, 'index.html'), 'utf8');
  const named = new Set([...page.matchAll(/\s(?:href|src)=["']?\.\/([^"'\s>#?]+)/g)].map(([, f]) => f));
  const shell = paths.filter((p) => p === 'index.html' || named.has(p));
  const fill = (text, line, value) => {
    if (!text.includes(line)) throw new Error(`scripts/service-worker.js has no line ${line}`);
    return text.replace(line, value);
  };
  let text = await readFile(TEMPLATE, 'utf8');
  text = fill(text, "const BUILD = '%BUILD%';", `const BUILD = '${build}';`);
  text = fill(text, 'const FILES = {};', `const FILES = ${JSON.stringify(files, null, 2)};`);
  text = fill(text, 'const SHELL = [];', `const SHELL = ${JSON.stringify(shell, null, 2)};`);
  return { build, files, shell, text };
}

/** The whole step on the site folder `dir`. */
export async function site(dir, { compress = true, strict = true, offline = compress, article } = {}) {
  const index = join(dir, 'index.html');
  let page = await readFile(index, 'utf8');
  // First, so that the service worker's digest is the finished page's.
  if (article) page = prerender(page, article);
  let { html, files } = externalizeScripts(startWhenNeeded(page));
  await Promise.all(files.map((f) => writeFile(join(dir, f.name), f.body)));
  html = await versionWorkers(dir, html);
  if (offline) html = addToHead(html, `<meta name="lede-service-worker" content="./${SERVICE_WORKER}">`);
  await writeFile(index, html);
  const blocked = inlineContent(html);
  if (strict && blocked.length > 0) {
    throw new Error(`index.html has what a strict Content-Security-Policy blocks:\n  ${blocked.join('\n  ')}`);
  }
  if (offline) await writeFile(join(dir, SERVICE_WORKER), (await serviceWorker(dir)).text);
  return compress ? precompress(dir) : [];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('usage: node scripts/site.mjs DIR (or run by Trunk, with TRUNK_STAGING_DIR set)');
    process.exit(2);
  }
  // `trunk serve` (a debug build) adds its own inline live-reload script: only
  // a release build has to pass the check, and only it is compressed.
  const release = process.argv[2] !== undefined || process.env.TRUNK_PROFILE === 'release';
  try {
    const sizes = await site(dir, { compress: release, strict: release, article: seedArticle() });
    if (sizes.length > 0) {
      const sum = (k) => sizes.reduce((n, s) => n + s[k], 0);
      console.log(`site.mjs: ${sizes.length} files, ${sum('raw')} bytes; brotli ${sum('br')}, gzip ${sum('gz')}`);
    }
  } catch (err) {
    console.error(`site.mjs: ${err.message}`);
    process.exit(1);
  }
}
