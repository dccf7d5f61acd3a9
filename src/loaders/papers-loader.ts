import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { ImportOutcome } from '../../scripts/lib/import/import-sources.ts';
import { handedOver } from '../data/handoff.ts';
import { entryBody, entryFile } from '../lib/entry-file.ts';
import { fileStamp, listFilesSync, readTextIfAny, sameStamp, writeFileAtomicSync } from '../lib/files.ts';
import { paperSchema } from '../lib/paper-schema.ts';
import { claimSlugs, readEntry, type PapersRead } from '../lib/read-entries.ts';

/** True when an entry file has a curator's body after its frontmatter. */
export function hasNotes(body: string): boolean {
  return body.trim() !== '';
}

/** Which entry files carried notes, as the last look saw them: relative path → [size, mtime, has notes]. */
type NotesIndex = Record<string, [number, number, boolean] | undefined>;

/** Where the last look's `NotesIndex` is kept. */
export const notesIndexFile = '.cache/notes-index.json';

/** The last look's index; an empty one when there is none or it cannot be read. */
function lastNotesIndex(indexFile: string): NotesIndex {
  try {
    const index: unknown = JSON.parse(readTextIfAny(indexFile) ?? '{}');
    return index && typeof index === 'object' && !Array.isArray(index) ? (index as NotesIndex) : {};
  } catch {
    return {};
  }
}

/**
 * Entry files, relative to `dir`, that carry notes: only these are compiled as MDX. A file with
 * the size and modification time the last look saw is not read again (as with the import's memo,
 * an edit that keeps both goes unseen): reading every entry took ~0.3–0.5 s at 11k papers, on
 * Astro's thread before anything else could start. A fresh checkout reads every file once.
 */
export function filesWithNotes(dir: string, indexFile = notesIndexFile): string[] {
  const last = lastNotesIndex(indexFile);
  const index: NotesIndex = {};
  const withNotes: string[] = [];
  let changed = false;
  for (const path of listFilesSync(dir, entryFile)) {
    const file = relative(dir, path).split('\\').join('/');
    // Stamped before it is read: a file saved meanwhile is read again next time.
    const stamp = fileStamp(path);
    if (!stamp) continue;
    const seen = last[file];
    let notes: boolean;
    if (Array.isArray(seen) && sameStamp({ size: seen[0], mtimeMs: seen[1] }, stamp)) notes = seen[2] === true;
    else {
      changed = true;
      const text = readTextIfAny(path);
      // A file that cannot be read is not remembered: the entries' check names it, and it is looked at again.
      if (text === undefined) continue;
      notes = hasNotes(entryBody(text));
    }
    index[file] = [stamp.size, stamp.mtimeMs, notes];
    if (notes) withNotes.push(file);
  }
  if (changed || Object.keys(last).length !== Object.keys(index).length) {
    try {
      writeFileAtomicSync(indexFile, JSON.stringify(index));
    } catch {
      // A read-only project looks at every file each time.
    }
  }
  return withNotes;
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

/**
 * In a build, how the import went that its first thread ran while Astro started (`build-work.ts`);
 * undefined when not building. An import that crashed stops the build here.
 */
async function importedByBuild(): Promise<ImportOutcome | undefined> {
  return handedOver<Promise<ImportOutcome>>('import')?.catch((error: Error) => {
    throw entryError(`import failed: ${error.message}`);
  });
}

/** The file a problem line names: `file: …` or `file:line: …`. */
const fileOf = (line: string) => /^(.*?)(?::\d+)?: /.exec(line)?.[1];

/** Problems listed in one error: enough to start fixing, not a screenful per broken file. */
const shownProblems = 20;

/** A heading and up to `shownProblems` of the problems under it. */
function problemList(problems: string[], one: string, many: (n: number) => string): string[] {
  if (!problems.length) return [];
  const more = problems.length > shownProblems ? [`…and ${problems.length - shownProblems} more`] : [];
  return [problems.length === 1 ? one : many(problems.length), ...problems.slice(0, shownProblems), ...more];
}

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
 * logs the import that work ran first, and stops the build, naming each broken file and each
 * problem of the import, when there is one. (The dev server
 * keeps its own store, `.astro/`; `astro sync` and `astro check` fill the build's, which the next
 * build empties again.)
 */
export function papersLoader(dir: string): Loader {
  const root = resolve(dir);
  return {
    name: 'paperboy-papers',
    schema: paperSchema,
    load: async ({ store, generateDigest, watcher, logger }) => {
      const imported = await importedByBuild();
      const problems = await checkedByBuild();
      for (const line of imported?.notices ?? []) logger.warn(line);
      if (imported) logger.info(imported.summary.replace(/\n/g, '; '));
      // An entry the import could not read is named once, by the entries' check.
      const broken = new Set(problems?.map(fileOf));
      const importProblems = imported?.problems.filter((line) => !broken.has(fileOf(line))) ?? [];
      if (problems?.length || importProblems.length) {
        const entries = problemList(
          problems ?? [],
          'A paper entry needs fixing:',
          (n) => `${n} paper entries need fixing:`,
        );
        const sources = problemList(
          importProblems,
          'The import found a problem:',
          (n) => `The import found ${n} problems:`,
        );
        throw entryError([...entries, ...sources].join('\n'));
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
