import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { codeHash, fileStamp, sameStamp, writeFileAtomic, type FileStamp } from '../../../src/lib/files.ts';

/** What a file was read as, valid while its size and modification time stay the same. */
interface Memoized<T> extends FileStamp {
  value: T;
}

/**
 * What the last clean import read, by path: each entry's frontmatter and body, and each source
 * file's normalized papers and messages. A day's import adds one source file to hundreds and 50
 * entries to thousands; reading and parsing all of them again took 3 of its 5 s at 10k papers. A
 * file whose size or modification time changed is read afresh, as is everything after a change
 * to the import's code or libraries (the memo holds their hash).
 */
export class ImportMemo {
  #last = new Map<string, Memoized<unknown>>();
  #next = new Map<string, Memoized<unknown>>();

  constructor(last?: Map<string, Memoized<unknown>>) {
    if (last) this.#last = last;
  }

  /**
   * What `path` was read as last time, if it has not changed since; `key` tells apart ways of
   * reading it; `info` is the file's stamp when the caller took it already.
   */
  async recall<T>(path: string, key = '', info = fileStamp(path)): Promise<T | undefined> {
    const last = this.#last.get(`${key}\0${path}`);
    if (!last || !sameStamp(last, info)) return undefined;
    this.#next.set(`${key}\0${path}`, last);
    return last.value as T;
  }

  /**
   * Notes what `path` reads as. `info` is its stamp taken before it was read, so a file saved
   * while it was read is read again next time.
   */
  async remember(path: string, value: unknown, key = '', info = fileStamp(path)): Promise<void> {
    if (info) this.#next.set(`${key}\0${path}`, { size: info.size, mtimeMs: info.mtimeMs, value });
  }

  /** Forgets `path`, e.g. once the import has written it. */
  forget(path: string, key = ''): void {
    this.#next.delete(`${key}\0${path}`);
  }

  /** The memo to save: what this run recalled or remembered, nothing else. */
  get entries(): Map<string, Memoized<unknown>> {
    return this.#next;
  }
}

/** A hash of the code that decides what a file reads as: the import's and the site's libraries, and the lockfile. */
const hashCode = () =>
  codeHash(fileURLToPath(new URL('../../../', import.meta.url)), ['scripts/lib', 'src/lib'], ['package-lock.json']) +
  process.versions.v8;
let version: string | undefined;
/** The code's hash, made once per run (a memo is loaded and saved by the same run). */
const codeVersion = () => (version ??= hashCode());

/** The memo the last clean import left, or an empty one (none yet, another version of the code, unreadable). */
export async function loadImportMemo(file: string): Promise<ImportMemo> {
  try {
    const saved = deserialize(await readFile(file)) as { version: string; entries: Map<string, Memoized<unknown>> };
    if (saved.version === codeVersion()) return new ImportMemo(saved.entries);
  } catch {
    // No memo, or one this Node cannot read: read every file.
  }
  return new ImportMemo();
}

/** Saves the memo for the next import. */
export async function saveImportMemo(memo: ImportMemo, file: string): Promise<void> {
  await writeFileAtomic(file, serialize({ version: codeVersion(), entries: memo.entries }));
}
