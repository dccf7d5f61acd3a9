import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseEntry, serializeEntry } from '../../../src/lib/entry-file.ts';
import { fileStamp, writeFileAtomic, type FileStamp } from '../../../src/lib/files.ts';
import { paperSchema, type PaperInput } from '../../../src/lib/paper-schema.ts';
import { listSourceFiles } from './read-sources.ts';
import { identityKeys, normalizeArxivId, normalizeDoi } from './identity.ts';
import type { Problem } from '../formats/types.ts';
import type { ImportMemo } from './import-memo.ts';

/** An entry file as found on disk. */
export interface Entry {
  path: string;
  data: PaperInput;
  body: string;
  /** The file could not be read as an entry: it is left alone, and papers it may hold are not imported again. */
  broken?: true;
  /** The file's size and modification time before it was read (none for an entry not yet written). */
  stamp?: FileStamp;
}

/** The entries of the digest, indexed for matching. */
export interface EntryIndex {
  entries: Entry[];
  /** Entries by identity key; a title key may hold several different works that share a title. */
  byKey: Map<string, Entry[]>;
  slugs: Set<string>;
}

/** Keys an existing entry can be matched by. */
export function entryKeys(data: PaperInput): string[] {
  return identityKeys({
    id: data.id,
    title: data.title,
    arxivId: normalizeArxivId(data.id.startsWith('arxiv:') ? data.id.slice(6) : undefined),
    doi: normalizeDoi(data.id.startsWith('doi:') ? data.id.slice(4) : undefined),
  });
}

/** Files an entry under a key, once. */
function addKey(index: EntryIndex, key: string, entry: Entry): void {
  const list = index.byKey.get(key);
  if (!list) index.byKey.set(key, [entry]);
  else if (!list.includes(entry)) list.push(entry);
}

/** Adds an entry to the index under each of its keys. */
export function indexEntry(index: EntryIndex, entry: Entry): void {
  for (const key of entryKeys(entry.data)) addKey(index, key, entry);
  // Old slugs (aliases, and the file's own name) stay reserved: their URLs redirect to this paper.
  for (const slug of [entry.data.slug, ...(entry.data.aliases ?? []), basename(entry.path).replace(/\.mdx?$/, '')]) {
    index.slugs.add(slug);
  }
}

/** The id and title a broken entry still shows, read line by line, so its paper is not imported twice. */
function lockBroken(index: EntryIndex, path: string, text: string, slug: string): void {
  index.slugs.add(slug);
  const line = (key: string) => new RegExp(`^${key}:\\s*["']?(.+?)["']?\\s*$`, 'm').exec(text)?.[1];
  const id = line('id');
  const title = line('title') ?? '';
  const data = { id: id ?? '', slug, title, date: '' } as PaperInput;
  const entry: Entry = { path, data, body: '', broken: true };
  for (const key of identityKeys({ id, title })) if (title || key === id) addKey(index, key, entry);
}

/** An entry file as read: what the import memo keeps of it. */
type EntryText = Pick<Entry, 'data' | 'body'>;

/**
 * Reads every entry under `dir`, those unchanged since the last import from its memo. A broken one
 * is reported and left alone; its file name stays reserved.
 */
export async function loadEntries(dir: string, problems: Problem[], memo?: ImportMemo): Promise<EntryIndex> {
  const index: EntryIndex = { entries: [], byKey: new Map(), slugs: new Set() };
  const ignore: Problem[] = [];
  const paths = (await listSourceFiles([dir], ignore)).filter((p) => /\.mdx?$/.test(p));
  // Stamped before they are read: a file saved meanwhile does not pass for what was read.
  const stamps = paths.map((p) => fileStamp(p));
  const known = memo ? await Promise.all(paths.map((p, i) => memo.recall<EntryText>(p, 'entry', stamps[i]))) : [];
  // Read synchronously: 10k small files take a fifth of the time they take through the thread pool.
  const texts = new Map(paths.filter((_, i) => !known[i]).map((p) => [p, readFileSync(p, 'utf8')]));
  for (const [i, path] of paths.entries()) {
    const memoized = known[i];
    const stamp = stamps[i];
    if (memoized) {
      const entry: Entry = { path, ...memoized, stamp };
      index.entries.push(entry);
      indexEntry(index, entry);
      continue;
    }
    const text = texts.get(path)!;
    const slugFromName = path.replace(/^.*\//, '').replace(/\.mdx?$/, '');
    let parsed;
    try {
      parsed = parseEntry(text);
    } catch (error) {
      problems.push({
        file: path,
        field: 'frontmatter',
        message: `entry is not valid YAML, left untouched: ${(error as Error).message.split('\n')[0]}`,
      });
      lockBroken(index, path, text, slugFromName);
      continue;
    }
    const check = paperSchema.safeParse(parsed.data);
    if (!check.success) {
      const issue = check.error.issues[0];
      problems.push({
        file: path,
        field: issue.path.join('.') || 'frontmatter',
        message: `entry left untouched: ${issue.message}`,
      });
      lockBroken(index, path, text, slugFromName);
      continue;
    }
    const entry: Entry = { path, data: parsed.data as PaperInput, body: parsed.body, stamp };
    index.entries.push(entry);
    indexEntry(index, entry);
    await memo?.remember(path, { data: entry.data, body: entry.body } satisfies EntryText, 'entry', stamp);
  }
  return index;
}

/** Where a new entry goes: by digest year and month, named by slug. */
export function entryPath(dir: string, data: { date: string; slug: string }): string {
  return join(dir, data.date.slice(0, 4), data.date.slice(5, 7), `${data.slug}.mdx`);
}

/** Writes an entry's text. */
export async function writeEntry(entry: Entry): Promise<void> {
  await writeFileAtomic(entry.path, serializeEntry(entry.data, entry.body));
}

/** A path relative to the working folder, for messages. */
export const shown = (path: string) => relative(process.cwd(), path) || path;
