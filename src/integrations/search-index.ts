import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { compareNewest } from '../lib/digest.ts';
import { inBatches } from '../lib/files.ts';
import type { PaperOnDisk } from '../lib/read-entries.ts';
import { upvotesForSort } from '../lib/search-fields.ts';
import { searchPage, type SearchPage } from '../lib/search-record.ts';
import { cutShards, shardPath, upvoteRuns, type SearchManifest } from '../lib/search-shards.ts';
import type { Topic } from '../lib/topics.ts';
import type { Settings } from '../settings.ts';

/** Turns Pagefind's error list into one thrown error. */
export function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** The installed Pagefind's version, or undefined when it cannot be read (then nothing is reused). */
function readPagefindVersion(): string | undefined {
  try {
    const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}
const pagefindVersion = readPagefindVersion();

/** Bumped when what we do to Pagefind's files changes (`writeShard` keeps a later shard's data only). */
const layout = 1;

/** Pagefind's options for a shard. */
const shardOptions = (language: string): pagefind.PagefindServiceConfig => ({ forceLanguage: language });

/**
 * What every shard's files depend on besides its pages: Pagefind's version, its options and how we
 * lay its files out; undefined when Pagefind's version is unknown (then nothing is reused).
 */
export function indexSetup(language: string): string | undefined {
  if (pagefindVersion === undefined) return undefined;
  return JSON.stringify({ layout, pagefindVersion, options: shardOptions(language) });
}

/** What decides a shard's files, hashed: the setup, the shard's place (first or later) and its pages. */
function shardKey(setup: string | undefined, first: boolean, pages: SearchPage[]): string | undefined {
  if (setup === undefined) return undefined;
  const hash = createHash('sha256').update(JSON.stringify({ setup, first }));
  for (const page of pages) hash.update(`\0${page.url}\0${page.content}`);
  return hash.digest('hex');
}

/** Where a shard's files go: a fresh index to write or read, or the key of one an earlier build made. */
export interface ShardSink {
  /** Puts the files of an earlier shard with this key in place; false when there is none. */
  reuse?: (key: string, path: string, pages: SearchPage[]) => Promise<boolean>;
  /** Takes a freshly indexed shard (to write it or read its files), with its key when it has one. */
  use: (index: pagefind.PagefindIndex, path: string, key: string | undefined, pages: SearchPage[]) => Promise<void>;
}

/** Indexes pages in a fresh Pagefind process, hands the index to `use`, then ends the process. */
async function indexPages(
  options: pagefind.PagefindServiceConfig,
  pages: SearchPage[],
  use: (index: pagefind.PagefindIndex) => Promise<void>,
): Promise<void> {
  try {
    const created = await pagefind.createIndex(options);
    check('createIndex', created.errors);
    const index = created.index!;
    // A few hundred at a time: all at once, 10k pages' messages to Pagefind held ~150 MB at the
    // build's peak; in batches Pagefind still always has the next page waiting.
    const adding = inBatches(pages, (page) => index.addHTMLFile(page), 256);
    check('indexing', [...new Set((await adding).flatMap((a) => a.errors))]);
    await use(index);
  } finally {
    // Pagefind frees an index's memory only when its process ends.
    await pagefind.close();
  }
}

/**
 * Indexes every paper page the site has, newest first, in shards of about `searchShardPapers`
 * papers, the newest shard's last month apart above `searchMonthApart` (`cutShards`):
 * each shard is handed to the sink and dropped with Pagefind's process before the next is made,
 * so memory holds one shard at a time. A shard whose pages are unchanged since a build the sink
 * kept is not indexed again, so on most days only the newest shard is.
 */
export async function indexShards(
  entries: { papers: PaperOnDisk[]; topics: Topic[] },
  settings: Pick<Settings, 'lang' | 'searchShardPapers' | 'searchMonthApart'>,
  sink: ShardSink,
): Promise<{ manifest: SearchManifest; pages: number; reused: number }> {
  const names = new Map(entries.topics.map((t) => [t.id, t.name]));
  const shown = entries.papers.filter(({ paper }) => !paper.hidden).sort((a, b) => compareNewest(a.paper, b.paper));
  const shards = cutShards(shown, ({ paper }) => paper.date, settings.searchShardPapers, settings.searchMonthApart);
  const language = settings.lang;
  const manifest: SearchManifest = { shards: [] };
  const setup = indexSetup(language);
  let reused = 0;
  for (const [i, shard] of shards.entries()) {
    const path = shardPath(i);
    const pages = shard.map(({ paper, body }) => searchPage(paper, body, (id) => names.get(id), language));
    const key = shardKey(setup, i === 0, pages);
    if (key && (await sink.reuse?.(key, path, pages))) reused++;
    else await indexPages(shardOptions(language), pages, (index) => sink.use(index, path, key, pages));
    manifest.shards.push({ path, upvotes: upvoteRuns(shard.map(({ paper }) => upvotesForSort(paper))) });
  }
  return { manifest, pages: shown.length, reused };
}
