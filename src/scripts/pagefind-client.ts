/**
 * The parts of Pagefind's browser API we use. Not `preload` nor `debouncedSearch` (which preloads
 * each term it is given): searching every prefix typed downloads index chunks no query needs.
 */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: object): Promise<PagefindResults>;
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

let pagefind: Promise<Pagefind> | undefined;

/** Loads the site's own Pagefind bundle once, on first use; it is a file written after the build, so it is imported at run time. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = document.documentElement.dataset.base ?? '/';
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await module.options({ baseUrl: base, excerptLength: 24 });
    await module.init();
    return module;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}
