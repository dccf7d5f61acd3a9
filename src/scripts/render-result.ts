import type { PagefindFragment } from './pagefind-client.ts';

/** An element with text set as text, never parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpt as nodes: its text is already escaped by Pagefind; only its `<mark>` tags
 * become elements, so nothing else from the index can ever be markup.
 */
export function excerptNodes(excerpt: string): Node[] {
  const decode = (s: string) => {
    const t = document.createElement('textarea');
    t.innerHTML = s; // a textarea's content is text, so entities decode without creating elements
    return t.value;
  };
  return excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).map((part) => {
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    return marked ? el('mark', '', decode(marked[1])) : document.createTextNode(decode(part.replace(/<[^>]*>/g, '')));
  });
}

/** Formats a `YYYY-MM-DD` day for people. */
export function formatDate(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : date.toLocaleDateString(document.documentElement.lang || 'en', {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      });
}

/** One search result: title link, date, authors, topics, excerpt. */
export function renderResult(data: PagefindFragment, className = 'result'): HTMLElement {
  const item = el('li', className);
  const title = el('a', `${className}__title`, data.meta.title ?? data.url);
  title.href = data.url;
  item.append(title);
  const details = el('p', `${className}__meta`);
  const parts = [
    data.meta.date && formatDate(data.meta.date),
    data.meta.authors,
    data.meta.topics,
    data.meta.upvotes && `▲ ${data.meta.upvotes}`,
  ].filter(Boolean) as string[];
  details.textContent = parts.join(' · ');
  item.append(details);
  const excerpt = el('p', `${className}__excerpt`);
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(excerpt);
  return item;
}
