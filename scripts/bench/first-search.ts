import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/serve.ts';

/** Bytes a reader's browser fetched for one action. */
export interface Transfer {
  /** Files fetched, with their size and gzipped size. */
  files: { path: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/** What a reader downloads: a paper page and its scripts, then a first search from it and on the search page. */
export interface ReaderCost {
  /** The paper page's own load: HTML, CSS, scripts. */
  paperPage: Transfer;
  /** Scripts the paper page loads before any search. */
  paperScripts: string[];
  /** A first query typed into the header box on a paper page (only what the query adds). */
  quickSearch?: Transfer;
  /** A first query opened as `/search/?q=…` in a fresh browser (Pagefind's files only). */
  searchPage?: Transfer;
  /**
   * Milliseconds from a loaded index to results with their first 5 fragments, median of 5 runs:
   * the header box, and the search page's first results (facet data is loaded after them).
   */
  searchMs?: number;
  /** The same once the search page has loaded its facet data: Pagefind then counts every facet value per search. */
  facetSearchMs?: number;
}

/**
 * Milliseconds between keys when the benchmark types a query: a quick typist (~100 words a
 * minute). Typing with no delay would hide the searches the box runs between keys.
 */
export const keyDelay = 120;

/** Times a query once its index chunks (and, with `facets`, all filter data) are loaded, as a reader waits for results. */
async function searchTime(page: Page, query: string, facets: boolean): Promise<number> {
  const times = (await page.evaluate(`(async () => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    await pagefind.init();
    if (${facets}) await pagefind.filters();
    await pagefind.preload(${JSON.stringify(query)});
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const search = await pagefind.search(${JSON.stringify(query)} + (i ? ' ' : ''));
      await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      times.push(performance.now() - t0);
    }
    return times;
  })()`)) as number[];
  return times.sort((a, b) => a - b)[2];
}

/** Pagefind's index, fragments and wasm are stored gzipped already; a host sends them as they are. */
const isGzip = (body: Buffer) => body[0] === 0x1f && body[1] === 0x8b;

/** Sums the responses an action caused, each body measured raw and gzipped as a static host would send it. */
async function transferDuring(
  page: Page,
  keep: (path: string) => boolean,
  action: () => Promise<void>,
): Promise<Transfer> {
  const pending: Promise<Transfer['files'][number] | undefined>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    const path = new URL(response.url()).pathname;
    if (!keep(path) || response.status() !== 200) return;
    pending.push(
      response.body().then(
        (body) => ({ path, bytes: body.length, gzip: isGzip(body) ? body.length : gzipSync(body).length }),
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const files = (await Promise.all(pending)).filter((f) => f !== undefined);
  return { files, bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/** A browser context with service workers blocked, so the offline precache does not count as a search's download. */
async function freshContext(browser: import('playwright-core').Browser): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: 'block' });
}

/** Runs a real query in headless Chromium against the built site in `dist` and sums what it downloaded. */
export async function readerCost(dist: string, paperPath: string, query: string): Promise<ReaderCost | undefined> {
  if (!hasChromium) return undefined;
  const site = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const context = await freshContext(browser);
    const tab = await context.newPage();
    const paperPage = await transferDuring(
      tab,
      () => true,
      async () => void (await tab.goto(site.url + paperPath.slice(1))),
    );
    const paperScripts = paperPage.files.filter((f) => /\.m?js$/.test(f.path)).map((f) => f.path);
    const quickSearch = await transferDuring(
      tab,
      () => true,
      async () => {
        await tab.keyboard.press('/');
        await tab.keyboard.type(query, { delay: keyDelay });
        await tab.locator('.hit').first().waitFor({ timeout: 30_000 });
      },
    ).catch(() => undefined);
    const fresh = await (await freshContext(browser)).newPage();
    const searchPage = await transferDuring(
      fresh,
      (p) => p.includes('/pagefind/'),
      async () => {
        await fresh.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
        await fresh.locator('.result').first().waitFor({ timeout: 30_000 });
      },
    ).catch(() => undefined);
    // The paper page's Pagefind has no filter data; the search page's has, once its facets are counted.
    const searchMs = await searchTime(tab, query, false).catch(() => undefined);
    const facetSearchMs = await searchTime(fresh, query, true).catch(() => undefined);
    return { paperPage, paperScripts, quickSearch, searchPage, searchMs, facetSearchMs };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Median and largest gzipped size of the given HTML files, in bytes. */
export async function gzippedSizes(files: string[]): Promise<{ median: number; max: number; count: number }> {
  const sizes: number[] = [];
  for (const file of files) sizes.push(gzipSync(await readFile(file)).length);
  sizes.sort((a, b) => a - b);
  return { median: sizes[Math.floor(sizes.length / 2)] ?? 0, max: sizes[sizes.length - 1] ?? 0, count: sizes.length };
}
