/** One page of a topic's papers. */
export interface TopicPage<T> {
  /** An archive page's number, in its URL: 1 holds the oldest papers. None for the topic's own page. */
  archive?: number;
  /** Its papers, newest first. */
  papers: T[];
}

/**
 * A topic's papers (newest first) as pages, newest first. Archive pages hold `size` papers each,
 * counted from the oldest, so once written an archive page keeps its papers (and its URL keeps
 * meaning the same papers) as days are added; the topic's own page holds the newest: those not in
 * an archive page yet and the newest full group of `size`, so between `size` and `2 × size − 1`
 * papers. Numbering from the newest instead would move every page's papers each day a topic grows
 * (10k papers: ~900 topic pages built again for a day of 50 papers).
 */
export function topicPages<T>(newestFirst: readonly T[], size: number): TopicPage<T>[] {
  const total = newestFirst.length;
  const archives = Math.max(0, Math.floor(total / size) - 1);
  const pages: TopicPage<T>[] = [{ papers: newestFirst.slice(0, total - archives * size) }];
  for (let n = archives; n >= 1; n--) {
    pages.push({ archive: n, papers: newestFirst.slice(total - n * size, total - (n - 1) * size) });
  }
  return pages;
}
