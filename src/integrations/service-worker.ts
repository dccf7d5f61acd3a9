import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFilesSync } from '../lib/files.ts';
import type { Settings } from '../settings.ts';

/** Pages are precached while the whole offline copy stays under this size; beyond it, pages are cached as they are read. */
const precacheBudget = 20 * 1024 * 1024;

/** What the worker caches on install: the shell and the whole search bundle, then pages while the budget lasts. */
export async function offlineManifest(
  dir: string,
  base: string,
): Promise<{ version: string; precache: string[]; notFound: string }> {
  const url = (file: string) =>
    `${base}${relative(dir, file)
      .split('\\')
      .join('/')
      .replace(/(^|\/)index\.html$/, '$1')}`;
  const all = listFilesSync(dir, /./).filter((f) => !f.endsWith('sw.js'));
  const isPage = (f: string) => f.endsWith('.html');
  const essential = all.filter((f) => !isPage(f) || /^(index|search\/index|404)\.html$/.test(relative(dir, f)));
  const pages = all.filter((f) => isPage(f) && !essential.includes(f));
  const hash = createHash('sha256');
  let size = 0;
  const precache: string[] = [];
  for (const file of [...essential, ...pages]) {
    const bytes = await readFile(file);
    hash.update(url(file)).update(bytes);
    size += (await stat(file)).size;
    if (essential.includes(file) || size <= precacheBudget) precache.push(url(file));
  }
  return { version: hash.digest('hex').slice(0, 12), precache, notFound: `${base}404.html` };
}

/** Writes `sw.js` for the built site; it must run after the search index is written. */
export function serviceWorkerIntegration(settings: Settings): AstroIntegration {
  return {
    name: 'paperboy:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const manifest = await offlineManifest(root, settings.base);
        const source = await readFile(new URL('../service-worker/sw.js', import.meta.url), 'utf8');
        await writeFile(`${root}/sw.js`, source.replace('self.__PAPERBOY_MANIFEST__', JSON.stringify(manifest)));
        logger.info(`service worker ${manifest.version}: ${manifest.precache.length} files available offline`);
      },
    },
  };
}
