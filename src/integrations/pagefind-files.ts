import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { inBatches } from '../lib/files.ts';
import { isContentNamed } from '../lib/search-shards.ts';

/**
 * Pagefind names its data files after their content (`fragment/en_3f2a….pf_fragment`) and does
 * not write such a file when one of that name is already in the output folder. A shard written
 * over yesterday's page fragments therefore compresses and writes only the pages that changed
 * (12.5k papers, one day added: a write of ~9.7 s takes ~8.6 s); what yesterday's shard held and
 * today's does not is then removed, going by today's metadata. (The index and filter chunks
 * number pages by position, which a new day shifts, so they are written anew anyway.)
 *
 * A name is only 7 hex digits of a hash: a new fragment may take the name of a different old one,
 * which Pagefind would then leave in place. Every page unchanged since yesterday keeps its
 * fragment, so today's metadata must name exactly as many of yesterday's fragments as there are
 * such pages; one more is such a clash, and the shard is written again from nothing.
 */

/** The folders under a shard's that hold content-named files. */
const dataFolders = ['fragment', 'index', 'filter'];

/** The content-named files in a shard's folder (not in the folders of later shards within it). */
export async function contentNamedFiles(folder: string, only = ['', ...dataFolders]): Promise<string[]> {
  const list = async (sub: string) =>
    (await readdir(join(folder, sub)).catch(() => [] as string[])).map((name) => (sub ? `${sub}/${name}` : name));
  const all = (await Promise.all(only.map(list))).flat();
  return all.filter(isContentNamed);
}

/** The page fragments of a shard's folder: what a shard is written over. */
export const fragmentFiles = (folder: string): Promise<string[]> => contentNamedFiles(folder, ['fragment']);

/** A shape check that names what it did not find, for metadata from a Pagefind that writes it otherwise. */
function expectRows(value: unknown, what: string, width: number): unknown[][] {
  if (!Array.isArray(value) || !value.every((row) => Array.isArray(row) && row.length >= width))
    throw new Error(`Pagefind's metadata has no ${what} list as this build reads it`);
  return value as unknown[][];
}

/**
 * The content-named files a shard's metadata refers to: itself, a fragment per page, the word
 * index chunks and the filter indexes. The metadata is gzipped CBOR after an 12-byte signature
 * (`pagefind_dcd`); its layout is Pagefind 1.x's, checked here rather than trusted.
 */
export async function referencedFiles(folder: string): Promise<Set<string>> {
  const entry = JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const files = new Set<string>();
  for (const { hash, page_count: pageCount } of Object.values(entry.languages)) {
    const metaFile = `pagefind.${hash}.pf_meta`;
    const raw = gunzipSync(await readFile(join(folder, metaFile)));
    if (raw.subarray(0, 12).toString() !== 'pagefind_dcd') throw new Error(`${metaFile} is not Pagefind's metadata`);
    const meta = decode(raw.subarray(12), { useMaps: false }) as unknown[];
    const pages = expectRows(meta[1], 'page', 1);
    if (pages.length !== pageCount) throw new Error(`${metaFile} lists ${pages.length} pages, not ${pageCount}`);
    files.add(metaFile);
    for (const [page] of pages) files.add(`fragment/${String(page)}.pf_fragment`);
    for (const chunk of expectRows(meta[2], 'index chunk', 3)) files.add(`index/${String(chunk[2])}.pf_index`);
    for (const filter of expectRows(meta[3], 'filter', 2)) files.add(`filter/${String(filter[1])}.pf_filter`);
  }
  return files;
}

/**
 * Removes the fragments a shard was written over (`seeded`) that its metadata does not refer to;
 * throws, removing nothing, when the metadata cannot be read, refers to a file that is not there,
 * or refers to other than `unchanged` of the seeded fragments (a clash of names, above).
 */
export async function dropUnreferenced(folder: string, seeded: Set<string>, unchanged: number): Promise<number> {
  const referenced = await referencedFiles(folder);
  const present = new Set(await contentNamedFiles(folder));
  const missing = [...referenced].filter((file) => !present.has(file));
  if (missing.length)
    throw new Error(`Pagefind's metadata refers to ${missing.length} missing file(s): ${missing[0]}…`);
  const kept = [...seeded].filter((file) => referenced.has(file)).length;
  if (kept !== unchanged)
    throw new Error(`${kept} of the last build's fragments named, for ${unchanged} unchanged pages`);
  const stale = [...seeded].filter((file) => !referenced.has(file));
  await inBatches(stale, (file) => rm(join(folder, file)));
  return stale.length;
}
