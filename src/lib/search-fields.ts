import type { Paper } from './paper-schema.ts';
import { monthOf } from './dates.ts';
import { authorLine } from './format.ts';
import { plainText } from './math.ts';

/** What one paper tells the search index besides its text: shown fields, facets and sort keys. */
export interface SearchFields {
  /** Shown with each result without opening it. */
  meta: Record<string, string>;
  /** Facets: each value is one checkbox with a count. */
  filters: Record<string, string[]>;
  /** Sort keys: `date` (YYYY-MM-DD) and `upvotes` (0 where unknown). */
  sort: Record<string, string>;
}

/** A paper's upvotes as the search index sorts them. */
export const upvotesForSort = (paper: Paper): number => paper.upvotes ?? 0;

/** The search fields of a paper; `topicName` turns topic ids into the names readers see. */
export function searchFields(paper: Paper, topicName: (id: string) => string | undefined): SearchFields {
  const topics = paper.topics.map(topicName).filter((n): n is string => !!n);
  const meta: Record<string, string> = { title: plainText(paper.title), date: paper.date };
  if (paper.authors.length) meta.authors = authorLine(paper.authors);
  if (topics.length) meta.topics = topics.join(' · ');
  if (paper.upvotes !== undefined) meta.upvotes = String(paper.upvotes);
  return {
    meta,
    filters: {
      topic: topics,
      year: [paper.date.slice(0, 4)],
      month: [monthOf(paper.date)],
      author: paper.authors,
    },
    sort: { date: paper.date, upvotes: String(upvotesForSort(paper)) },
  };
}
