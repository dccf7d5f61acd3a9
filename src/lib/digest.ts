import type { Paper } from './paper-schema.ts';
import type { Topic } from './topics.ts';
import { isoWeek, monthOf } from './dates.ts';

/** Papers grouped under one date key: a day `YYYY-MM-DD`, a month `YYYY-MM` or a year `YYYY`. */
export interface DateGroup {
  key: string;
  papers: Paper[];
}

/** A group with its neighbours in time, for previous/next links. */
export interface Neighboured<T> {
  item: T;
  /** The earlier neighbour. */
  previous?: T;
  /** The later neighbour. */
  next?: T;
}

/** Everything pages need, computed once per build. */
export interface Digest {
  papers: Paper[];
  bySlug: Map<string, Paper>;
  /** Newest first. */
  days: DateGroup[];
  months: DateGroup[];
  /** ISO weeks, keyed `YYYY-wWW` by ISO week-year. */
  weeks: DateGroup[];
  years: DateGroup[];
  topics: Topic[];
  topicById: Map<string, Topic>;
  /** Papers per topic, newest day first. */
  byTopic: Map<string, Paper[]>;
}

/** The ISO week key of a day, e.g. `2025-w11`. */
export function weekKey(day: string): string {
  const { year, week } = isoWeek(day);
  return `${year}-w${String(week).padStart(2, '0')}`;
}

/** Order within a day: featured first, then most upvoted, then by title. */
export function comparePapers(a: Paper, b: Paper): number {
  return (
    Number(!!b.featured) - Number(!!a.featured) ||
    (b.upvotes ?? -1) - (a.upvotes ?? -1) ||
    a.title.localeCompare(b.title, 'en')
  );
}

/** Newest day first, then the order within a day. */
export function compareNewest(a: Paper, b: Paper): number {
  return b.date.localeCompare(a.date) || comparePapers(a, b);
}

/** Papers grouped by a key, groups newest first and papers in reading order. */
export function groupBy(papers: Paper[], key: (p: Paper) => string): DateGroup[] {
  const groups = new Map<string, Paper[]>();
  for (const p of papers) {
    const k = key(p);
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([k, list]) => ({ key: k, papers: list.sort(comparePapers) }));
}

/** Each item with the one before and after it; `items` is newest first. */
export function withNeighbours<T>(items: T[]): Neighboured<T>[] {
  return items.map((item, i) => ({ item, next: items[i - 1], previous: items[i + 1] }));
}

/** Indexes visible papers by slug, date and topic. */
export function buildDigest(allPapers: Paper[], topics: Topic[]): Digest {
  const papers = allPapers.filter((p) => !p.hidden).sort(compareNewest);
  const byTopic = new Map<string, Paper[]>(topics.map((t) => [t.id, []]));
  for (const p of papers) for (const id of p.topics) byTopic.get(id)?.push(p);
  return {
    papers,
    bySlug: new Map(papers.map((p) => [p.slug, p])),
    days: groupBy(papers, (p) => p.date),
    months: groupBy(papers, (p) => monthOf(p.date)),
    weeks: groupBy(papers, (p) => weekKey(p.date)),
    years: groupBy(papers, (p) => p.date.slice(0, 4)),
    topics,
    topicById: new Map(topics.map((t) => [t.id, t])),
    byTopic,
  };
}
