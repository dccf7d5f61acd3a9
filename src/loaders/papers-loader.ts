import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { entryBody, parseEntry } from '../lib/entry-file.ts';
import { listFilesSync } from '../lib/files.ts';
import { paperSchema } from '../lib/paper-schema.ts';

/** Entry files: `.mdx` (or `.md`) under the papers folder. */
const entryFile = /\.mdx?$/;

/** True when an entry file has a curator's body after its frontmatter. */
export function hasNotes(body: string): boolean {
  return body.trim() !== '';
}

/** Entry files, relative to `dir`, that carry notes: only these are compiled as MDX. */
export function filesWithNotes(dir: string): string[] {
  return listFilesSync(dir, entryFile)
    .filter((path) => hasNotes(entryBody(readFileSync(path, 'utf8'))))
    .map((path) => relative(dir, path).split('\\').join('/'));
}

/** Records the slugs an entry file answers to; a slug another file has already is an error naming both. */
function claim(seen: Map<string, string>, slugs: string[], filePath: string): void {
  for (const slug of slugs) {
    if (seen.has(slug)) throw new Error(`${filePath}: slug "${slug}" is also used by ${seen.get(slug)}`);
    seen.set(slug, filePath);
  }
}

/**
 * Papers as data. Frontmatter is read with gray-matter, and the body is not compiled here, so a
 * paper costs what its data costs; the few bodies with notes are compiled by the `notes` collection.
 */
export function papersLoader(dir: string): Loader {
  const root = resolve(dir);
  return {
    name: 'paperboy-papers',
    schema: paperSchema,
    load: async ({ store, parseData, generateDigest, watcher }) => {
      const sync = async () => {
        const seen = new Map<string, string>();
        const ids = new Set<string>();
        // An unchanged file is not parsed again: its id and aliases are the stored entry's.
        const stored = new Map(store.entries().map(([id, entry]) => [entry.filePath, { id, entry }]));
        for (const path of listFilesSync(root, entryFile)) {
          const text = readFileSync(path, 'utf8');
          const filePath = relative(process.cwd(), path);
          const digest = generateDigest(text);
          const kept = stored.get(filePath);
          if (kept?.entry.digest === digest) {
            claim(seen, [kept.id, ...((kept.entry.data.aliases as string[] | undefined) ?? [])], filePath);
            ids.add(kept.id);
            continue;
          }
          let data: Record<string, unknown>;
          try {
            data = parseEntry(text).data;
          } catch (error) {
            throw new Error(
              `${filePath}: the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
              {
                cause: error,
              },
            );
          }
          const id = String(data.slug ?? '');
          // The file is named after the slug it was created with: if the curator renamed the slug, the old one redirects.
          const born = basename(path).replace(entryFile, '');
          const aliases = [
            ...new Set([...((data.aliases as string[] | undefined) ?? []), ...(born !== id ? [born] : [])]),
          ];
          claim(seen, [id, ...aliases], filePath);
          if (aliases.length) data.aliases = aliases;
          ids.add(id);
          store.set({ id, data: await parseData({ id, data, filePath }), digest, filePath });
        }
        // A slug no file has as its own any more (one renamed, now an alias that redirects) goes.
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
      };
      await sync();
      watcher?.add(root);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(root) && entryFile.test(path)) void sync();
      });
    },
  };
}
