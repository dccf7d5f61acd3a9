import { head, readJson, readYaml, type Parsed } from './read-data.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { first, isRecord, noTitle, num, splitNames, str, strList } from './values.ts';

/** Keys of our own entry schema (src/lib/paper-schema.ts) that mark an object as a paper. */
const paperKeys = ['abstract', 'date', 'published', 'arxivId', 'doi', 'links', 'summary', 'upvotes'];

/** The file as JSON when it looks like JSON, else as YAML with every value kept as text. */
function readData(file: SourceFile): Parsed {
  return /^\s*[[{]/.test(file.text) ? readJson(file) : readYaml(file, true);
}

/** The papers a document holds: a list, or `{papers: [...]}`. */
function itemsOf(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  return isRecord(value) && Array.isArray(value.papers) ? value.papers : undefined;
}

/** True for an object shaped like one of our entries: a title plus authors as strings or another entry field. */
function looksLikePaper(item: unknown): boolean {
  if (!isRecord(item) || typeof item.title !== 'string') return false;
  const stringAuthors = Array.isArray(item.authors) && item.authors.every((a) => typeof a === 'string');
  return stringAuthors || paperKeys.some((k) => k in item);
}

/** One object as a source record; `id: arxiv:…` or `id: doi:…` gives the arXiv id or DOI. */
function toRecord(item: Record<string, unknown>, record: number): SourceRecord {
  const id = str(item.id) ?? '';
  const links = isRecord(item.links) ? item.links : {};
  const authors = typeof item.authors === 'string' ? splitNames(item.authors) : strList(item.authors);
  return {
    record,
    title: str(item.title),
    authors,
    abstract: str(item.abstract),
    date: str(item.date),
    published: str(item.published),
    arxivId: first(
      str(item.arxivId),
      str(item.arxiv_id),
      str(item.arxiv),
      id.startsWith('arxiv:') ? id.slice(6) : undefined,
    ),
    doi: first(str(item.doi), id.startsWith('doi:') ? id.slice(4) : undefined),
    links: {
      abs: first(str(links.abs), str(item.url)),
      pdf: first(str(links.pdf), str(item.pdf)),
      code: first(str(links.code), str(item.code)),
      project: str(links.project),
      hf: str(links.hf),
    },
    upvotes: num(item.upvotes),
    comments: num(item.comments),
    stars: num(item.stars),
    thumbnail: str(item.thumbnail),
    keywords: strList(item.keywords, /\s*[,;]\s*/),
    summary: str(item.summary),
    organization: str(item.organization),
    topics: strList(item.topics, /\s*[,;]\s*/),
  };
}

/** Plain JSON or YAML lists of papers in our own entry schema (`title`, `authors`, `abstract`, `date`, …). */
export const paperboyJson: Format = {
  id: 'paperboy-json',
  label: 'Paperboy JSON / YAML list',
  sniff(file) {
    if (!/^\s*(#[^\n]*\n\s*)*([[{]|- |papers:)/.test(head(file, 2000))) return false;
    const parsed = readData(file);
    // A broken file (JSON cut short, bad YAML) that has papers' titles is still ours: claim it so parse names the bad line.
    if (!parsed.ok) return /"title"\s*:|^[ \t-]*title\s*:/m.test(head(file));
    const items = itemsOf(parsed.value);
    return !!items && items.length > 0 && looksLikePaper(items[0]);
  },
  parse(file: SourceFile): ParseResult {
    const parsed = readData(file);
    if (!parsed.ok) return { records: [], problems: [parsed.problem] };
    const items = itemsOf(parsed.value);
    if (!items)
      return {
        records: [],
        problems: [{ file: file.path, message: 'expected a list of papers (or {papers: [...]})' }],
      };
    const records: SourceRecord[] = [];
    const problems: Problem[] = [];
    for (const [i, item] of items.entries()) {
      const at = { file: file.path, record: i + 1 };
      const record = isRecord(item) ? toRecord(item, i + 1) : undefined;
      if (!record) problems.push({ ...at, message: 'item is not an object' });
      else if (!record.title) problems.push({ ...at, field: 'title', message: noTitle(record.arxivId ?? record.doi) });
      else records.push(record);
    }
    return { records, problems };
  },
};
