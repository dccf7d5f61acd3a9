import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The files under `dir`, as paths relative to it with `/` between folders, walked depth-first in
 * name order, hidden entries skipped; a folder is entered only when `enter` (given its path) says so,
 * and only once the walk reaches it, so a caller can stop descending midway.
 */
export function* walkFiles(dir: string, enter: (folder: string) => boolean = () => true): Generator<string> {
  function* walk(folder: string): Generator<string> {
    let entries;
    try {
      entries = readdirSync(folder ? join(dir, folder) : dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (!entry.isDirectory()) yield path;
      else if (enter(path)) yield* walk(path);
    }
  }
  yield* walk('');
}

/** Every file under `dir` whose name matches `pattern`, walked depth-first in name order; hidden entries skipped. */
export function listFilesSync(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const path of walkFiles(dir)) if (pattern.test(basename(path))) out.push(join(dir, path));
  return out;
}

/** A file's text, or undefined when it cannot be read (missing, a folder, no permission). */
export function readTextIfAny(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A file's size and times, or undefined when it cannot be stat'ed; synchronous, as 10k small
 * stats take a tenth of the time they take through the thread pool.
 */
export function statIfAny(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** A file's size and modification time: while both stay the same, so does what it reads as. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The file's stamp now, or undefined when it cannot be stat'ed. */
export function fileStamp(path: string): FileStamp | undefined {
  const info = statIfAny(path);
  return info && { size: info.size, mtimeMs: info.mtimeMs };
}

/** Whether two stamps are of the same file content (false when either is missing). */
export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Each item through `work`, a batch at a time, results in order: one file operation after another,
 * the waits on the disk dominated (10k entries read, 10k cards or index files linked).
 */
export async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>, batch = 64): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += batch) out.push(...(await Promise.all(items.slice(i, i + batch).map(work))));
  return out;
}

/**
 * Writes a file whole or not at all: a temporary file beside it, renamed into place. The temporary
 * name starts with a dot, so an import reading the folder meanwhile (or after a crash) passes it over.
 *
 * @example await writeFileAtomic('content/sources/2025-03-12-hf.json', body);
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** `writeFileAtomic` for code that cannot wait (a module's top level). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** A hidden file beside `path`, named for this process and at random, to write before renaming. */
const tempPath = (path: string) =>
  join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/**
 * A hash of the `.ts` files under `dirs` and of `files` (both from `root`): the version of the code
 * a cache was made by, so that a change to it makes the cache be made again.
 */
export function codeHash(root: string, dirs: string[], files: string[] = []): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of listFilesSync(join(root, dir), /\.ts$/)) hash.update(file).update(readTextIfAny(file) ?? '');
  }
  for (const file of files) hash.update(readTextIfAny(join(root, file)) ?? '');
  return hash.digest('hex');
}
