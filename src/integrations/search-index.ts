import * as pagefind from 'pagefind';
import { compareNewest } from '../lib/digest.ts';
import type { PaperOnDisk } from '../lib/read-entries.ts';
import { searchPage } from '../lib/search-record.ts';
import type { Topic } from '../lib/topics.ts';

/** Turns Pagefind's error list into one thrown error. */
export function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** A Pagefind index holding every paper page the site has, added newest first. */
export async function indexPapers(
  entries: { papers: PaperOnDisk[]; topics: Topic[] },
  language: string,
): Promise<{ index: pagefind.PagefindIndex; pages: number }> {
  const names = new Map(entries.topics.map((t) => [t.id, t.name]));
  const shown = entries.papers.filter(({ paper }) => !paper.hidden).sort((a, b) => compareNewest(a.paper, b.paper));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  check('createIndex', errors);
  const added = await Promise.all(
    shown.map(({ paper, body }) => index!.addHTMLFile(searchPage(paper, body, (id) => names.get(id), language))),
  );
  check('indexing', [...new Set(added.flatMap((a) => a.errors))]);
  return { index: index!, pages: shown.length };
}
