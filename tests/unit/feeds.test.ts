import { decodeHTML } from 'entities';
import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { buildFeeds, type FeedOptions } from '../../src/lib/feeds.ts';
import { paperSchema, type PaperInput } from '../../src/lib/paper-schema.ts';

const site = 'https://papers.example.org/digest/';

/** A valid paper with `fields` changed. */
const paper = (slug: string, fields: Partial<PaperInput> = {}) =>
  paperSchema.parse({
    id: `title:${slug}`,
    slug,
    title: `Paper ${slug}`,
    authors: ['Zhiwen Fan', 'Wenyan Cong'],
    abstract: `About ${slug}.`,
    date: '2025-03-12',
    topics: ['sparse-view-3d'],
    ...fields,
  });

const options = (papers: FeedOptions['papers'], extra: Partial<FeedOptions> = {}): FeedOptions => ({
  title: 'Paperboy Digest',
  description: 'A curated digest of research papers.',
  siteUrl: site,
  feedUrls: { rss: `${site}rss.xml`, atom: `${site}atom.xml`, json: `${site}feed.json` },
  papers,
  topicsById: new Map([
    ['sparse-view-3d', { name: 'Sparse-view 3D' }],
    ['llm-compression', { name: 'LLM compression & quantization' }],
  ]),
  urlOf: (p) => `${site}papers/${p.slug}/`,
  ...extra,
});

/** What a reader sees in each format, read back by a real feed parser; HTML fields decoded. */
function readBack(text: string, format: 'rss' | 'atom' | 'json') {
  if (format === 'rss') {
    const feed = parseRssFeed(text);
    return (feed.items ?? []).map((i) => ({
      id: i.guid?.value,
      link: i.link,
      title: i.title,
      summary: i.description && decodeHTML(i.description),
      date: new Date(i.pubDate!).toISOString(),
      categories: i.categories?.map((c) => c.name),
      authors: i.dc?.creators,
    }));
  }
  if (format === 'atom') {
    const feed = parseAtomFeed(text);
    const html = (t?: { value?: string; type?: string }) => (t?.type === 'html' ? decodeHTML(t.value ?? '') : t?.value);
    return (feed.entries ?? []).map((e) => ({
      id: e.id,
      link: e.links?.[0]?.href,
      title: html(e.title),
      summary: html(e.summary),
      date: e.updated,
      categories: e.categories?.map((c) => c.label),
      authors: e.authors?.map((a) => a.name),
    }));
  }
  const feed = parseJsonFeed(JSON.parse(text));
  return (feed.items ?? []).map((i) => ({
    id: i.id,
    link: i.url,
    title: i.title,
    summary: i.content_text,
    date: i.date_published,
    categories: i.tags,
    authors: i.authors?.map((a) => a.name),
  }));
}

const formats = ['rss', 'atom', 'json'] as const;

describe('buildFeeds', () => {
  const papers = [
    paper('older', { date: '2025-03-10', topics: ['llm-compression', 'unknown-topic'] }),
    paper('newest', { date: '2025-03-13', title: 'Bounds of $\\mathcal{O}(\\epsilon^{-3})$', authors: ['Kairun Wen'] }),
    paper('middle', { date: '2025-03-12', abstract: undefined, authors: [], topics: [] }),
    paper('hidden', { date: '2025-03-14', hidden: true }),
  ];
  const feeds = buildFeeds(options(papers));

  it.each(formats)(
    'writes %s with absolute permalinks, newest first, plain-text titles, topics and authors',
    (format) => {
      expect(readBack(feeds[format], format)).toEqual([
        {
          id: `${site}papers/newest/`,
          link: `${site}papers/newest/`,
          title: 'Bounds of O(ε⁻³)',
          summary: 'About newest.',
          date: '2025-03-13T00:00:00.000Z',
          categories: ['Sparse-view 3D'],
          authors: ['Kairun Wen'],
        },
        {
          id: `${site}papers/middle/`,
          link: `${site}papers/middle/`,
          title: 'Paper middle',
          summary: format === 'json' ? 'Paper middle' : undefined, // JSON Feed needs content: the title stands in
          date: '2025-03-12T00:00:00.000Z',
          categories: undefined,
          authors: undefined,
        },
        {
          id: `${site}papers/older/`,
          link: `${site}papers/older/`,
          title: 'Paper older',
          summary: 'About older.',
          date: '2025-03-10T00:00:00.000Z',
          categories: ['LLM compression & quantization', 'unknown-topic'],
          authors: ['Zhiwen Fan', 'Wenyan Cong'],
        },
      ]);
    },
  );

  it.each(formats)('is recognized as %s by format detection', (format) => {
    const text = feeds[format];
    expect(parseFeed(format === 'json' ? JSON.parse(text) : text).format).toBe(format);
  });

  it.each(['rss', 'atom'] as const)('writes well-formed XML for %s', (format) => {
    expect(XMLValidator.validate(feeds[format])).toBe(true);
  });

  it('describes the feeds themselves', () => {
    const rss = parseRssFeed(feeds.rss);
    expect([rss.title, rss.link, rss.lastBuildDate]).toEqual([
      'Paperboy Digest',
      site,
      'Thu, 13 Mar 2025 00:00:00 GMT', // the newest digest day, not the build time
    ]);
    expect(rss.atom?.links?.[0]).toMatchObject({ href: `${site}rss.xml`, rel: 'self' });
    const atom = parseAtomFeed(feeds.atom);
    expect([atom.id, atom.title?.value, atom.updated]).toEqual([site, 'Paperboy Digest', '2025-03-13T00:00:00.000Z']);
    expect(atom.links).toEqual([
      { href: site, rel: 'alternate' },
      { href: `${site}atom.xml`, rel: 'self' },
    ]);
    const json = JSON.parse(feeds.json);
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Paperboy Digest',
      home_page_url: site,
      feed_url: `${site}feed.json`,
    });
  });

  it('is the same text on every build', () => {
    expect(buildFeeds(options(papers))).toEqual(feeds);
  });

  it.each(formats)('keeps a title and abstract with markup characters literal in %s', (format) => {
    const title = 'A <script>alert("x")</script> & ]]> title';
    const abstract = 'Uses <b>bold</b> & ]]> <![CDATA[ tricks';
    const text = buildFeeds(options([paper('x', { title, abstract })]))[format];
    expect(readBack(text, format)[0]).toMatchObject({ title, summary: abstract });
    if (format !== 'json') {
      expect(XMLValidator.validate(text)).toBe(true);
      expect(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toMatch(/<script|<b>/);
    }
  });

  it.each([
    [undefined, 50],
    [3, 3],
    [100, 60],
  ])('keeps the limit %s → %i papers, the most recent', (limit, expected) => {
    const many = Array.from({ length: 60 }, (_, i) =>
      paper(`p${String(i).padStart(2, '0')}`, { date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` }),
    );
    const { json } = buildFeeds(options(many, { limit }));
    const items = JSON.parse(json).items as { date_published: string }[];
    expect(items).toHaveLength(expected);
    const dates = items.map((i) => i.date_published);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2025-01-28T00:00:00.000Z');
  });

  it('takes an explicit update time, language and topic links', () => {
    const updated = new Date('2025-04-01T12:00:00Z');
    const feedsWith = buildFeeds(
      options([paper('a')], { updated, lang: 'en', topicUrlOf: (id) => `${site}topics/${id}/` }),
    );
    expect(parseRssFeed(feedsWith.rss).lastBuildDate).toBe('Tue, 01 Apr 2025 12:00:00 GMT');
    expect(parseRssFeed(feedsWith.rss).language).toBe('en');
    expect(feedsWith.rss).toContain(`<category domain="${site}topics/sparse-view-3d/">Sparse-view 3D</category>`);
    expect(parseAtomFeed(feedsWith.atom).updated).toBe('2025-04-01T12:00:00.000Z');
    expect(parseAtomFeed(feedsWith.atom).entries?.[0].categories?.[0]).toEqual({
      term: 'sparse-view-3d',
      label: 'Sparse-view 3D',
      scheme: `${site}topics/sparse-view-3d/`,
    });
    expect(JSON.parse(feedsWith.json).language).toBe('en');
  });

  it.each(formats)('writes a valid empty %s feed', (format) => {
    const text = buildFeeds(options([]))[format];
    expect(readBack(text, format)).toEqual([]);
  });
});
