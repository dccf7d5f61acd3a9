import { bibtex, bibtexDigest, type MadeEntries } from '../lib/citation.ts';
import { takeOver } from './handoff.ts';
import type { Paper } from '../lib/paper-schema.ts';
import { absolute, paperUrl } from '../lib/urls.ts';

let made: Promise<Map<string, [string, string]>> | undefined;
const digests = new WeakMap<Paper, string>();

/** The entries made beside Astro, if any. */
function madeEntries(): Promise<Map<string, [string, string]>> {
  made ??= takeOver<MadeEntries>('bibtex', 'make the BibTeX entries').then((entries) => new Map(entries ?? []));
  return made;
}

/** BibTeX for papers at their permalinks, with the entries made beside Astro that are still theirs. */
export async function bibtexOf(papers: Paper[]): Promise<string> {
  const entries = await madeEntries();
  return bibtex(
    papers,
    (p) => absolute(paperUrl(p.slug)),
    (paper, url) => {
      const entry = entries.get(paper.slug);
      if (!entry) return undefined;
      let digest = digests.get(paper);
      if (digest === undefined) digests.set(paper, (digest = bibtexDigest(paper, url)));
      return entry[0] === digest ? entry[1] : undefined;
    },
  );
}

/** A BibTeX file of some papers, for reference managers. */
export async function bibResponse(papers: Paper[]): Promise<Response> {
  return new Response(await bibtexOf(papers), {
    headers: { 'content-type': 'application/x-bibtex; charset=utf-8' },
  });
}
