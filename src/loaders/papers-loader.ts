import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { handedOver } from '../data/handoff.ts';
import { entryBody, entryFile } from '../lib/entry-file.ts';
import { listFilesSync } from '../lib/files.ts';
import { paperSchema } from '../lib/paper-schema.ts';
import { claimSlugs, readEntry, type PapersRead } from '../lib/read-entries.ts';

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

/** An error in the curator's entries: its message says all, so Astro shows no stack trace under it. */
function entryError(message: string): Error {
  const error = new Error(message);
  error.stack = '';
  return error;
}

/** Records the slugs an entry file answers to; a slug another file has already is an error naming both. */
function claim(owners: Map<string, string>, slugs: string[], filePath: string): void {
  const clash = claimSlugs(owners, filePath, slugs);
  if (clash) throw entryError(clash);
}

/** Problems listed in one error: enough to start fixing, not a screenful per broken file. */
const shownProblems = 20;

/**
 * In a build, what the build's work found wrong in the entries it read (`build-work.ts`);
 * undefined when not building, or when that work failed and the entries are checked here.
 */
async function checkedByBuild(): Promise<string[] | undefined> {
  const read = handedOver<Promise<PapersRead>>('papers');
  return read?.then(
    (r) => r.problems,
    () => undefined,
  );
}

/**
 * Papers as data. Frontmatter is read with gray-matter, and the body is not compiled here, so a
 * paper costs what its data costs; the few bodies with notes are compiled by the `notes` collection.
 *
 * In a build, the pages take the papers from the build's work (`build-work.ts`), which reads and
 * checks every file on its own thread, and the store keeps none: Astro inlines its whole store into
 * the server bundle, which at 11k papers (24 MB) cost each build ~2 s to bundle, compile, parse and
 * write out again, on top of ~1.5 s to read the files here a second time. This loader then only
 * stops the build, naming each broken file, when the build's work found one. (The dev server
 * keeps its own store, `.astro/`; `astro sync` and `astro check` fill the build's, which the next
 * build empties again.)
 */
export function papersLoader(dir: string): Loader {
  const root = resolve(dir);
  return {
    name: 'paperboy-papers',
    schema: paperSchema,
    load: async ({ store, generateDigest, watcher }) => {
      const problems = await checkedByBuild();
      if (problems?.length) {
        const more = problems.length > shownProblems ? [`…and ${problems.length - shownProblems} more`] : [];
        const head =
          problems.length === 1 ? 'A paper entry needs fixing:' : `${problems.length} paper entries need fixing:`;
        throw entryError([head, ...problems.slice(0, shownProblems), ...more].join('\n'));
      }
      if (problems) return store.clear();
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
          const entry = readEntry(text, filePath);
          if (typeof entry === 'string') throw entryError(entry);
          const { paper } = entry;
          claim(seen, [paper.slug, ...(paper.aliases ?? [])], filePath);
          ids.add(paper.slug);
          store.set({ id: paper.slug, data: paper, digest, filePath });
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
