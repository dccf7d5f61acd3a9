import { createHash } from 'node:crypto';
// @ts-expect-error -- citation-js ships no type declarations; the little used here is typed below.
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { excerpt } from './format.ts';
import { plainText, splitMath } from './math.ts';
import type { Paper } from './paper-schema.ts';

/**
 * A paper as others cite it: a CSL-JSON item, BibTeX, Highwire Press `<meta>` tags for Google
 * Scholar and Zotero, and schema.org JSON-LD. Titles and abstracts are given as plain text, math
 * read out as Unicode (`plainText`); only BibTeX keeps `$…$` math as TeX, which it understands.
 */

/** A name as CSL-JSON writes it. */
export type CslName = { given?: string; family: string; 'non-dropping-particle'?: string; suffix?: string };

/** The CSL-JSON item fields this module writes. */
export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  author: (CslName | { literal: string })[];
  issued: { 'date-parts': [[number, number, number]] };
  abstract?: string;
  URL: string;
  DOI?: string;
  publisher?: string;
  number?: string;
  keyword?: string;
  'citation-key'?: string;
}

/** One `<meta name content>` pair. */
export type MetaTag = { name: string; content: string };

/** What citation-js hands back for `format('bibtex', { format: 'object' })`: values already TeX-escaped. */
type BibEntry = { type: string; label: string; properties: Record<string, string> };

/** The arXiv identifier (`2403.20309`, `hep-th/9901001`) from the paper's id or its links. */
export function arxivId(paper: Paper): string | undefined {
  if (paper.id.startsWith('arxiv:')) return paper.id.slice(6);
  const link = [paper.links.abs, paper.links.pdf].find((l) => l && /^https?:\/\/(www\.|export\.)?arxiv\.org\//.test(l));
  return link && /\/(?:abs|pdf)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[A-Z]{2})?\/\d{7}))/.exec(link)?.[1];
}

/** The DOI from a `doi:` id or a doi.org link. */
export function doi(paper: Paper): string | undefined {
  if (paper.id.startsWith('doi:')) return paper.id.slice(4);
  const link = Object.values(paper.links).find((l) => l && /^https?:\/\/(dx\.)?doi\.org\/10\./.test(l));
  return link && decodeURIComponent(link.replace(/^https?:\/\/(dx\.)?doi\.org\//, ''));
}

/** The arXiv category among the keywords, e.g. `cs.CV`, for BibTeX's `primaryClass`. */
const arxivCategory = (paper: Paper) =>
  paper.keywords?.find((k) => /^([a-z]+(-[a-z]+)?\.[A-Z]{2}|quant-ph|gr-qc|hep-(th|ph|ex|lat)|math-ph)$/.test(k));

/** Words that join a family name from before it: "Ludwig van Beethoven". */
const particles = new Set('van von der den de del della di da du dos das la le ten ter al bin ibn'.split(' '));

/** "Given Family" (or "Family, Given") as a CSL name; a one-word name is kept whole. */
export function cslName(name: string): CslName | { literal: string } {
  const [family, given] = name.split(/\s*,\s*/, 2);
  if (given) return { given, family };
  const words = name.trim().split(/\s+/);
  const suffix = words.length > 2 && /^(Jr\.?|Sr\.?|II|III|IV)$/.test(words.at(-1)!) ? words.pop() : undefined;
  if (words.length < 2) return { literal: name.trim() };
  let start = words.length - 1;
  while (start > 1 && particles.has(words[start - 1])) start--;
  const out: CslName = { given: words.slice(0, start).join(' '), family: words.at(-1)! };
  if (start < words.length - 1) out['non-dropping-particle'] = words.slice(start, -1).join(' ');
  if (suffix) out.suffix = suffix;
  return out;
}

/** The paper's own date when known, else its digest day. */
const citedDay = (paper: Paper) => paper.published ?? paper.date;

/** A CSL-JSON item for citation managers and citation-js; `url` is the address to cite. */
export function toCsl(paper: Paper, url: string): CslItem {
  const [y, m, d] = citedDay(paper).split('-').map(Number);
  const arxiv = arxivId(paper);
  const item: CslItem = {
    id: paper.id,
    type: 'article', // CSL's type for preprints and articles without a known venue
    title: plainText(paper.title),
    author: paper.authors.map(cslName),
    issued: { 'date-parts': [[y, m, d]] },
    URL: url,
  };
  if (paper.abstract) item.abstract = plainText(paper.abstract);
  if (doi(paper)) item.DOI = doi(paper);
  if (arxiv) Object.assign(item, { publisher: 'arXiv', number: `arXiv:${arxiv}` }); // as Zotero stores preprints
  if (paper.keywords?.length) item.keyword = paper.keywords.join(', ');
  return item;
}

/** ASCII for citation keys: accents dropped, only letters and digits kept, lower case. */
const keyPart = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

/** Title words a citation key skips. */
const keyStopWords = new Set(
  'a an the on of in for to and with from by is are do does how what why when towards'.split(' '),
);

/** A readable citation key, `lastname2025firstword`, the same for a paper on every page. */
export function citationKey(paper: Paper): string {
  const first = paper.authors[0] ? cslName(paper.authors[0]) : undefined;
  const family = keyPart(first ? ('literal' in first ? first.literal : first.family) : '') || 'anon';
  const words = plainText(paper.title)
    .split(/[\s\-–—:/]+/)
    .map(keyPart)
    .filter(Boolean);
  const word = words.find((w) => !keyStopWords.has(w)) ?? words[0] ?? 'paper';
  return `${family}${citedDay(paper).slice(0, 4)}${word}`;
}

/** Distinct keys for a list of papers: a repeated key gets `b`, `c`, … in list order. */
function uniqueKeys(papers: Paper[]): string[] {
  const used = new Set<string>();
  return papers.map((paper) => {
    const base = citationKey(paper);
    let key = base;
    for (let n = 1; used.has(key); n++) key = `${base}${n < 26 ? String.fromCharCode(97 + n) : n + 1}`;
    used.add(key);
    return key;
  });
}

/**
 * citation-js escapes text for BibTeX but drops characters it has no TeX for (CJK, emoji) and would
 * escape math. Those travel through it as tokens (`<mark><n><mark>`, with a mark that occurs nowhere
 * in the input) and come back as UTF-8 and as `$…$`.
 */
const { commands, mathCommands, diacritics } = plugins.config.get('@bibtex').constants as Texable;
type Texable = Record<string, Record<string, string>>;
const texable = new Set([commands, mathCommands, diacritics].flatMap(Object.values).concat('—', '–'));
const isTexable = (ch: string) => [...ch.normalize('NFKD')].every((c) => /[\x20-\x7e\s]/.test(c) || texable.has(c));
const isBalanced = (tex: string) =>
  tex.replace(/\\./g, '').split('{').length === tex.replace(/\\./g, '').split('}').length;

/** Tokens for text kept away from citation-js, and how to put it back. */
class Kept {
  private values: string[] = [];
  private mark = 'zqx';
  constructor(input: string) {
    while (input.toLowerCase().includes(this.mark)) this.mark += 'q';
  }
  token(value: string): string {
    return `${this.mark}${this.values.push(value) - 1}${this.mark}`;
  }
  restore(text: string): string {
    return text.replace(new RegExp(`${this.mark}(\\d+)${this.mark}`, 'g'), (_, n) => this.values[Number(n)]);
  }
}

/** Plain text for citation-js, its math and untexable characters replaced by tokens. */
function protect(text: string, kept: Kept): string {
  const withMath = splitMath(text)
    .map((s) =>
      !s.math ? s.text : isBalanced(s.tex) && !s.tex.includes('$') ? kept.token(`$${s.tex.trim()}$`) : s.raw,
    )
    .join('');
  return plainText(withMath).replace(/[^\x20-\x7e]/gu, (ch) => (isTexable(ch) ? ch : kept.token(ch)));
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Field order in the output; fields citation-js adds beyond these follow them. */
const fieldOrder = ['title', 'author', 'year', 'month', 'eprint', 'archivePrefix', 'primaryClass', 'doi', 'url'];

/** BibTeX entries of papers under the given keys, one text each (citation-js is called once for all). */
function bibtexEntries(list: Paper[], urlOf: (paper: Paper) => string, keys: string[]): string[] {
  if (!list.length) return [];
  const kept = list.map((p) => new Kept(`${p.title} ${p.authors.join(' ')}`));
  const items = list.map((p, i) => {
    const item = toCsl(p, urlOf(p));
    delete item.abstract; // BibTeX exports leave the abstract and keywords out, as arXiv's do
    delete item.keyword;
    const author = item.author.map((a) =>
      Object.fromEntries(Object.entries(a).map(([k, v]) => [k, protect(v, kept[i])])),
    );
    return { ...item, title: protect(p.title, kept[i]), author, 'citation-key': keys[i] };
  });
  const entries = new Cite(items).format('bibtex', { format: 'object' }) as BibEntry[];
  return entries.map((entry, i) => {
    const paper = list[i];
    const fields: Record<string, string> = { ...entry.properties };
    const arxiv = arxivId(paper);
    delete fields.howpublished; // citation-js repeats the URL there for entries without a publisher
    if (arxiv) {
      delete fields.publisher;
      Object.assign(fields, { eprint: arxiv, archivePrefix: 'arXiv' });
      const category = arxivCategory(paper);
      if (category) fields.primaryClass = category;
    }
    const month = Number(citedDay(paper).slice(5, 7));
    const names = [
      ...fieldOrder.filter((f) => f in fields || f === 'month'),
      ...Object.keys(fields).filter((f) => !fieldOrder.includes(f)),
    ];
    const lines = names.map((f) =>
      f === 'month'
        ? `  month = ${monthNames[month - 1]},`
        : `  ${f} = {${f === 'url' ? fields[f] : kept[i].restore(fields[f])}},`,
    );
    return `@misc{${entry.label},\n${lines.join('\n')}\n}\n`;
  });
}

/** A paper's BibTeX entry under its own citation key (`citationKey`), as `bibtex` can be handed it. */
export function bibtexEntry(paper: Paper, url: string): string {
  return bibtexEntries([paper], () => url, [citationKey(paper)])[0];
}

/** What a paper's BibTeX entry is made from, hashed: tells whether an entry made elsewhere is still its. */
export function bibtexDigest(paper: Paper, url: string): string {
  return createHash('sha1').update(JSON.stringify(paper)).update(`\0${url}`).digest('base64');
}

/** Entries made ahead (on the build's worker): slug → [`bibtexDigest` of the paper and URL, `bibtexEntry`]. */
export type MadeEntries = [string, [string, string]][];

/** An entry made elsewhere (`bibtexEntry`) for a paper at a URL, when there is one. */
export type KnownEntry = (paper: Paper, url: string) => string | undefined;

/**
 * BibTeX for one paper or many, with keys unique within the text; `urlOf` gives each paper's URL,
 * `known` entries made ahead (10k papers: ~3 s of citation-js off the pages' thread).
 */
export function bibtex(papers: Paper | Paper[], urlOf: (paper: Paper) => string, known?: KnownEntry): string {
  const list = Array.isArray(papers) ? papers : [papers];
  // One paper made ahead keeps its own key (its page's citation: ~0.4 s of keys at 12k papers).
  const ahead = list.length === 1 ? known?.(list[0], urlOf(list[0])) : undefined;
  if (ahead !== undefined) return ahead;
  const keys = uniqueKeys(list);
  const texts = list.map((paper) => known?.(paper, urlOf(paper)));
  const missing = list.flatMap((_, i) => (texts[i] === undefined ? [i] : []));
  const made = bibtexEntries(
    missing.map((i) => list[i]),
    urlOf,
    missing.map((i) => keys[i]),
  );
  missing.forEach((i, j) => (texts[i] = made[j]));
  // An entry made ahead carries the paper's own key; in a list that key may take a letter.
  return texts.map((text, i) => text!.replace(/^@misc\{[^,]*,/, `@misc{${keys[i]},`)).join('\n');
}

/** A formatted reference in a CSL style citation-js bundles (`apa`, `vancouver`, `harvard1`), as plain text. */
export function formatCitation(paper: Paper, url: string, style = 'apa'): string {
  return (
    new Cite(toCsl(paper, url)).format('bibliography', { template: style, format: 'text', lang: 'en-US' }) as string
  ).trim();
}

/** A day `YYYY-MM-DD` as Highwire's `YYYY/MM/DD`. */
const slashed = (day: string) => day.replaceAll('-', '/');

/** Highwire Press `<meta>` tags, which Google Scholar and Zotero read; `url` is the paper's page. */
export function highwireTags(paper: Paper, opts: { url: string }): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: plainText(paper.title) }];
  for (const author of paper.authors) tags.push({ name: 'citation_author', content: author });
  tags.push({ name: 'citation_publication_date', content: slashed(citedDay(paper)) });
  tags.push({ name: 'citation_date', content: slashed(citedDay(paper)) });
  if (paper.published && paper.published !== paper.date)
    tags.push({ name: 'citation_online_date', content: slashed(paper.date) });
  const arxiv = arxivId(paper);
  if (arxiv) tags.push({ name: 'citation_arxiv_id', content: arxiv });
  const pdf = paper.links.pdf ?? (arxiv && `https://arxiv.org/pdf/${arxiv}`);
  if (pdf) tags.push({ name: 'citation_pdf_url', content: pdf });
  const paperDoi = doi(paper);
  if (paperDoi) tags.push({ name: 'citation_doi', content: paperDoi });
  tags.push({ name: 'citation_abstract_html_url', content: opts.url });
  return tags;
}

/** Schema.org `ScholarlyArticle` JSON-LD; `topicsById` turns topic ids into keyword names. */
export function jsonLd(paper: Paper, url: string, topicsById?: Map<string, { name: string }>): Record<string, unknown> {
  const title = plainText(paper.title);
  const arxiv = arxivId(paper);
  const paperDoi = doi(paper);
  const sameAs = [
    arxiv ? `https://arxiv.org/abs/${arxiv}` : paper.links.abs,
    paperDoi && `https://doi.org/${paperDoi}`,
  ].filter((l): l is string => !!l);
  const keywords = [
    ...new Set([...paper.topics.map((id) => topicsById?.get(id)?.name ?? id), ...(paper.keywords ?? [])]),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': url,
    url,
    headline: excerpt(title, 110), // search engines cut headlines past 110 characters
    name: title,
    author: paper.authors.map((name) => ({ '@type': 'Person', name })),
    datePublished: citedDay(paper),
    ...(paper.abstract && { abstract: plainText(paper.abstract) }),
    ...(sameAs.length && { sameAs }),
    ...(arxiv && { identifier: `arXiv:${arxiv}` }),
    ...(keywords.length && { keywords }),
    ...(paper.thumbnail && { image: paper.thumbnail }),
  };
}

/** JSON-LD as text safe inside `<script type="application/ld+json">`: no `</script>` can end it early. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
