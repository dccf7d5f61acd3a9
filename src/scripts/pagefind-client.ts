import { manifestFile, mergeCounts, mergeSorted, shardFilter, type SearchManifest } from '../lib/search-shards.ts';

/**
 * The parts of Pagefind's browser API we use. Not `preload` nor `debouncedSearch` (which preloads
 * each term it is given): searching every prefix typed downloads index chunks no query needs.
 */
export interface Pagefind {
  search(
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResults>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface PagefindResults {
  results: { id: string; score: number; data: () => Promise<PagefindFragment> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's module, before it is ready. */
interface PagefindModule extends Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Search over a sharded index. Pagefind merges shards by score, and a sorted search scores each
 * result by its place in its own shard, so a sorted search asks each shard alone (by its `shard`
 * filter) and puts the results in order; facet counts add up across those answers.
 */
function acrossShards(pagefind: Pagefind, manifest: SearchManifest): Pagefind {
  return {
    async search(term, options) {
      const sort = options?.sort;
      if (!sort || Object.keys(sort).length === 0) return pagefind.search(term, options);
      const each = await Promise.all(
        manifest.shards.map((_, i) =>
          pagefind.search(term, { ...options, filters: { ...options?.filters, shard: shardFilter(i) } }),
        ),
      );
      return {
        results: mergeSorted(
          each.map((e) => e.results),
          sort,
          manifest,
        ),
        filters: mergeCounts(each.map((e) => e.filters)),
        // Counted without filters, the shard's included: the same in every answer.
        unfilteredResultCount: each[0]!.unfilteredResultCount,
        totalFilters: each[0]!.totalFilters,
      };
    },
    filters: () => pagefind.filters(),
  };
}

let pagefind: Promise<Pagefind> | undefined;

/**
 * Loads the site's own Pagefind bundle and its list of shards once, on first use; both are files
 * written after the build, so they are fetched at run time. Pagefind searches in a web worker
 * only when asked (`worker`): the search page, which counts every facet value per search (~200 ms
 * at 10k papers), asks; the header box's searches take ~15 ms, and its first search need not
 * download the worker's script (12 KB gzipped). The first call decides for the page, which is
 * safe while the two never share one (`site.ts` leaves the header box off the search page).
 */
export function loadPagefind({ worker = false }: { worker?: boolean } = {}): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = document.documentElement.dataset.base ?? '/';
    const root = `${base}pagefind/`;
    const [module, manifest] = await Promise.all([
      import(/* @vite-ignore */ `${root}pagefind.js`) as Promise<PagefindModule>,
      // Pagefind asks for its own entry afresh each time; the shard list must match it.
      fetch(`${root}${manifestFile}`, { cache: 'no-cache' }).then((r) => {
        if (!r.ok) throw new Error(`${root}${manifestFile}: ${r.status}`);
        return r.json() as Promise<SearchManifest>;
      }),
    ]);
    const options = { baseUrl: base, excerptLength: 24 };
    // Each shard's results carry a `shard` filter, so that a sorted search can ask each shard alone.
    const sharded = manifest.shards.length > 1;
    const tag = (i: number) => (sharded ? { mergeFilter: { shard: shardFilter(i) } } : {});
    try {
      // Where Pagefind runs is the first bundle's choice; a merged one warns of options it does not take.
      await module.options({ ...options, noWorker: !worker, ...tag(0) });
      await module.init();
      await Promise.all(
        manifest.shards
          .slice(1)
          .map((shard, i) => module.mergeIndex(`${root}${shard.path}`, { ...options, ...tag(i + 1) })),
      );
    } catch (error) {
      // A shard that failed to load stays in Pagefind's list; the next try starts from nothing.
      await module.destroy();
      throw error;
    }
    return sharded ? acrossShards(module, manifest) : module;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}
