import { paperSchema, type PaperInput } from '../../../src/lib/paper-schema.ts';
import { cleanText } from '../../../src/lib/text.ts';
import { dayOf } from '../../../src/lib/dates.ts';
import type { Problem, SourceFile, SourceRecord } from '../formats/types.ts';
import { identityKeys, normalizeArxivId, normalizeDoi } from './identity.ts';

/** A paper as imported: the entry's facts, without the fields only an entry has (slug, topics). */
export type ImportedPaper = Omit<PaperInput, 'slug' | 'topics'> & {
  /** Keys this paper can be matched by. */
  keys: string[];
  /** Topic names the source files it under. */
  sourceTopics: string[];
  /** Where it came from, for messages. */
  origin: { file: string; record: number; line?: number };
};

const httpOnly = (url: string | undefined) => {
  const clean = url?.trim();
  return clean && /^https?:\/\/[^\s<>"]+$/i.test(clean) ? clean : undefined;
};

const count = (n: number | undefined) => (Number.isFinite(n) && n! >= 0 ? Math.floor(n!) + 0 : undefined); // -0 → 0

const cleanList = (items: string[] | undefined) => {
  const out = (items ?? []).map(cleanText).filter(Boolean);
  return out.length ? [...new Set(out)] : undefined;
};

/**
 * Longest text one imported field may hold. Real abstracts run to a few thousand characters;
 * anything near this is junk that would bloat the entry, its page and the search index.
 */
export const maxTextLength = 100_000;

/** The first text field (or list item) longer than `maxTextLength`, with its length. */
function overlong(record: SourceRecord): { field: string; length: number } | undefined {
  const texts: [string, string | undefined][] = [
    ['title', record.title],
    ['abstract', record.abstract],
    ['summary', record.summary],
    ['organization', record.organization],
    ...(record.authors ?? []).map((a): [string, string] => ['authors', a]),
    ...(record.keywords ?? []).map((k): [string, string] => ['keywords', k]),
  ];
  const found = texts.find(([, text]) => text !== undefined && text.length > maxTextLength);
  return found && { field: found[0], length: found[1]!.length };
}

/** What normalizing one record gives: the paper, unless a problem stops it, and notes that do not. */
export interface Normalized {
  paper?: ImportedPaper;
  /** Why the record was not imported (empty when it was). */
  problems: Problem[];
  /** Facts dropped from an imported paper; they do not fail the run. */
  notices: Problem[];
}

/** One source record made into an imported paper, or the problem that stops it. */
export function normalizeRecord(file: SourceFile, record: SourceRecord, fallbackDate: string | undefined): Normalized {
  const where = { file: file.path, record: record.record, line: record.line };
  const stop = (field: string, message: string): Normalized => ({
    problems: [{ ...where, field, message }],
    notices: [],
  });
  const long = overlong(record);
  if (long)
    return stop(
      long.field,
      `${long.length.toLocaleString('en')} characters is too long (at most ${maxTextLength.toLocaleString('en')})`,
    );
  const title = cleanText(record.title ?? '');
  if (!title) return stop('title', 'record has no title');
  // A day the source states but that does not exist is a mistake in the source: filing the paper
  // on another day would hide it, so the record waits until the source is fixed.
  const stated = record.date?.trim();
  if (stated && !dayOf(stated)) return stop('date', `"${preview(stated)}" is not a real day as YYYY-MM-DD`);
  const notices: Problem[] = [];
  const published = dayOf(record.published);
  if (record.published?.trim() && !published)
    notices.push({
      ...where,
      field: 'published',
      message: `"${preview(record.published.trim())}" is not a real day as YYYY-MM-DD: left out`,
    });
  const date = dayOf(stated) ?? fallbackDate ?? published;
  if (!date) return stop('date', 'no digest date: name the file after its day (YYYY-MM-DD) or pass --date');

  const arxivId = normalizeArxivId(record.arxivId);
  const doi = normalizeDoi(record.doi);
  const keys = identityKeys({ title, arxivId, doi });
  const links = {
    abs: httpOnly(record.links?.abs) ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : undefined),
    pdf: httpOnly(record.links?.pdf) ?? (arxivId ? `https://arxiv.org/pdf/${arxivId}` : undefined),
    code: httpOnly(record.links?.code),
    project: httpOnly(record.links?.project),
    hf: httpOnly(record.links?.hf),
  };
  const abstract = record.abstract ? cleanText(record.abstract) : undefined;
  const paper: ImportedPaper = {
    id: keys[0],
    keys,
    title,
    authors: cleanList(record.authors) ?? [],
    abstract: abstract || undefined,
    date,
    published,
    links,
    upvotes: count(record.upvotes),
    comments: count(record.comments),
    stars: count(record.stars),
    thumbnail: httpOnly(record.thumbnail),
    keywords: cleanList(record.keywords),
    summary: record.summary ? cleanText(record.summary) || undefined : undefined,
    organization: record.organization ? cleanText(record.organization) || undefined : undefined,
    sources: [file.name],
    sourceTopics: cleanList(record.topics) ?? [],
    origin: where,
  };
  // Validate what an entry would hold now, so a bad field is reported against its record.
  const check = paperSchema.safeParse({ ...stripImportOnly(paper), slug: 'x', topics: [] });
  if (!check.success) {
    const issue = check.error.issues[0];
    return stop(issue.path.join('.'), issue.message);
  }
  return { paper, problems: [], notices };
}

/** A value quoted in a message, cut short and on one line. */
function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** The imported paper without the fields that exist only during an import. */
export function stripImportOnly(paper: ImportedPaper): Omit<PaperInput, 'slug' | 'topics'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { keys, sourceTopics, origin, ...data } = paper;
  return data;
}
