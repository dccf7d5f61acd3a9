import { settings } from '../settings.ts';

/** A site path under the configured base, e.g. `page('papers/x/')` → `/digest/papers/x/`. */
export function page(path = '', base = settings.base): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a site path, for feeds, canonical links and sharing. */
export function absolute(path: string, site = settings.url): string {
  return new URL(path, `${site}/`).href;
}

export const paperUrl = (slug: string) => page(`papers/${slug}/`);
/** A topic's page, or one of its archive pages (numbered from the oldest papers). */
export const topicUrl = (id: string, archive?: number) => page(`topics/${id}/${archive ? `${archive}/` : ''}`);
export const topicsUrl = () => page('topics/');
/** `/YYYY/`, `/YYYY/MM/` or `/YYYY/MM/DD/` for a year, month or day key. */
export const dateUrl = (key: string) => page(`${key.split('-').join('/')}/`);
export const searchUrl = (query?: string) => page(`search/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
