/**
 * Site settings: the one file a curator edits to make the digest their own.
 * `SITE_URL` and `BASE_PATH` in the environment override `url` and `base` at build time.
 */
export interface Settings {
  /** Site title, shown in the header, feeds and social cards. */
  title: string;
  /** One-line description, used on the home page and in feeds. */
  description: string;
  /** Absolute URL the site is published at, e.g. `https://papers.example.org`. */
  url: string;
  /** Path the site lives under, e.g. `/` or `/digest/` for a GitHub Pages project site. */
  base: string;
  /** Language of the site's own text (BCP 47). */
  lang: string;
  /** Papers per archive page of a topic (its own page shows from this many to twice as many less one); `PAPERBOY_PAGE_SIZE` overrides it. */
  pageSize: number;
  /** How many recent digest days the home page lists. */
  recentDays: number;
  /** Taxonomy file, relative to the project root. */
  topicsFile: string;
  /** Folder the import reads by default, relative to the project root. */
  sourcesDir: string;
  /** Folder holding one entry per paper, relative to the project root. */
  papersDir: string;
  /**
   * Papers per search-index shard: a larger digest's index is written in shards, one at a time,
   * because Pagefind holds a whole index in memory (25k papers: 3.5 GiB). `PAPERBOY_SEARCH_SHARD`
   * overrides it.
   */
  searchShardPapers: number;
  /**
   * Above this many papers in the newest shard, its last month (with the month before while it
   * has under a tenth of this) is indexed as a shard of its own: Pagefind cannot update an index,
   * so a day added re-indexes its whole shard, and this keeps that to a month or two of papers
   * (README, "Settings"). `PAPERBOY_SEARCH_MONTH_APART` overrides it.
   */
  searchMonthApart: number;
  /** Draw a social card (Open Graph image) for every paper, day and topic; `PAPERBOY_CARDS=off` skips them. */
  cards: boolean;
}

const defaults: Settings = {
  title: 'Paperboy Digest',
  description: 'A curated digest of research papers, one day at a time.',
  url: 'https://example.org',
  base: '/',
  lang: 'en',
  pageSize: 20,
  recentDays: 7,
  topicsFile: 'content/topics.yaml',
  sourcesDir: 'content/sources',
  papersDir: 'content/papers',
  searchShardPapers: 25_000,
  searchMonthApart: 5_000,
  cards: true,
};

/** Makes `digest`, `/digest`, `/digest/` all read `/digest/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A whole number of papers above zero, or nothing. */
function papersCount(value: string | undefined): number | undefined {
  const size = Number(value);
  return Number.isInteger(size) && size > 0 ? size : undefined;
}

/** Settings with environment overrides applied. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  return {
    ...defaults,
    url: (env.SITE_URL || defaults.url).replace(/\/+$/, ''),
    base: normalizeBase(env.BASE_PATH || defaults.base),
    cards: env.PAPERBOY_CARDS === 'off' ? false : defaults.cards,
    searchShardPapers: papersCount(env.PAPERBOY_SEARCH_SHARD) ?? defaults.searchShardPapers,
    searchMonthApart: papersCount(env.PAPERBOY_SEARCH_MONTH_APART) ?? defaults.searchMonthApart,
    pageSize: papersCount(env.PAPERBOY_PAGE_SIZE) ?? defaults.pageSize,
  };
}

export const settings = loadSettings();
