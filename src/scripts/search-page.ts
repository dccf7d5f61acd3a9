import { loadPagefind, type PagefindResults } from './pagefind-client.ts';
import { formatDate, renderResult } from './render-result.ts';
import { minTermLength, pauseFor } from './typing.ts';
import {
  facetNames,
  isActive,
  pagefindOptions,
  paramsFromState,
  stateFromParams,
  type FacetName,
  type SearchState,
} from '../lib/search-state.ts';

/** Results shown at first and added by "Show more". */
const pageSize = 20;
/** Facet values shown before "Show all": authors run to thousands, months to hundreds. */
const facetLimit: Record<FacetName, number> = { topic: 40, year: 20, month: 12, author: 12 };

const root = document.querySelector<HTMLElement>('[data-search-page]')!;
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!;
const list = root.querySelector<HTMLOListElement>('[data-results]')!;
const summary = root.querySelector<HTMLElement>('[data-summary]')!;
const more = root.querySelector<HTMLButtonElement>('[data-more]')!;

let state: SearchState = stateFromParams(new URLSearchParams(location.search));
let current: PagefindResults | undefined;
let shown = 0;
let ticket = 0;
let facetData: Promise<void> | undefined;
/** True once Pagefind holds the filter data, so that its searches come with facet counts. */
let facetsLoaded = false;
const expanded = new Set<FacetName>();

const facetLabels: Record<FacetName, string> = { topic: 'Topic', year: 'Year', month: 'Month', author: 'Author' };
const valueLabel = (facet: FacetName, value: string) =>
  facet === 'month'
    ? formatDate(`${value}-01`)
        .replace(/\s*\d+,?\s*/, ' ')
        .trim()
    : value;

/** Writes the state to the URL: a new history entry for a new search, a replacement while typing. */
function pushState(replace: boolean): void {
  const query = paramsFromState(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

/** The facet checkboxes, each value with its count under the current query. */
function renderFacets(results: PagefindResults): void {
  const groups = facetNames.map((facet) => {
    // `filters` counts under the current query and filters; `totalFilters` (set only while filtering) without them.
    const live = results.filters[facet] ?? {};
    const counts = { ...live, ...results.totalFilters?.[facet] };
    const values = Object.keys(counts)
      .filter((v) => (counts[v] ?? 0) > 0 || state.filters[facet].includes(v))
      .sort((a, b) =>
        facet === 'year' || facet === 'month'
          ? b.localeCompare(a)
          : (live[b] ?? 0) - (live[a] ?? 0) || a.localeCompare(b),
      );
    if (values.length === 0) return undefined;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = facetLabels[facet];
    fieldset.append(legend);
    const visible = expanded.has(facet) ? values : values.slice(0, facetLimit[facet]);
    for (const value of visible) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = facet;
      box.value = value;
      box.checked = state.filters[facet].includes(value);
      const name = document.createElement('span');
      name.textContent = valueLabel(facet, value);
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(live[value] ?? 0);
      label.append(box, name, count);
      fieldset.append(label);
    }
    if (values.length > visible.length) {
      const all = document.createElement('button');
      all.type = 'button';
      all.className = 'facet-more';
      all.dataset.facet = facet;
      all.textContent = `Show all ${values.length}`;
      fieldset.append(all);
    }
    return fieldset;
  });
  facetsBox.replaceChildren(...groups.filter((g): g is HTMLFieldSetElement => !!g));
}

/** Appends the next page of results. */
async function showMore(): Promise<void> {
  if (!current) return;
  const mine = ticket;
  const slice = current.results.slice(shown, shown + pageSize);
  const data = await Promise.all(slice.map((r) => r.data()));
  if (mine !== ticket) return;
  list.append(...data.map((d) => renderResult(d)));
  shown += slice.length;
  more.hidden = shown >= current.results.length;
}

/** Runs the search the state describes and renders it. */
async function run(): Promise<void> {
  const mine = ++ticket;
  input.value = state.q;
  sortSelect.value = state.sort;
  const pagefind = await loadPagefind({ worker: true });
  const query = state.q.trim() || null;
  const options = pagefindOptions(state);
  const withCounts = facetsLoaded;
  const results = await pagefind.search(query, options);
  if (mine !== ticket) return;
  current = results;
  shown = 0;
  list.replaceChildren();
  renderFacets(results);
  if (!isActive(state)) {
    summary.textContent = 'Type to search every paper, or pick a topic, year or author.';
  } else {
    const n = results.results.length;
    summary.textContent = `${n} ${n === 1 ? 'paper' : 'papers'}${state.q ? ` for “${state.q}”` : ''}`;
  }
  await showMore();
  if (withCounts || mine !== ticket) return;
  // Pagefind counts facet values only once all filter data is loaded: ~230 KB at 10k papers,
  // mostly author lists, whose decoding and counting keep Pagefind's worker busy. It is fetched
  // once the first page of results is shown, so it never delays their fragments; then this
  // search runs again for its counts.
  facetData ??= pagefind.filters().then(() => void (facetsLoaded = true));
  await facetData;
  if (mine !== ticket) return;
  const counted = await pagefind.search(query, options);
  if (mine === ticket) renderFacets((current = counted));
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  state = { ...state, q: input.value };
  clearTimeout(typing);
  const length = input.value.trim().length;
  if (length > 0 && length < minTermLength) return;
  typing = setTimeout(() => {
    pushState(true);
    void run();
  }, pauseFor(input.value));
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  state = { ...state, q: input.value };
  pushState(false);
  void run();
});
sortSelect.addEventListener('change', () => {
  state = { ...state, sort: stateFromParams(new URLSearchParams({ sort: sortSelect.value })).sort };
  pushState(false);
  void run();
});
facetsBox.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  const facet = box.name as FacetName;
  const values = new Set(state.filters[facet]);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  state = { ...state, filters: { ...state.filters, [facet]: [...values] } };
  pushState(false);
  void run();
});
facetsBox.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('.facet-more');
  if (!button || !current) return;
  expanded.add(button.dataset.facet as FacetName);
  renderFacets(current);
});
more.addEventListener('click', () => void showMore());
addEventListener('popstate', () => {
  state = stateFromParams(new URLSearchParams(location.search));
  void run();
});

void run();
