import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFilesSync } from '../lib/files.ts';
import { withinShard } from '../lib/search-shards.ts';
import type { Settings } from '../settings.ts';

/** Beyond the shell and the search index, search fragments and pages are stored for offline use while they fit this size. */
const precacheBudget = 10 * 1024 * 1024;

/**
 * What the worker stores on install: the shell (home, search, 404, styles, scripts) and Pagefind's
 * index, always; then search fragments and pages, smallest site first, while the budget lasts.
 * Pages beyond it are stored as they are read.
 */
export async function offlineManifest(
  dir: string,
  base: string,
): Promise<{ version: string; precache: string[]; notFound: string }> {
  const path = (file: string) => relative(dir, file).split('\\').join('/');
  const url = (file: string) => `${base}${path(file).replace(/(^|\/)index\.html$/, '$1')}`;
  const all = listFilesSync(dir, /./).filter((f) => !f.endsWith(serviceWorkerFile));
  // A search fragment is one result's text, in the index's folder or a later shard's.
  const isFragment = (f: string) =>
    path(f).startsWith('pagefind/') && withinShard(path(f).slice('pagefind/'.length)).startsWith('fragment/');
  const isEssential = (f: string) =>
    /^(index|search\/index|404)\.html$/.test(path(f)) ||
    path(f).startsWith('_astro/') ||
    (path(f).startsWith('pagefind/') && !isFragment(f) && !/-ui\.|highlight/.test(path(f))) ||
    path(f) === 'favicon.svg';
  const isOptional = (f: string) => isFragment(f) || (f.endsWith('.html') && !f.endsWith('email.html'));
  const essential = all.filter(isEssential);
  const optional = all.filter((f) => !isEssential(f) && isOptional(f));
  // The version follows the shell and the index (whose hashed names change with any paper);
  // pages are fetched network-first, so their content need not be part of it.
  const hash = createHash('sha256');
  for (const file of essential) hash.update(url(file)).update(await readFile(file));
  const precache = essential.map(url);
  let size = 0;
  for (const file of optional) {
    size += (await stat(file)).size;
    if (size > precacheBudget) break;
    precache.push(url(file));
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
        const manifest = await offlineManifest(root, settings.base);
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
