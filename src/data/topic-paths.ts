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
    const spans = pages.map(({ archive, papers }) => (archive ? span(papers) : undefined));
    // Each page's link made once: the topic's page links to every archive page.
    const links: TopicLink[] = pages.map(({ archive }, i) => ({
      href: topicUrl(topic.id, archive),
      label: archive ? `Page ${archive}: ${spans[i]}` : 'Newest papers',
    }));
    return pages.map(({ archive, papers }, i) => {
      const shown = {
        topic,
        archive,
        when: spans[i],
        total: archive ? undefined : all.length,
        older: links.at(i + 1),
        newer: i > 0 ? links[i - 1] : undefined,
        archives: archive ? [] : links.slice(1),
      };
      return {
        params: { topic: topic.id, page: archive ? String(archive) : undefined },
        props: { ...shown, papers },
        cacheKey: listKey(papers, digest.topics, shown),
      };
    });
  });
}
