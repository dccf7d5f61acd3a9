import * as pagefind from 'pagefind';
import { compareNewest } from '../lib/digest.ts';
import type { PaperOnDisk } from '../lib/read-entries.ts';
import { upvotesForSort } from '../lib/search-fields.ts';
import { searchPage } from '../lib/search-record.ts';
import { cutShards, shardPath, upvoteRuns, type SearchManifest } from '../lib/search-shards.ts';
import type { Topic } from '../lib/topics.ts';

/** Turns Pagefind's error list into one thrown error. */
export function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * Indexes every paper page the site has, newest first, in shards of about `shardPapers` papers:
 * each shard is handed to `use` (to write it or read its files) and dropped with Pagefind's
 * process before the next is made, so memory holds one shard at a time.
 */
export async function indexShards(
  entries: { papers: PaperOnDisk[]; topics: Topic[] },
  language: string,
  shardPapers: number,
  use: (index: pagefind.PagefindIndex, path: string) => Promise<void>,
): Promise<{ manifest: SearchManifest; pages: number }> {
  const names = new Map(entries.topics.map((t) => [t.id, t.name]));
  const shown = entries.papers.filter(({ paper }) => !paper.hidden).sort((a, b) => compareNewest(a.paper, b.paper));
  const shards = cutShards(shown, ({ paper }) => paper.date, shardPapers);
  const manifest: SearchManifest = { shards: [] };
  for (const [i, shard] of shards.entries()) {
    try {
      const created = await pagefind.createIndex({ forceLanguage: language });
      check('createIndex', created.errors);
      const index = created.index!;
      const added = await Promise.all(
        shard.map(({ paper, body }) => index.addHTMLFile(searchPage(paper, body, (id) => names.get(id), language))),
      );
      check('indexing', [...new Set(added.flatMap((a) => a.errors))]);
      await use(index, shardPath(i));
    } finally {
      // Pagefind frees an index's memory only when its process ends.
      await pagefind.close();
    }
    manifest.shards.push({ path: shardPath(i), upvotes: upvoteRuns(shard.map(({ paper }) => upvotesForSort(paper))) });
  }
  return { manifest, pages: shown.length };
}
