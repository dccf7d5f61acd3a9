import { parse as parseBibtex, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { isIsoDay, isoDate, monthNumber } from '../../../src/lib/dates.ts';
import { texToUnicode } from '../../../src/lib/tex.ts';
import { head } from './read-data.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { arxivIdIn, first, isArxivId, noTitle, str, strList } from './values.ts';

// Raw mode: the parser splits entries, fields and names; TeX is decoded by texToUnicode,
// which keeps $…$ math as written (the parser's own decoding turns math into Unicode and HTML).
const parserOptions = {
  raw: true,
  sentenceCase: false,
  english: false,
  caseProtection: false,
  unsupported: 'ignore',
} as const;

/** A field as plain text: TeX decoded, protective braces dropped. */
function field(fields: Entry['fields'], name: string): string | undefined {
  const value = str((fields as Record<string, unknown>)[name]);
  return value && str(texToUnicode(value));
}

/** A URL or identifier field as written, only TeX escapes like `\_` undone (no dash or tie rules). */
function verbatim(fields: Entry['fields'], name: string): string | undefined {
  const value = str((fields as Record<string, unknown>)[name]);
  return (
    value &&
    str(
      value
        .replace(/\\url\{([^}]*)\}/g, '$1')
        .replace(/\\([_&%#$~])/g, '$1')
        .replace(/[{}]/g, ''),
    )
  );
}

/** One parsed name as "Given von Family Jr". */
function creatorName(c: Creator): string | undefined {
  const name = c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');
  return str(texToUnicode(name));
}

/** The paper's day: `date` (biblatex), else year and month (day 1), else 1 January of the year. */
function publishedDay(fields: Entry['fields']): string | undefined {
  const date = field(fields, 'date');
  const full = date && /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (full) return isoDate(+full[1], +(full[2] ?? 1), +(full[3] ?? 1));
  const year = /\d{4}/.exec(field(fields, 'year') ?? '')?.[0];
  if (!year) return undefined;
  const monthText = field(fields, 'month') ?? '';
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : (monthNumber(monthText) ?? 1);
  return isoDate(+year, month, 1) ?? isoDate(+year, 1, 1);
}

/** A DOI from the `doi` field or a doi.org link left in another field (some files keep it in `volume`). */
function findDoi(fields: Entry['fields']): string | undefined {
  const doi = verbatim(fields, 'doi');
  if (doi) return doi;
  for (const name of ['url', 'volume', 'pages', 'number', 'note', 'howpublished']) {
    const m = /(?:doi\.org\/|doi:\s*)(10\.\d{4,9}\/\S+)/i.exec(verbatim(fields, name) ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** An arXiv id from `eprint`, or any field that names one (`arXiv:2101.00001`, an arXiv link or DOI). */
function findArxivId(fields: Entry['fields']): string | undefined {
  const eprint = verbatim(fields, 'eprint');
  const archive = first(field(fields, 'archiveprefix'), field(fields, 'eprinttype'));
  if (eprint && (/arxiv/i.test(archive ?? '') || (!archive && isArxivId(eprint)))) return eprint;
  for (const name of ['url', 'doi', 'journal', 'volume', 'pages', 'note', 'howpublished']) {
    const id = arxivIdIn(verbatim(fields, name));
    if (id) return id;
  }
  return undefined;
}

/** One entry as a source record. */
function toRecord(entry: Entry, record: number, line: number | undefined, date: string | undefined): SourceRecord {
  const f = entry.fields;
  const url = verbatim(f, 'url') ?? /\\url\{([^}]+)\}/.exec(str(f.howpublished) ?? '')?.[1];
  const isPdf = url && /\.pdf(\?|$)/i.test(url);
  const isCode = url && /^https?:\/\/(www\.)?(github|gitlab)\.com\//i.test(url);
  return {
    record,
    line,
    title: field(f, 'title'),
    authors: strList((f.author ?? []).map(creatorName)),
    abstract: field(f, 'abstract'),
    date,
    published: publishedDay(f),
    arxivId: findArxivId(f),
    doi: findDoi(f),
    links: { abs: isPdf || isCode ? undefined : url, pdf: isPdf ? url : undefined, code: isCode ? url : undefined },
    keywords: strList((Array.isArray(f.keywords) ? f.keywords : strList(f.keywords, /[,;]/))?.map(texToUnicode)),
  };
}

/** The line a parser error names ("… at line 12, column 3 …"), and the message without it. */
function describeError(error: string): { line?: number; message: string } {
  const line = /at line (\d+)/.exec(error)?.[1];
  const message = error
    .replace(/\.*\s*at line \d+, column \d+( in "[^"]*")?/, '')
    .replace(/(\\n|\s)+/g, ' ')
    .trim();
  // Some parser errors quote the whole entry, which may be megabytes long.
  return {
    line: line ? Number(line) : undefined,
    message: message.length > 200 ? `${message.slice(0, 199)}…` : message,
  };
}

/** BibTeX / BibLaTeX: `@type{key, field = {value}, …}` entries, field names in any case. */
export const bibtex: Format = {
  id: 'bibtex',
  label: 'BibTeX',
  sniff(file) {
    const text = head(file);
    return !/^\s*[[{<]/.test(text) && /^[ \t]*@[a-zA-Z]+[ \t]*[{(][^\s,{}()=]*[ \t]*,/m.test(text);
  },
  parse(file: SourceFile, options): ParseResult {
    let library;
    try {
      library = parseBibtex(file.text, parserOptions);
    } catch (error) {
      return {
        records: [],
        problems: [{ file: file.path, ...describeError(`not readable as BibTeX: ${(error as Error).message}`) }],
      };
    }
    const date = options.date && isIsoDay(options.date) ? options.date : undefined;
    const records: SourceRecord[] = [];
    const problems: Problem[] = [];
    const errors = [...library.errors];
    let offset = 0;
    let line = 1;
    for (const [i, entry] of library.entries.entries()) {
      const at = { file: file.path, record: i + 1 };
      const label = `@${entry.type}{${entry.key}}`;
      if (!entry.input) {
        // The parser gives a broken entry back with no input, and its error in the same order.
        const error = describeError(errors.shift()?.error ?? 'entry could not be read');
        problems.push({ ...at, line: error.line, message: `${label}: ${error.message}` });
        continue;
      }
      const found = file.text.indexOf(entry.input, offset);
      if (found >= 0) {
        for (let k = offset; k < found; k++) if (file.text.charCodeAt(k) === 10) line++;
        offset = found;
      }
      const record = toRecord(entry, i + 1, found >= 0 ? line : undefined, date);
      if (record.title) records.push(record);
      else problems.push({ ...at, line: record.line, field: 'title', message: `${label}: ${noTitle()}` });
    }
    for (const error of errors) problems.push({ file: file.path, ...describeError(error.error) });
    return { records, problems };
  },
};
