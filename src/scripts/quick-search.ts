import { loadPagefind } from './pagefind-client.ts';
import { renderResult } from './render-result.ts';

/** How many results the header box shows before "see all". */
const shown = 5;

/** Results as you type under the header search box; Enter or "see all" opens the search page. */
export function attachQuickSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('[data-quick-results]')!;
  const status = form.querySelector<HTMLElement>('[data-quick-status]')!;
  let latest = 0;

  const close = () => {
    panel.hidden = true;
  };

  const update = async () => {
    const term = input.value.trim();
    const ticket = ++latest;
    if (!term) return close();
    const pagefind = await loadPagefind();
    const search = await pagefind.debouncedSearch(term, {}, 120);
    if (!search || ticket !== latest) return;
    const data = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
    if (ticket !== latest) return;
    const list = document.createElement('ul');
    list.className = 'quick__list';
    list.append(...data.map((d) => renderResult(d, 'hit')));
    const all = document.createElement('a');
    all.className = 'quick__all';
    all.href = `${form.action}?q=${encodeURIComponent(term)}`;
    all.textContent = search.results.length ? `See all ${search.results.length} results` : `No papers match “${term}”`;
    panel.replaceChildren(list, all);
    status.textContent = `${search.results.length} results`;
    panel.hidden = false;
  };

  input.addEventListener('input', () => void update());
  input.addEventListener('focus', () => {
    void loadPagefind().then(() => {
      if (input.value.trim()) void update();
    });
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      input.blur();
    }
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) close();
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node)) close();
  });
}
