import type { Paper } from './paper-schema.ts';
import { searchFields } from './search-fields.ts';
import { paperUrl } from './urls.ts';

/** A Pagefind custom record: what the dev server indexes instead of built HTML. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** A paper as a search record: the same fields the paper page carries, and its text in reading order. */
export function searchRecord(
  paper: Paper,
  notes: string,
  topicName: (id: string) => string | undefined,
  language: string,
): SearchRecord {
  const fields = searchFields(paper, topicName);
  const content = [paper.title, paper.authors.join(', '), fields.filters.topic.join(', '), paper.abstract ?? '', notes]
    .filter(Boolean)
    .join('\n');
  return { url: paperUrl(paper.slug), content, language, ...fields };
}
