import { dateFromFileName, dayOf } from '../../../src/lib/dates.ts';
import { texToUnicode } from '../../../src/lib/tex.ts';
import { parsePythonLiteral } from './python-literal.ts';
import { head, jsonError, readJson } from './read-data.ts';
import type { Format, ParseResult, Problem, SourceFile, SourceRecord } from './types.ts';
import { first, isRecord, noTitle, num, str, strList } from './values.ts';

/** An item of the list: an object, or the same object as JSON or Python `repr()` text. */
function decodeItem(item: unknown): { value: unknown } | { error: string } {
  if (typeof item !== 'string') return { value: item };
  const text = item.trim();
  if (text.startsWith('{"')) {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { error: `item is not valid JSON: ${jsonError(error, text).message}` };
    }
  }
  const literal = parsePythonLiteral(text);
  return literal.ok
    ? { value: literal.value }
    : { error: `item is text that is not a Python literal: ${literal.message} at character ${literal.offset + 1}` };
}

/** The organization's display name, from `{fullname, name}` or a plain string. */
function organizationName(org: unknown): string | undefined {
  return isRecord(org) ? first(str(org.fullname), str(org.name)) : str(org);
}

/** The first image among media URLs (the others are videos). */
function firstImage(urls: unknown): string | undefined {
  return strList(urls)?.find((u) => /\.(png|jpe?g|gif|webp|avif)(\?|$)/i.test(u));
}

/** One daily-papers item as a source record. */
function toRecord(
  item: Record<string, unknown>,
  paper: Record<string, unknown>,
  record: number,
  day: string | undefined,
): SourceRecord {
  const id = str(paper.id);
  const title = first(str(paper.title), str(item.title));
  const abstract = first(str(paper.summary), str(item.summary));
  return {
    record,
    title: title && texToUnicode(title),
    authors: Array.isArray(paper.authors) ? strList(paper.authors.map((a) => (isRecord(a) ? a.name : a))) : undefined,
    abstract: abstract && texToUnicode(abstract),
    date: first(day, dayOf(str(paper.submittedOnDailyAt)), dayOf(str(item.publishedAt)), dayOf(str(paper.publishedAt))),
    published: dayOf(str(paper.publishedAt)),
    arxivId: id,
    links: {
      code: str(paper.githubRepo),
      project: str(paper.projectPage),
      hf: id ? `https://huggingface.co/papers/${id}` : undefined,
    },
    upvotes: num(paper.upvotes),
    comments: num(item.numComments),
    stars: num(paper.githubStars),
    thumbnail: first(str(item.thumbnail), str(item.mediaUrl), firstImage(item.mediaUrls), firstImage(paper.mediaUrls)),
    keywords: strList(paper.ai_keywords),
    summary: str(paper.ai_summary),
    organization: first(organizationName(paper.organization), organizationName(item.organization)),
  };
}

/**
 * Hugging Face `/api/daily_papers` output: a list of `{paper, publishedAt, title, thumbnail, …}`,
 * also as a list of Python-repr strings, or wrapped as `{status, date, count, data}`.
 */
export const hfDaily: Format = {
  id: 'hf-daily',
  label: 'Hugging Face daily papers JSON',
  sniff(file) {
    const text = head(file);
    if (!/^\s*[[{]/.test(text) || !/["']paper["']\s*:\s*\{/.test(text)) return false;
    // A long author list can push the other keys past the head; the paper's id comes first.
    return (
      /["']paper["']\s*:\s*\{\s*["']id["']/.test(text) || /["'](upvotes|publishedAt|numComments)["']\s*:/.test(text)
    );
  },
  parse(file: SourceFile): ParseResult {
    const parsed = readJson(file);
    if (!parsed.ok) return { records: [], problems: [parsed.problem] };
    const wrapper = isRecord(parsed.value) ? parsed.value : undefined;
    const items = wrapper ? wrapper.data : parsed.value;
    if (!Array.isArray(items))
      return {
        records: [],
        problems: [{ file: file.path, message: 'expected a list of daily papers (or {data: [...]})' }],
      };
    const day = first(dateFromFileName(file.name), dayOf(str(wrapper?.date)));
    const records: SourceRecord[] = [];
    const problems: Problem[] = [];
    for (const [i, raw] of items.entries()) {
      const at = { file: file.path, record: i + 1 };
      const decoded = decodeItem(raw);
      const item = 'value' in decoded ? decoded.value : undefined;
      if ('error' in decoded) problems.push({ ...at, message: decoded.error });
      else if (!isRecord(item) || !isRecord(item.paper))
        problems.push({ ...at, field: 'paper', message: 'item has no "paper" object' });
      else {
        const record = toRecord(item, item.paper, i + 1, day);
        if (record.title) records.push(record);
        else problems.push({ ...at, field: 'title', message: noTitle(record.arxivId) });
      }
    }
    return { records, problems };
  },
};
