// The service worker of one build of Lede: after one visit the site opens
// with no network, the sample with its highlights and toggles, and once a
// page has started the app, the app and the analysis worker too (any
// article a reader opens is analysed there). scripts/site.mjs copies this
// file into the site folder as sw.js with the three constants below filled
// in (BUILD, FILES, SHELL), so
// sw.js changes whenever any file of the build does, which is how the
// browser learns of a new deploy.
//
// One build per page, never a mix. Each build is cached under its own name:
// what the pre-rendered page needs (SHELL: the page, its style sheet, icon
// and scripts) before its worker becomes active, and the rest (the app, the
// analysis worker) once a page has started the app and says so (the message
// 'cache-app', from the start-up script, scripts/site.mjs), or at install
// if the last build's cache had its app: a reader who only reads the
// sample is spared the app's download, and one who has used the app has
// it the next time, offline too, across deploys. Every file is fetched with its
// integrity digest, so a host half-way through a deploy fails the install
// (tried again on the next visit) rather than caching files of two builds.
// A new build's worker waits, as service workers do by default, until no
// page of the old build is open, and only then takes over and deletes the
// old cache: a page always gets its files from the cache of the build it
// started with. The analysis worker's files carry a hash of their content
// in their names (site.mjs renames them), so even a page not controlled by
// this worker gets the analysis worker of its own build, or none (then the
// page shows the article without highlights, and says why).
const BUILD = '%BUILD%';
/** Every file of the build, by path relative to this script, with its integrity digest. */
const FILES = {};
/** The files of FILES the pre-rendered page needs before the app. */
const SHELL = [];

const SCOPE = self.registration.scope;
// Caches are shared by the whole origin (several sites under one host, as on
// GitHub Pages): only this scope's are ever deleted.
const PREFIX = `lede ${SCOPE} `;
const CACHE = `${PREFIX}${BUILD}`;
const href = (path) => new URL(path, self.location.href).href;
const INTEGRITY = new Map(Object.entries(FILES).map(([path, digest]) => [href(path), digest]));
const INDEX = href('index.html');

/** A name with a hash of its content in it, as Trunk and site.mjs give (`main-<hex>.css`). */
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;

/** A file of this build from the network, or an error if it is not exactly that file. */
async function fetchExactly(url) {
  // A file named after its content may come from the HTTP cache, where the
  // page just put it: on a first visit that saves downloading the wasm
  // twice. Any other is revalidated: a host that sends no cache headers lets
  // the browser keep an old index.html for a while.
  const cache = HASHED.test(url) ? 'default' : 'no-cache';
  const response = await fetch(url, { integrity: INTEGRITY.get(url), cache });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

self.addEventListener('install', (event) => {
  // Where the browser can (Chromium's static routes), it answers the page
  // itself and the build's named files from this build's cache without
  // starting this worker: a reader coming back finds it stopped, and
  // starting it costs a phone tens of milliseconds before the first byte.
  // The page with a query (the view in the URL) still comes through the
  // fetch handler below, as does everything anywhere else.
  event.addRoutes?.([
    {
      condition: { requestMode: 'navigate', urlPattern: new URLPattern({ baseURL: SCOPE, search: '' }) },
      source: { cacheName: CACHE },
    },
    ...[...INTEGRITY.keys()]
      .filter((url) => HASHED.test(url))
      .map((url) => ({ condition: { urlPattern: new URLPattern(url) }, source: { cacheName: CACHE } })),
  ])?.catch((err) => console.warn('Lede: no static routes, every request goes through the worker', err));
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        // A reader who had the last build's app gets this build's with it.
        const used = await hadApp();
        const files = used ? [...INTEGRITY.keys()] : SHELL.map(href);
        await Promise.all(files.map(async (url) => cache.put(url, await fetchExactly(url))));
        // The page by the address a reader opens, for the static route.
        await cache.put(SCOPE, (await cache.match(INDEX)).clone());
      } catch (err) {
        await caches.delete(CACHE);
        throw err;
      }
    })(),
  );
});

/** Whether an earlier build's cache of this scope holds its app. */
async function hadApp() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const kept = await (await caches.open(name)).keys();
    if (kept.some((request) => request.url.endsWith('.wasm'))) return true;
  }
  return false;
}

// The rest of the build, once a page has started the app. A file that
// cannot be fetched now is fetched on the next page's message. And a page
// whose app is gone from the host (a deploy since it was opened, before it
// started the app) asks the new build's worker to take over at once: it
// reloads into the new build (scripts/site.mjs, appNotLoaded).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') {
    self.skipWaiting();
    return;
  }
  if (event.data !== 'cache-app') return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        [...INTEGRITY.keys()].map(async (url) => {
          if (!(await cache.match(url))) await cache.put(url, await fetchExactly(url));
        }),
      );
    })().catch((err) => console.warn('Lede: the app is not kept for offline use yet', err)),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(old.map((name) => caches.delete(name)));
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  let key = url.href;
  if (request.mode === 'navigate') {
    // The page itself, whatever its query (the view lives in the URL).
    url.search = '';
    if (url.href !== SCOPE && url.href !== INDEX) return;
    key = INDEX;
  }
  if (!INTEGRITY.has(key)) return;
  event.respondWith(fromCache(key, request));
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreVary: true });
  if (hit) return hit;
  try {
    const response = await fetchExactly(key);
    await cache.put(key, response.clone());
    return response;
  } catch {
    return fetch(request);
  }
}
