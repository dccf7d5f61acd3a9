import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { statIfAny, walkFiles } from '../lib/files.ts';
import { withinShard } from '../lib/search-shards.ts';
import type { Settings } from '../settings.ts';

/** Beyond the shell and the search index, search fragments and pages are stored for offline use while they fit this size. */
const precacheBudget = 10 * 1024 * 1024;

/** Folders that hold the shell's and the index's files: the only ones walked once the budget is spent. */
const shellFolders = /^(_astro|pagefind|search)(\/|$)/;

/**
 * What the worker stores on install: the shell (home, search, 404, styles, scripts) and Pagefind's
 * index, always; then search fragments and pages, in the order the build's folder is walked, while
 * `budget` lasts. Pages beyond it are stored as they are read. Once the budget is spent, only the
 * shell's folders are walked on: the rest of a 14k-paper build (16k folders) took ~0.25 s to list.
 */
export function offlineManifest(
  dir: string,
  base: string,
  budget = precacheBudget,
): { version: string; precache: string[]; notFound: string } {
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
  const essential: string[] = [];
  const optional: string[] = [];
  let size = 0;
  for (const path of walkFiles(dir, (folder) => size <= budget || shellFolders.test(folder))) {
    if (path.endsWith(serviceWorkerFile)) continue;
    if (isEssential(path)) essential.push(path);
    else if (size <= budget && isOptional(path)) {
      size += statIfAny(join(dir, path))?.size ?? 0;
      if (size <= budget) optional.push(path);
    }
  }
  // The version follows the shell and the index (whose hashed names change with any paper);
  // pages are fetched network-first, so their content need not be part of it.
  const hash = createHash('sha256');
  for (const path of essential) hash.update(url(path)).update(readFileSync(join(dir, path)));
  const precache = [...essential, ...optional].map(url);
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
