import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';

const dist = 'dist';
const read = (path: string) => readFileSync(`${dist}/${path}`, 'utf8');
const site = 'https://example.org';
const papers = readdirSync(`${dist}/papers`).filter((d) => existsSync(`${dist}/papers/${d}/index.html`));
const topics = (parseYaml(readFileSync('content/topics.yaml', 'utf8')) as { id: string }[]).map((t) => t.id);
const instantSplat = 'papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/';

/** The content of each `<meta name|property=…>` on a page. */
function metaTags(html: string): [string, string][] {
  return [...html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)"/g)].map((m) => [m[1], m[2]]);
}

describe('feeds, parsed back by a real feed parser', () => {
  it.each([
    ['rss.xml', (t: string) => parseRssFeed(t).items ?? []],
    ['atom.xml', (t: string) => parseAtomFeed(t).entries ?? []],
    ['feed.json', (t: string) => parseJsonFeed(JSON.parse(t)).items ?? []],
  ])('/%s lists the newest papers with absolute links', (file, items) => {
    const list = items(read(file)) as unknown[];
    expect(list.length).toBe(50);
    expect(read(file)).toContain(`${site}/${instantSplat}`);
  });

  it.each(topics)('/topics/%s/ has RSS, Atom and JSON feeds', (id) => {
    expect(parseRssFeed(read(`topics/${id}/rss.xml`)).title).toMatch(/—/);
    expect(parseAtomFeed(read(`topics/${id}/atom.xml`)).entries?.length).toBeGreaterThan(0);
    expect(parseJsonFeed(JSON.parse(read(`topics/${id}/feed.json`))).items?.length).toBeGreaterThan(0);
  });

  it('gives each RSS item its topics as categories', () => {
    const item = parseRssFeed(read('rss.xml')).items?.find((i) => i.link === `${site}/${instantSplat}`);
    expect(item?.categories?.map((c) => c.name)).toContain('Sparse-view 3D reconstruction');
  });
});

describe('social cards', () => {
  const cards = [
    ...papers.map((slug) => `papers/${slug}/og.png`),
    '2025/03/12/og.png',
    ...topics.map((id) => `topics/${id}/og.png`),
  ];
  it.each(cards)('%s is a 1200×630 PNG that decodes', async (path) => {
    const { width, height, format } = await sharp(`${dist}/${path}`).metadata();
    expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' });
  });

  it('is announced with absolute og: and twitter: tags', () => {
    const tags = Object.fromEntries(metaTags(read(`${instantSplat}index.html`)));
    expect(tags['og:image']).toBe(`${site}/${instantSplat}og.png`);
    expect(tags['og:type']).toBe('article');
    expect(tags['twitter:card']).toBe('summary_large_image');
    expect(tags['og:description']).toMatch(/^While novel view synthesis/);
    expect(read(`${instantSplat}index.html`)).toContain(`<link rel="canonical" href="${site}/${instantSplat}">`);
  });
});

describe('citation data on a paper page', () => {
  const html = read(`${instantSplat}index.html`);
  it('has Highwire Press tags for Zotero and Google Scholar', () => {
    const tags = metaTags(html);
    expect(tags).toContainEqual([
      'citation_title',
      'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
    ]);
    expect(tags.find(([n]) => n === 'citation_publication_date' || n === 'citation_date')?.[1]).toMatch(
      /^2025\/03\/12$/,
    );
    expect(tags).toContainEqual(['citation_abstract_html_url', `${site}/${instantSplat}`]);
  });

  it('has schema.org ScholarlyArticle JSON-LD', () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    const data = JSON.parse(json!);
    expect(data['@type']).toBe('ScholarlyArticle');
    expect(data.url).toBe(`${site}/${instantSplat}`);
  });

  it('has a Cite block whose BibTeX parses', () => {
    const block = /<pre[^>]*><code[^>]*>([\s\S]*?)<\/code><\/pre>/
      .exec(html)?.[1]
      .replace(/&#123;|&#125;/g, (m) => (m === '&#123;' ? '{' : '}'));
    const bib = parseBibtex(block!.replace(/&amp;/g, '&'));
    expect(bib.entries).toHaveLength(1);
  });

  it.each([
    ['2025/03/12/papers.bib', 76],
    ['topics/sparse-view-3d/papers.bib', 10],
  ])('offers %s with every paper', (path, count) => {
    expect(parseBibtex(read(path)).entries.length).toBe(count);
  });
});

describe('math', () => {
  const html = read('papers/s-2-ft-efficient-scalable-and-generalizable-llm-fine-tuning/index.html');
  it('renders TeX in a title at build time and gives <title> a plain form', () => {
    expect(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]).toContain('<sup>2</sup>');
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toMatch(/^S²FT: Efficient/);
    expect(html).not.toMatch(/<script[^>]*katex/i);
  });
});

describe('sitemap and robots', () => {
  it('lists every page with a lastmod, via a sitemap index that robots.txt points at', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${site}/sitemap.xml`);
    const parts = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(`${site}/`, ''));
    const urls = parts.flatMap((p) =>
      [...read(p).matchAll(/<url><loc>([^<]+)<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/g)].map((m) => m[1]),
    );
    const pages = listFilesSync(dist, /\.html$/)
      .map((f) => f.slice(dist.length + 1))
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `${site}/${f.replace(/index\.html$/, '')}`);
    expect(new Set(urls)).toEqual(new Set(pages));
  });
});

describe('newsletter', () => {
  it.each(['2025/03/12/email.html', '2025/w11/email.html'])('%s is email-ready HTML linking every paper', (path) => {
    const html = read(path);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html.match(new RegExp(`href="${site}/papers/`, 'g'))?.length).toBeGreaterThanOrEqual(60);
    expect(html).toContain('the other 16 are on the web');
    expect(html).not.toMatch(/<script/i);
  });

  it.each(['2025/03/12/email.txt', '2025/w11/email.txt'])('%s is plain text with the permalinks', (path) => {
    const text = read(path);
    expect(text).toContain(`${site}/${instantSplat}`);
    expect(text).not.toMatch(/<[a-z]/i);
  });
});

describe('previous and next within a day', () => {
  it('links each paper page to its neighbours on the day', () => {
    const html = read(`${instantSplat}index.html`);
    expect(html).toMatch(/<a rel="prev"[^>]* href="\/papers\/[^"]+\/"/);
    expect(html).toMatch(/<a rel="next"[^>]* href="\/papers\/[^"]+\/"/);
  });
});
