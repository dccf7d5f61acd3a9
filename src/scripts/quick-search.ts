import { loadPagefind } from './pagefind-client.ts';
import { renderResult } from './render-result.ts';
import { minTermLength, pauseFor } from './typing.ts';

/** How many results the header box shows before "see all". */
const shown = 5;

/** Results as you type under the header search box; Enter or "see all" opens the search page. */
export function attachQuickSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const panel = form.querySelector<HTMLElement>('[data-quick-results]')!;
  const status = form.querySelector<HTMLElement>('[data-quick-status]')!;
  let latest = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    panel.hidden = true;
  };

  const update = async (ticket: number, term: string) => {
    const pagefind = await loadPagefind();
    // A term typed over while Pagefind's script loaded is not searched: its chunk would be wasted.
    if (ticket !== latest) return;
    // Pagefind's `search` only, never `debouncedSearch`: that one preloads every prefix typed.
    const search = await pagefind.search(term);
    if (ticket !== latest) return;
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

  /** Searches the box's term once typing pauses; a newer keystroke cancels it. */
  const schedule = () => {
    const term = input.value.trim();
    const ticket = ++latest;
    clearTimeout(typing);
    if (term.length < minTermLength) return close();
    typing = setTimeout(() => void update(ticket, term), pauseFor(term));
  };

  input.addEventListener('input', schedule);
  input.addEventListener('focus', () => {
    // The index loads while the reader types. Text already in the box is searched as if just
    // typed: this event is also replayed once this module has loaded, maybe mid-word.
    void loadPagefind();
    if (input.value.trim()) schedule();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      clearTimeout(typing);
      latest++;
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
