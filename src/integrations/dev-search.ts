import { resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import { readEntries } from '../lib/read-entries.ts';
import { indexPapers } from './search-index.ts';
import type { Settings } from '../settings.ts';

type Files = Map<string, Uint8Array>;

/** An in-memory Pagefind bundle of the current entries: what `npm run dev` serves at `/pagefind/`. */
async function buildDevIndex(settings: Settings): Promise<Files> {
  const { index } = await indexPapers(readEntries(settings.papersDir, settings.topicsFile), settings.lang);
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.map((f) => [f.path.replace(/\\/g, '/'), f.content]));
}

const types: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** Serves search under `astro dev`: the index is built on first use and again after entries change. */
export function serveDevSearch(server: ViteDevServer, settings: Settings): void {
  let files: Promise<Files> | undefined;
  const papers = resolve(settings.papersDir);
  server.watcher.on('all', (_event, path) => {
    if (path.startsWith(papers) || path.endsWith(settings.topicsFile)) files = undefined;
  });
  const prefix = `${settings.base}pagefind/`;
  server.middlewares.use((req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://dev').pathname;
    if (!path.startsWith(prefix)) return next();
    files ??= buildDevIndex(settings);
    files.then(
      (bundle) => {
        const file = bundle.get(path.slice(prefix.length));
        if (!file) return next();
        const ext = path.slice(path.lastIndexOf('.'));
        res.setHeader('content-type', types[ext] ?? 'application/octet-stream');
        res.end(file);
      },
      (error: Error) => {
        files = undefined;
        next(error);
      },
    );
  });
}
