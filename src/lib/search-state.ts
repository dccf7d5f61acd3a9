/** Facets the search page offers, in the order it shows them. */
export const facetNames = ['topic', 'year', 'month', 'author'] as const;
export type FacetName = (typeof facetNames)[number];

/** Orders the search page offers. */
export const sortNames = ['relevance', 'newest', 'upvotes'] as const;
export type SortName = (typeof sortNames)[number];

/** Everything a search is: the query, the chosen facet values and the order. It lives in the URL. */
export interface SearchState {
  q: string;
  filters: Record<FacetName, string[]>;
  sort: SortName;
}

/** The state a URL's query string describes; unknown or repeated junk is ignored. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    facetNames.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]]),
  ) as Record<FacetName, string[]>;
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    filters,
    sort: sortNames.includes(sort as SortName) ? (sort as SortName) : 'relevance',
  };
}

/** The query string for a state: `q`, then each facet value, then a non-default sort. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of facetNames) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/** Pagefind search options for a state: facet values within a facet are alternatives (any), facets combine (all). */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: Record<string, { any: string[] }> = {};
  for (const name of facetNames) if (state.filters[name].length) filters[name] = { any: state.filters[name] };
  const key = state.sort === 'newest' ? 'date' : state.sort === 'upvotes' ? 'upvotes' : undefined;
  return key ? { filters, sort: { [key]: 'desc' } } : { filters };
}

/** True when the state asks for anything at all. */
export function isActive(state: SearchState): boolean {
  return state.q.trim() !== '' || facetNames.some((n) => state.filters[n].length > 0);
}
