import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFilesSync, statIfAny } from '../lib/files.ts';
import { withinShard } from '../lib/search-shards.ts';
import type { Settings } from '../settings.ts';

/** Beyond the shell and the search index, search fragments and pages are stored for offline use while they fit this size. */
const precacheBudget = 10 * 1024 * 1024;

/**
 * What the worker stores on install: the shell (home, search, 404, styles, scripts) and Pagefind's
 * index, always; then search fragments and pages, smallest site first, while the budget lasts.
 * Pages beyond it are stored as they are read.
 */
export function offlineManifest(dir: string, base: string): { version: string; precache: string[]; notFound: string } {
  // Each file's path in the site, worked out once: the tests below run on ~33k files at 10k papers.
  const paths = new Map(
    listFilesSync(dir, /./)
      .filter((f) => !f.endsWith(serviceWorkerFile))
      .map((f) => [relative(dir, f).split('\\').join('/'), f]),
  );
  const url = (path: string) => `${base}${path.replace(/(^|\/)index\.html$/, '$1')}`;
  // A search fragment is one result's text, in the index's folder or a later shard's.
  const isFragment = (path: string) =>
    path.startsWith('pagefind/') && withinShard(path.slice('pagefind/'.length)).startsWith('fragment/');
  const isEssential = (path: string) =>
    /^(index|search\/index|404)\.html$/.test(path) ||
    path.startsWith('_astro/') ||
    (path.startsWith('pagefind/') && !isFragment(path) && !/-ui\.|highlight/.test(path)) ||
    path === 'favicon.svg';
  const isOptional = (path: string) => isFragment(path) || (path.endsWith('.html') && !path.endsWith('email.html'));
  const essential = [...paths.keys()].filter(isEssential);
  const optional = [...paths.keys()].filter((p) => !isEssential(p) && isOptional(p));
  // The version follows the shell and the index (whose hashed names change with any paper);
  // pages are fetched network-first, so their content need not be part of it.
  const hash = createHash('sha256');
  for (const path of essential) hash.update(url(path)).update(readFileSync(paths.get(path)!));
  const precache = essential.map(url);
  let size = 0;
  for (const path of optional) {
    size += statIfAny(paths.get(path)!)?.size ?? 0;
    if (size > precacheBudget) break;
    precache.push(url(path));
  }
  hash.update(precache.join('\n'));
  return { version: hash.digest('hex').slice(0, 12), precache, notFound: `${base}404.html` };
}

/** The service worker's file in the build, written anew by each build. */
export const serviceWorkerFile = 'sw.js';

/** Writes `sw.js` for the built site; it must run after the search index is written. */
export function serviceWorkerIntegration(settings: Settings): AstroIntegration {
  return {
    name: 'paperboy:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const manifest = offlineManifest(root, settings.base);
        const source = await readFile(new URL('../service-worker/sw.js', import.meta.url), 'utf8');
        await writeFile(
          `${root}/${serviceWorkerFile}`,
          source.replace('self.__PAPERBOY_MANIFEST__', JSON.stringify(manifest)),
        );
        logger.info(`service worker ${manifest.version}: ${manifest.precache.length} files available offline`);
      },
    },
  };
}
