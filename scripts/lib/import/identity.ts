import { createHash } from 'node:crypto';
import { titleKey } from '../../../src/lib/text.ts';

/** An arXiv id without version or prefix (`2501.01234`, `hep-th/9901001`), if the text holds one. */
export function normalizeArxivId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /(?:arxiv[:/]\s*|abs\/|pdf\/)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/i.exec(value.trim());
  return m ? m[1] : undefined;
}

/** A DOI in lower case without resolver prefix. */
export function normalizeDoi(value: string | undefined): string | undefined {
  const m = value ? /10\.\d{4,9}\/\S+/.exec(value.trim()) : null;
  return m ? m[0].replace(/[.,;]+$/, '').toLowerCase() : undefined;
}

/** The identity key a title gives when nothing better is known. */
export function titleId(title: string): string {
  return `title:${createHash('sha256').update(titleKey(title)).digest('hex').slice(0, 16)}`;
}

/** Every key a paper can be recognised by, strongest first: arXiv id, DOI, normalized title. */
export function identityKeys(paper: { id?: string; title: string; arxivId?: string; doi?: string }): string[] {
  const keys = [
    paper.arxivId && `arxiv:${paper.arxivId}`,
    paper.doi && `doi:${paper.doi}`,
    paper.id,
    titleId(paper.title),
  ].filter((k): k is string => !!k);
  return [...new Set(keys)];
}

/** Ranks ids so a merge can upgrade a title id to a DOI or arXiv id, never the reverse. */
export function idStrength(id: string): number {
  return id.startsWith('arxiv:') ? 3 : id.startsWith('doi:') ? 2 : 1;
}

/** The family name of a paper's first author, folded for comparison ("Given Family" or "Family, Given"). */
function firstAuthorKey(authors: string[] | undefined): string | undefined {
  const first = authors?.[0];
  if (!first) return undefined;
  const family = first.includes(',') ? first.split(',')[0] : first.trim().split(/\s+/).pop();
  return family ? titleKey(family) : undefined;
}

/** What two records say about who wrote a paper, when and under which ids. */
interface Claims {
  keys: string[];
  authors?: string[];
  published?: string;
}

/**
 * Whether two records that share a normalized title are the same work: not when their arXiv ids
 * or DOIs differ, nor their first authors, nor their years by more than one (a preprint and its
 * journal version).
 */
export function sameWork(a: Claims, b: Claims): boolean {
  const strong = (c: Claims) => c.keys.filter((k) => idStrength(k) > 1);
  const sa = strong(a);
  const sb = strong(b);
  if (sa.length && sb.length && !sa.some((k) => sb.includes(k))) return false;
  const fa = firstAuthorKey(a.authors);
  const fb = firstAuthorKey(b.authors);
  if (fa && fb && fa !== fb) return false;
  const ya = Number(a.published?.slice(0, 4));
  const yb = Number(b.published?.slice(0, 4));
  return !(ya && yb && Math.abs(ya - yb) > 1);
}
