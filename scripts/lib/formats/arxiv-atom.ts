import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { dayOf, isIsoDay } from '../../../src/lib/dates.ts';
import { texToUnicode } from '../../../src/lib/tex.ts';
import { head } from './read-data.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { arxivIdIn, isRecord, noTitle, str, strList } from './values.ts';

const listTags = new Set(['entry', 'author', 'link', 'category']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false, // ids like 2101.00010 must stay text
  parseAttributeValue: false,
  isArray: (name) => listTags.has(name),
});

/** An element's text, whether the parser gave a string or an object with `#text`. */
function text(node: unknown): string | undefined {
  return isRecord(node) ? str(node['#text']) : str(node);
}

/** One Atom `<entry>` as a source record. */
function toRecord(entry: Record<string, unknown>, record: number, date: string | undefined): SourceRecord {
  const links = (Array.isArray(entry.link) ? entry.link : []).filter(isRecord);
  const href = (test: (l: Record<string, unknown>) => boolean) => str(links.find(test)?.['@href']);
  const title = text(entry.title);
  const abstract = text(entry.summary);
  const published = dayOf(text(entry.published));
  const authors = Array.isArray(entry.author) ? entry.author.map((a) => (isRecord(a) ? text(a.name) : undefined)) : [];
  return {
    record,
    title: title && texToUnicode(title),
    authors: strList(authors.map((a) => a && texToUnicode(a))),
    abstract: abstract && texToUnicode(abstract),
    // Left empty without --date: the import then takes the day from the file name, else the published day.
    date,
    published,
    arxivId: arxivIdIn(text(entry.id)) ?? text(entry.id),
    doi: text(entry.doi) ?? href((l) => l['@title'] === 'doi'),
    links: {
      abs: href((l) => l['@rel'] === 'alternate'),
      pdf: href((l) => l['@title'] === 'pdf' || l['@type'] === 'application/pdf'),
    },
    topics: strList(
      (Array.isArray(entry.category) ? entry.category : []).map((c) => (isRecord(c) ? c['@term'] : undefined)),
    ),
  };
}

/** arXiv API responses (`export.arxiv.org/api/query`): an Atom feed of `<entry>` papers. */
export const arxivAtom: Format = {
  id: 'arxiv-atom',
  label: 'arXiv API Atom feed',
  sniff(file) {
    const start = head(file, 4000);
    return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<feed[\s>]/.test(start) && /arxiv\.org/i.test(start);
  },
  parse(file: SourceFile, options): ParseResult {
    const valid = XMLValidator.validate(file.text);
    if (valid !== true) {
      return {
        records: [],
        problems: [{ file: file.path, line: valid.err.line, message: `not valid XML: ${valid.err.msg}` }],
      };
    }
    let feed: unknown;
    try {
      feed = (parser.parse(file.text) as Record<string, unknown>).feed;
    } catch (error) {
      return {
        records: [],
        problems: [{ file: file.path, message: `not valid XML: ${(error as Error).message.split('\n')[0]}` }],
      };
    }
    if (!isRecord(feed))
      return { records: [], problems: [{ file: file.path, line: 1, message: 'no Atom <feed> element' }] };
    const date = options.date && isIsoDay(options.date) ? options.date : undefined;
    const records: SourceRecord[] = [];
    const problems: Problem[] = [];
    for (const [i, entry] of (Array.isArray(feed.entry) ? feed.entry : []).entries()) {
      const at = { file: file.path, record: i + 1 };
      const id = isRecord(entry) ? (text(entry.id) ?? '') : '';
      const record = isRecord(entry) ? toRecord(entry, i + 1, date) : undefined;
      if (!record) problems.push({ ...at, message: 'empty <entry>' });
      // The API reports a bad query as an entry whose id is an error URL.
      else if (/\/api\/errors/.test(id))
        problems.push({
          ...at,
          field: 'id',
          message: `the arXiv API answered with an error: ${record.abstract ?? id}`,
        });
      else if (!record.title) problems.push({ ...at, field: 'title', message: noTitle(arxivIdIn(id) ?? id) });
      else records.push(record);
    }
    return { records, problems };
  },
};
