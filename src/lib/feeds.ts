import { escapeUTF8 as escapeHtml } from 'entities';
import { Feed, type Item } from 'feed';
import { compareNewest } from './digest.ts';
import { plainText } from './math.ts';
import type { Paper } from './paper-schema.ts';

/**
 * The site's feeds: RSS 2.0 and Atom 1.0 written by the `feed` package, JSON Feed 1.1 written here
 * (`feed` writes JSON Feed 1.0, with one author per item and the summary as HTML). Titles and
 * abstracts are plain text (`plainText`); where a format reads a field as HTML (RSS descriptions,
 * Atom's `type="html"`), the text is HTML-escaped first, so `<script>` in a title stays text.
 */

/** What `buildFeeds` needs; every URL absolute. */
export interface FeedOptions {
  /** Feed title, e.g. the site title or "Site — Topic". */
  title: string;
  description: string;
  /** The site's (or the topic page's) absolute URL, the feeds' home link. */
  siteUrl: string;
  /** Where each feed is published, e.g. `{ rss: 'https://x.org/rss.xml', atom: …, json: … }`. */
  feedUrls: { rss: string; atom: string; json: string };
  papers: Paper[];
  /** Topic names for categories; an id without an entry is shown as it is. */
  topicsById: Map<string, { name: string }>;
  /** The absolute permalink of a paper, e.g. `https://x.org/papers/<slug>/`. */
  urlOf: (paper: Paper) => string;
  /** The absolute URL of a topic page, given as the RSS category domain and Atom scheme when set. */
  topicUrlOf?: (id: string) => string;
  /** Feed-level update time; defaults to the newest paper's digest day, so builds are reproducible. */
  updated?: Date;
  /** At most this many papers, the most recent digest days first (default 50). */
  limit?: number;
  /** Language of the site (BCP 47), e.g. `en`. */
  lang?: string;
}

/** The three feed documents as text. */
export interface Feeds {
  rss: string;
  atom: string;
  json: string;
}

/** Midnight UTC of a digest day. */
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** One paper as the feed's fields: plain-text title and summary, authors, topic names. */
function entry(paper: Paper, options: FeedOptions) {
  const title = plainText(paper.title);
  return {
    title,
    summary: paper.abstract ? plainText(paper.abstract) : undefined,
    url: options.urlOf(paper),
    date: dayDate(paper.date),
    authors: paper.authors,
    topics: paper.topics.map((id) => ({ id, name: options.topicsById.get(id)?.name ?? id })),
  };
}
type Entry = ReturnType<typeof entry>;

/** A `feed` instance for one XML format: RSS reads titles as text, Atom as HTML (`type="html"`). */
function xmlFeed(options: FeedOptions, entries: Entry[], updated: Date, format: 'rss' | 'atom'): Feed {
  const feed = new Feed({
    title: options.title,
    description: options.description,
    id: options.siteUrl,
    link: options.siteUrl,
    language: options.lang,
    updated,
    generator: 'Paperboy',
    feedLinks: { [format]: options.feedUrls[format] },
    author: { name: options.title, link: options.siteUrl }, // Atom needs an author when an entry has none
  });
  for (const e of entries) {
    const item: Item = {
      title: format === 'atom' ? escapeHtml(e.title) : e.title,
      link: e.url,
      date: e.date,
      description: e.summary && escapeHtml(e.summary),
      category: e.topics.map(({ id, name }) => ({
        name,
        term: id,
        ...(options.topicUrlOf && { domain: options.topicUrlOf(id), scheme: options.topicUrlOf(id) }),
      })),
    };
    // RSS's own <author> must be an e-mail address; names go in Dublin Core's <dc:creator>, one
    // element per author (the XML writer repeats an element for an array, which `feed`'s type omits).
    const creators = e.authors.map((a) => ({ _text: a })) as unknown as Record<string, unknown>;
    if (format === 'atom') item.author = e.authors.map((name) => ({ name }));
    else if (e.authors.length) item.extensions = [{ name: 'dc:creator', objects: creators }];
    feed.addItem(item);
  }
  return feed;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
function jsonFeed(options: FeedOptions, entries: Entry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title,
    home_page_url: options.siteUrl,
    feed_url: options.feedUrls.json,
    description: options.description,
    ...(options.lang && { language: options.lang }),
    items: entries.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.title,
      content_text: e.summary ?? e.title,
      date_published: e.date.toISOString(),
      ...(e.authors.length && { authors: e.authors.map((name) => ({ name })) }),
      ...(e.topics.length && { tags: e.topics.map((t) => t.name) }),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the most recent papers, each linking to its permalink. */
export function buildFeeds(options: FeedOptions): Feeds {
  const papers = options.papers
    .filter((p) => !p.hidden)
    .sort(compareNewest)
    .slice(0, options.limit ?? 50);
  const entries = papers.map((p) => entry(p, options));
  const updated = options.updated ?? dayDate(papers[0]?.date ?? '1970-01-01');
  const rss = xmlFeed(options, entries, updated, 'rss')
    .rss2()
    .replace('<rss version="2.0"', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"');
  return { rss, atom: xmlFeed(options, entries, updated, 'atom').atom1(), json: jsonFeed(options, entries) };
}
