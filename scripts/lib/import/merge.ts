import type { PaperInput } from '../../../src/lib/paper-schema.ts';
import { idStrength } from './identity.ts';

type Facts = Omit<PaperInput, 'slug' | 'topics'>;

/** Fields a later import may fill in when the entry lacks them, and never overwrites. */
const fillOnly = ['title', 'abstract', 'published', 'thumbnail', 'summary', 'organization'] as const;
/** Counters that only grow, so the order files are imported in does not matter. */
const counters = ['upvotes', 'comments', 'stars'] as const;

const isBlank = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * New facts merged into an existing entry. Whatever the entry already states wins (the curator
 * may have corrected it); missing facts are filled in, counters keep their highest value, and the
 * slug, digest date, topics and curator switches are never touched.
 */
export function mergeFacts<T extends Facts>(entry: T, incoming: Facts): T {
  const out: T = { ...entry };
  for (const key of fillOnly)
    if (isBlank(out[key]) && !isBlank(incoming[key])) Object.assign(out, { [key]: incoming[key] });
  if (isBlank(out.authors) && !isBlank(incoming.authors)) out.authors = incoming.authors;
  if (isBlank(out.keywords) && !isBlank(incoming.keywords)) out.keywords = incoming.keywords;
  for (const key of counters) {
    const a = out[key];
    const b = incoming[key];
    if (b !== undefined && (a === undefined || b > a)) Object.assign(out, { [key]: b });
  }
  const links = { ...(out.links ?? {}) };
  for (const [key, value] of Object.entries(incoming.links ?? {}) as [keyof typeof links, string | undefined][]) {
    if (value && !links[key]) links[key] = value;
  }
  out.links = links;
  if (idStrength(incoming.id) > idStrength(out.id)) out.id = incoming.id;
  const sources = [...(out.sources ?? [])];
  for (const s of incoming.sources ?? []) if (!sources.includes(s)) sources.push(s);
  out.sources = sources;
  return out;
}
