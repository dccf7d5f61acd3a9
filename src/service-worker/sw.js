/* Paperboy's service worker: the site and its search keep working offline after a first visit.
 * The build replaces the manifest below; a new build is a new worker with its own cache, so a
 * reader never mixes an old search index with a new one. */
/// <reference lib="webworker" />
const manifest = self.__PAPERBOY_MANIFEST__;
const cacheName = `paperboy-${manifest.version}`;
const scope = new URL(self.registration.scope);

/** Same-origin requests inside the site's scope are ours; everything else goes to the network untouched. */
const ours = (url) => url.origin === scope.origin && url.pathname.startsWith(scope.pathname);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // In small batches, so a large site does not open hundreds of connections at once.
      for (let i = 0; i < manifest.precache.length; i += 16) {
        await cache.addAll(manifest.precache.slice(i, i + 16));
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('paperboy-') && name !== cacheName) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** Pages: the network first (fresh digests), the cache when offline. */
async function page(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (
      (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(manifest.notFound)) ?? Response.error()
    );
  }
}

/** Assets and the search index: this build's copy first, so the index always matches this worker's version. */
async function asset(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !ours(url)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : asset(request));
});

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'status') return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      const stored = (await cache.keys()).length;
      event.source?.postMessage({
        type: 'status',
        version: manifest.version,
        offline: stored >= manifest.precache.length,
      });
    })(),
  );
});
