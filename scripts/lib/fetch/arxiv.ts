import { createHash } from 'node:crypto';
import { slugFromTitle } from '../../../src/lib/slug.ts';
import { joinAtomPages, readAtomPage, type AtomPage } from './arxiv-feed.ts';
import { HttpStatusError } from './errors.ts';
import { getText, type HttpOptions } from './http.ts';
import { RateLimiter } from './rate-limit.ts';

/** The arXiv API's query endpoint. */
export const arxivEndpoint = 'https://export.arxiv.org/api/query';

/** arXiv asks for no more than one request every three seconds. */
export const arxivIntervalMs = 3000;

/** Results asked for per request: arXiv caps a request at 2,000, and a smaller page comes back quicker. */
export const arxivPageSize = 100;

/** What to ask arXiv for: papers by id, or the newest `max` papers matching a search query. */
export type ArxivRequest = { ids: string[] } | { query: string; max: number };

/** `https://export.arxiv.org/api/query?search_query=…&start=0&max_results=100&…` */
export function arxivUrl(params: Record<string, string | number>): string {
  return `${arxivEndpoint}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
}

/**
 * The URL that fetches one slice of the request: ids in groups of `pageSize`, or a query from `start`.
 * A query is sorted newest first, which is what a digest wants and keeps paging stable.
 */
function pageUrl(request: ArxivRequest, start: number, size: number): string {
  if ('ids' in request)
    return arxivUrl({ id_list: request.ids.slice(start, start + size).join(','), max_results: size });
  return arxivUrl({
    search_query: request.query,
    start,
    max_results: size,
    sortBy: 'submittedDate',
    sortOrder: 'descending',
  });
}

/** A short hash, so two long requests that cut to the same name still get two files. */
const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 6);

/**
 * `2025-03-12-arxiv-<slug>.xml`: the day first (the importer reads it from the name), then what was asked.
 *
 * @example arxivSourceName('2025-03-12', { query: 'cat:cs.CV AND ti:splatting', max: 50 })
 * // '2025-03-12-arxiv-cat-cs-cv-and-ti-splatting.xml'
 */
export function arxivSourceName(date: string, request: ArxivRequest): string {
  let slug: string;
  if ('ids' in request) {
    const ids = request.ids.map((id) => id.replace(/[^\w.]+/g, '-'));
    slug = ids.length <= 3 ? ids.join('_') : `${ids[0]}-and-${ids.length - 1}-more-${hash(ids.join(','))}`;
  } else {
    const full = slugFromTitle(request.query, 200);
    const cut = slugFromTitle(request.query, 50);
    slug = cut === full ? cut : `${cut}-${hash(request.query)}`;
  }
  return `${date}-arxiv-${slug}.xml`;
}

/** One page of results; a rejected request (HTTP 400) is reported in arXiv's own words when it gives them. */
async function getPage(url: string, http: HttpOptions): Promise<AtomPage> {
  try {
    return readAtomPage(await getText(url, 'application/atom+xml', http));
  } catch (error) {
    if (error instanceof HttpStatusError && /\/api\/errors/.test(error.body)) readAtomPage(error.body); // throws arXiv's reason
    throw error;
  }
}

/** How a fetch from arXiv goes: the HTTP options, and who is told of each page. */
export interface ArxivOptions {
  http?: HttpOptions;
  /** Results per request. Default `arxivPageSize`; tests page through small recordings with less. */
  pageSize?: number;
  /** Told after each page, e.g. to print `200 of 702`. */
  onPage?: (fetched: number, wanted: number) => void;
}

/**
 * Asks arXiv for the request, a page at a time and at least 3 s apart, and returns one Atom feed
 * holding every entry (each once), with how many entries it has and how many the query matches in all.
 *
 * @example const { text, count } = await fetchArxiv({ query: 'cat:cs.CV AND ti:splatting', max: 50 });
 */
export async function fetchArxiv(
  request: ArxivRequest,
  options: ArxivOptions = {},
): Promise<{ text: string; count: number; total: number | undefined }> {
  const pageSize = options.pageSize ?? arxivPageSize;
  const limiter = options.http?.limiter ?? new RateLimiter(arxivIntervalMs, options.http?.clock);
  const http = { ...options.http, limiter };
  const wanted = 'ids' in request ? request.ids.length : request.max;
  const pages: AtomPage[] = [];
  let total: number | undefined;
  for (let start = 0; start < wanted;) {
    const size = Math.min(pageSize, wanted - start);
    const page = await getPage(pageUrl(request, start, size), http);
    pages.push(page);
    total = page.total;
    start += 'ids' in request ? size : page.entries.length;
    options.onPage?.(Math.min(start, wanted), wanted);
    // A query is done when arXiv has nothing more: a short or empty page, or the end of its results.
    if (!('ids' in request) && (page.entries.length < size || (total !== undefined && start >= total))) break;
  }
  return { ...joinAtomPages(pages), total };
}
