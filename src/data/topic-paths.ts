import { formatDayRange } from '../lib/dates.ts';
import { listKey } from '../lib/page-key.ts';
import type { Paper } from '../lib/paper-schema.ts';
import { topicPages } from '../lib/topic-pages.ts';
import { topicUrl } from '../lib/urls.ts';
import { settings } from '../settings.ts';
import { loadDigest } from './digest.ts';

/** A link to another page of the topic. */
export interface TopicLink {
  href: string;
  label: string;
}

/** The days a list of papers (newest first) spans. */
const span = (papers: Paper[]) => formatDayRange(papers.at(-1)!.date, papers[0].date, settings.lang);

/**
 * Static paths of each topic's page and its archive pages (`/topics/<id>/`, `/topics/<id>/1/` …),
 * each with links to the older and newer page and, on the topic's page, to every archive page. An
 * archive page's cache key holds only what it shows, none of which changes as papers are added.
 */
export async function topicPaths() {
  const digest = await loadDigest();
  return digest.topics.flatMap((topic) => {
    const all = digest.byTopic.get(topic.id) ?? [];
    const pages = topicPages(all, settings.pageSize);
    const link = (index: number): TopicLink | undefined => {
      const page = pages[index];
      const label = page?.archive ? `Page ${page.archive}: ${span(page.papers)}` : 'Newest papers';
      return page && { href: topicUrl(topic.id, page.archive), label };
    };
    return pages.map(({ archive, papers }, i) => {
      const shown = {
        topic,
        archive,
        when: archive ? span(papers) : undefined,
        total: archive ? undefined : all.length,
        older: link(i + 1),
        newer: link(i - 1),
        archives: archive ? [] : pages.slice(1).map((_, j) => link(j + 1)!),
      };
      return {
        params: { topic: topic.id, page: archive ? String(archive) : undefined },
        props: { ...shown, papers },
        cacheKey: listKey(papers, digest.topics, shown),
      };
    });
  });
}
