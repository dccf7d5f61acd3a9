import { bibtex } from '../lib/citation.ts';
import type { Paper } from '../lib/paper-schema.ts';
import { absolute, paperUrl } from '../lib/urls.ts';

/** A BibTeX file of some papers, for reference managers. */
export function bibResponse(papers: Paper[]): Response {
  return new Response(
    bibtex(papers, (p) => absolute(paperUrl(p.slug))),
    {
      headers: { 'content-type': 'application/x-bibtex; charset=utf-8' },
    },
  );
}
