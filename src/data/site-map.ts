import type { Paper } from '../lib/paper-schema.ts';
import { chunk, type SitemapEntry } from '../lib/sitemap.ts';
import { topicPages } from '../lib/topic-pages.ts';
import { absolute, dateUrl, page, paperUrl, topicUrl, topicsUrl } from '../lib/urls.ts';
import { settings } from '../settings.ts';
import { loadDigest } from './digest.ts';

const newest = (papers: Paper[]) => papers.reduce((max, p) => (p.date > max ? p.date : max), '') || undefined;

/** Every HTML page of the site with the day its content last changed, in sitemap-sized parts. */
export async function sitemapParts(): Promise<SitemapEntry[][]> {
  const digest = await loadDigest();
  const latest = newest(digest.papers);
  const entries: SitemapEntry[] = [
    { loc: absolute(page()), lastmod: latest },
    { loc: absolute(topicsUrl()), lastmod: latest },
    { loc: absolute(page('archive/')), lastmod: latest },
    { loc: absolute(page('search/')), lastmod: latest },
  ];
  for (const topic of digest.topics) {
    for (const { archive, papers } of topicPages(digest.byTopic.get(topic.id) ?? [], settings.pageSize)) {
      entries.push({ loc: absolute(topicUrl(topic.id, archive)), lastmod: newest(papers) ?? latest });
    }
  }
  for (const group of [...digest.years, ...digest.months, ...digest.weeks, ...digest.days]) {
    entries.push({ loc: absolute(dateUrl(group.key)), lastmod: newest(group.papers) });
  }
  for (const paper of digest.papers) entries.push({ loc: absolute(paperUrl(paper.slug)), lastmod: paper.date });
  return chunk(entries);
}
