import { resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { readEntries } from '../lib/read-entries.ts';
import { isShardData, manifestFile } from '../lib/search-shards.ts';
import { indexShards } from './search-index.ts';
import type { Settings } from '../settings.ts';

type Files = Map<string, Uint8Array>;

/** An in-memory Pagefind bundle of the current entries, shards and all: what `npm run dev` serves at `/pagefind/`. */
async function buildDevIndex(settings: Settings): Promise<Files> {
  const bundle: Files = new Map();
  const entries = readEntries(settings.papersDir, settings.topicsFile);
  const { manifest } = await indexShards(entries, settings, {
    use: async (index, path) => {
      for (const file of (await index.getFiles()).files) {
        const name = file.path.replace(/\\/g, '/');
        if (!path || isShardData(name)) bundle.set(path + name, file.content);
      }
    },
  });
  bundle.set(manifestFile, new TextEncoder().encode(JSON.stringify(manifest)));
  return bundle;
}

const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** Serves search under `astro dev`: the index is built on first use and again after entries change. */
export function serveDevSearch(server: ViteDevServer, settings: Settings): void {
  let files: Promise<Files> | undefined;
  // One index build at a time: each ends Pagefind's process when done, which would cut off another.
  let last: Promise<unknown> = Promise.resolve();
  const papers = resolve(settings.papersDir);
  server.watcher.on('all', (_event, path) => {
    if (path.startsWith(papers) || path.endsWith(settings.topicsFile)) files = undefined;
  });
  const prefix = `${settings.base}pagefind/`;
  server.middlewares.use((req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://dev').pathname;
    if (!path.startsWith(prefix)) return next();
    const current = (files ??= (async () => {
      await last.catch(() => undefined);
      return buildDevIndex(settings);
    })());
    last = current;
    current.then(
      (bundle) => {
        const file = bundle.get(path.slice(prefix.length));
        if (!file) return next();
        const ext = path.slice(path.lastIndexOf('.'));
        res.setHeader('content-type', types[ext] ?? 'application/octet-stream');
        res.end(file);
      },
      (error: Error) => {
        if (files === current) files = undefined;
        next(error);
      },
    );
  });
}
