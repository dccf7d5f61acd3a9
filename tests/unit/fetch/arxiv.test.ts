import { afterEach, describe, expect, it } from 'vitest';
import { arxivSourceName, arxivUrl, fetchArxiv } from '../../../scripts/lib/fetch/arxiv.ts';
import { joinAtomPages, readAtomPage } from '../../../scripts/lib/fetch/arxiv-feed.ts';
import { arxivAtom } from '../../../scripts/lib/formats/arxiv-atom.ts';
import { FakeClock, fakeArxiv, inTurn, recorded, reply, startServer } from './support.ts';

const feed = recorded('arxiv-query-random.xml');
const ids = ['2101.02199v5', '2502.06628v1', '2409.12515v1', '1607.04331v2', '1910.08253v1'];

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('readAtomPage', () => {
  it('reads a recorded answer: its entries as arXiv wrote them, and the total', () => {
    const page = readAtomPage(feed);
    expect(page.ids).toEqual(ids.map((id) => `http://arxiv.org/abs/${id}`));
    expect(page.total).toBe(37976);
    expect(page.header).toMatch(/^<\?xml[\s\S]*<opensearch:startIndex>0<\/opensearch:startIndex>\r?\n {2}$/);
    expect(page.entries.every((e) => e.startsWith('<entry>') && e.endsWith('</entry>'))).toBe(true);
  });

  it("reports arXiv's own error entry in one line", () => {
    expect(() => readAtomPage(recorded('arxiv-error.xml'))).toThrow(
      'the arXiv API answered with an error: incorrect id format for 2501.0123',
    );
  });

  it.each([
    ['<html><body>Rate exceeded.</body></html>'],
    ['{"entries": []}'],
    [feed.slice(0, 4000)], // cut mid-way
    ['<?xml version="1.0"?><rss><channel/></rss>'],
  ])('rejects a body that is not an Atom feed: %#', (body) => {
    expect(() => readAtomPage(body)).toThrow(/^export\.arxiv\.org answered with something other than an Atom feed: "/);
  });
});

describe('joinAtomPages', () => {
  it('makes one feed of several pages, each entry once, that the importer reads', () => {
    const whole = readAtomPage(feed);
    const page = (from: number, to: number) => ({
      ...whole,
      entries: whole.entries.slice(from, to),
      ids: whole.ids.slice(from, to),
    });
    const joined = joinAtomPages([page(0, 3), page(2, 5)]); // overlapping, as paging can when arXiv gains papers
    expect(joined.count).toBe(5);
    const parsed = arxivAtom.parse({ path: 'x.xml', name: 'x.xml', text: joined.text }, {});
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.arxivId)).toEqual(ids);
  });
});

describe('arxivSourceName', () => {
  it.each([
    [{ query: 'cat:cs.CV AND ti:splatting', max: 50 }, '2025-03-12-arxiv-cat-cs-cv-and-ti-splatting.xml'],
    [{ ids: ['2501.01234', '2403.20309'] }, '2025-03-12-arxiv-2501.01234_2403.20309.xml'],
    [{ ids: ['hep-th/9901001'] }, '2025-03-12-arxiv-hep-th-9901001.xml'],
    [
      { ids: ['2501.01234', '2403.20309', '2403.20310', '2403.20311'] },
      /^2025-03-12-arxiv-2501\.01234-and-3-more-[0-9a-f]{6}\.xml$/,
    ],
    [
      { query: 'abs:"gaussian splatting" AND cat:cs.CV AND submittedDate:[202501010000 TO 202502010000]', max: 5 },
      /^2025-03-12-arxiv-abs-gaussian-splatting-and-cat-cs-cv-and-[0-9a-f]{6}\.xml$/,
    ],
  ])('%j → %s', (request, name) => {
    expect(arxivSourceName('2025-03-12', request)).toMatch(name);
  });
});

describe('fetchArxiv', () => {
  /** Serves the recorded feed as a fake arXiv and notes, by the fake clock, when each request came. */
  async function serve() {
    const clock = new FakeClock();
    const at: number[] = [];
    server = await startServer(fakeArxiv(feed, () => at.push(clock.now())));
    return { clock, at, http: { fetch: server.fetch, clock }, seen: server.seen };
  }

  it('pages through a query, newest first, and returns one feed of every entry', async () => {
    const { http, seen } = await serve();
    const pages: string[] = [];
    const result = await fetchArxiv(
      { query: 'ti:"random"', max: 5 },
      { http, pageSize: 2, onPage: (n, of) => pages.push(`${n}/${of}`) },
    );
    expect(seen.map((s) => [s.url.searchParams.get('start'), s.url.searchParams.get('max_results')])).toEqual([
      ['0', '2'],
      ['2', '2'],
      ['4', '1'],
    ]);
    expect(seen[0].url.searchParams.get('search_query')).toBe('ti:"random"');
    expect(seen[0].url.searchParams.get('sortBy')).toBe('submittedDate');
    expect(pages).toEqual(['2/5', '4/5', '5/5']);
    expect(result.count).toBe(5);
    expect(readAtomPage(result.text).ids).toEqual(readAtomPage(feed).ids);
  });

  it('stops when arXiv has no more, however many were asked for', async () => {
    const { http, seen } = await serve();
    const result = await fetchArxiv({ query: 'ti:"random"', max: 50 }, { http, pageSize: 2 });
    expect(seen).toHaveLength(3);
    expect(result).toMatchObject({ count: 5, total: 5 });
  });

  it('waits at least 3 s between successive arXiv requests', async () => {
    const { http, at, clock } = await serve();
    await fetchArxiv({ query: 'ti:"random"', max: 5 }, { http, pageSize: 1 });
    expect(at).toHaveLength(5);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    expect(gaps.every((gap) => gap >= 3000)).toBe(true);
    expect(clock.sleeps).toEqual([3000, 3000, 3000, 3000]);
  });

  it('asks for ids in groups of a page', async () => {
    const { http, seen } = await serve();
    const result = await fetchArxiv({ ids: ['2101.02199', '2409.12515', '1910.08253'] }, { http, pageSize: 2 });
    expect(seen.map((s) => s.url.searchParams.get('id_list'))).toEqual(['2101.02199,2409.12515', '1910.08253']);
    expect(readAtomPage(result.text).ids).toEqual([
      'http://arxiv.org/abs/2101.02199v5',
      'http://arxiv.org/abs/2409.12515v1',
      'http://arxiv.org/abs/1910.08253v1',
    ]);
  });

  it("reports a request arXiv rejects with HTTP 400 in arXiv's words", async () => {
    server = await startServer(inTurn(reply(400, recorded('arxiv-error.xml'))));
    const error = await fetchArxiv({ ids: ['2501.0123'] }, { http: { fetch: server.fetch } }).catch((e: Error) => e);
    expect((error as Error).message).toBe('the arXiv API answered with an error: incorrect id format for 2501.0123');
  });

  it('builds the API URL', () => {
    expect(arxivUrl({ search_query: 'cat:cs.CV AND ti:splatting', start: 0, max_results: 50 })).toBe(
      'https://export.arxiv.org/api/query?search_query=cat%3Acs.CV+AND+ti%3Asplatting&start=0&max_results=50',
    );
  });
});
