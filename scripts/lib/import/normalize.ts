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

const count = (n: number | undefined) => (Number.isFinite(n) && n! >= 0 ? Math.floor(n!) : undefined);

const cleanList = (items: string[] | undefined) => {
  const out = (items ?? []).map(cleanText).filter(Boolean);
  return out.length ? [...new Set(out)] : undefined;
};

/** One source record made into an imported paper, or the problem that stops it. */
export function normalizeRecord(
  file: SourceFile,
  record: SourceRecord,
  fallbackDate: string | undefined,
): { paper: ImportedPaper } | { problem: Problem } {
  const where = { file: file.path, record: record.record, line: record.line };
  const title = cleanText(record.title ?? '');
  if (!title) return { problem: { ...where, field: 'title', message: 'record has no title' } };
  const published = dayOf(record.published);
  const date = dayOf(record.date) ?? fallbackDate ?? published;
  if (!date)
    return {
      problem: {
        ...where,
        field: 'date',
        message: 'no digest date: name the file after its day (YYYY-MM-DD) or pass --date',
      },
    };

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
    return { problem: { ...where, field: issue.path.join('.'), message: issue.message } };
  }
  return { paper };
}

/** The imported paper without the fields that exist only during an import. */
export function stripImportOnly(paper: ImportedPaper): Omit<PaperInput, 'slug' | 'topics'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { keys, sourceTopics, origin, ...data } = paper;
  return data;
}
