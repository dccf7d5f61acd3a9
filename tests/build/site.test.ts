import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../support/links.ts';
import { hasChromium, useSiteInBrowser } from '../support/browser.ts';

const dist = 'dist';
const topics = parse(readFileSync('content/topics.yaml', 'utf8')) as { id: string }[];

describe('the built sample site', () => {
  it('has a page for each of the 76 papers', () => {
    const papers = readdirSync(`${dist}/papers`).filter((d) => existsSync(`${dist}/papers/${d}/index.html`));
    expect(papers).toHaveLength(76);
    expect(papers).toContain('instantsplat-unbounded-sparse-view-pose-free-gaussian');
  });

  it.each(topics.map((t) => t.id))('has the topic page /topics/%s/', (id) => {
    expect(existsSync(`${dist}/topics/${id}/index.html`)).toBe(true);
  });

  it.each([
    'index.html',
    'topics/index.html',
    '2025/03/12/index.html',
    '2025/03/index.html',
    '2025/index.html',
    'archive/index.html',
    'search/index.html',
    '404.html',
  ])('has %s', (path) => expect(existsSync(`${dist}/${path}`)).toBe(true));

  it('lists all 76 papers on the day page, with the curator intro', () => {
    const html = readFileSync(`${dist}/2025/03/12/index.html`, 'utf8');
    expect(html.match(/href="\/papers\/[^"]+\/"/g)?.length).toBeGreaterThanOrEqual(76);
    expect(html).toContain('Sparsity, everywhere');
  });

  it('renders the curator notes from the MDX body', () => {
    const html = readFileSync(
      `${dist}/papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/index.html`,
      'utf8',
    );
    expect(html).toContain('Curator');
    expect(html).toContain('<strong>and</strong>');
  });

  it('has no broken local link, asset or fragment anywhere', async () => {
    const { pages, links, broken } = await findBrokenLinks(dist);
    expect(pages).toBeGreaterThan(90);
    expect(links).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('indexes only paper pages for search', () => {
    const entry = JSON.parse(readFileSync(`${dist}/pagefind/pagefind-entry.json`, 'utf8'));
    expect(entry.languages.en.page_count).toBe(76);
  });
});

describe.skipIf(!hasChromium)('search in a real browser', () => {
  const site = useSiteInBrowser(() => dist);

  /** Runs a query with the site's own Pagefind bundle and returns result URLs and titles. */
  async function query(term: string, filters: Record<string, string> = {}) {
    const tab = await site.browser.newPage();
    await tab.goto(`${site.url}search/`);
    // A string, so the test runner's transform leaves the browser's own import() alone.
    const results = (await tab.evaluate(`(async () => {
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search(${JSON.stringify(term)}, { filters: ${JSON.stringify(filters)} });
      const data = await Promise.all(search.results.map((r) => r.data()));
      return data.map((d) => ({ url: d.url, title: d.meta.title }));
    })()`)) as { url: string; title: string }[];
    await tab.close();
    return results;
  }

  it('finds a paper by a word of its abstract', async () => {
    const results = await query('DUSt3R');
    expect(results[0]?.url).toBe('/papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/');
  });

  it('finds InstantSplat and the other sparse-view 3D papers for "gaussian splatting"', async () => {
    const titles = (await query('gaussian splatting')).map((r) => r.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^InstantSplat/),
        expect.stringMatching(/^LM-Gaussian/),
        expect.stringMatching(/^CoherentGS/),
      ]),
    );
  });

  it('filters by topic', async () => {
    const results = await query('sparse', { topic: 'Mixture of experts' });
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => r.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^MomentumSMoE/)]));
  });
});
