import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { expect } from 'vitest';
import type { SourceFile, SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { normalizeRecord, stripImportOnly, type ImportedPaper } from '../../../scripts/lib/import/normalize.ts';
import { assignTopics, loadTaxonomy } from '../../../scripts/lib/import/taxonomy.ts';
import { orderedData, parseEntry, serializeEntry } from '../../../src/lib/entry-file.ts';
import { paperSchema, type PaperInput } from '../../../src/lib/paper-schema.ts';
import { slugFromTitle } from '../../../src/lib/slug.ts';
import { expectReadableProblem } from './arbitraries.ts';

const topicsFile = fileURLToPath(new URL('../../../content/topics.yaml', import.meta.url));
const matchers = await loadTaxonomy(topicsFile);

const isHttp = (url: unknown) => typeof url === 'string' && /^https?:\/\/[^\s<>"]+$/i.test(url);

/** The entry the import would create for a paper, checked against the schema and written and read back. */
export function expectValidEntry(paper: ImportedPaper): PaperInput {
  const data: PaperInput = {
    ...stripImportOnly(paper),
    slug: slugFromTitle(paper.title),
    topics: assignTopics(matchers, paper),
  };
  const check = paperSchema.safeParse(data);
  expect(check.error?.issues ?? []).toEqual([]);
  for (const url of [...Object.values(data.links ?? {}), data.thumbnail])
    if (url !== undefined) expect(isHttp(url)).toBe(true);

  // What lands on disk: UTF-8 bytes, read back by our reader and by gray-matter's default (js-yaml).
  const text = Buffer.from(serializeEntry(data, ''), 'utf8').toString('utf8');
  const back = parseEntry(text);
  expect(back.body).toBe('');
  expect(back.data).toEqual(orderedData(data));
  expect(paperSchema.parse(back.data)).toEqual(paperSchema.parse(data));
  expect(matter(text, { language: 'yaml' }).data).toEqual(orderedData(data));
  return data;
}

/** Normalizes one record: either a readable problem or a valid entry, never an exception. */
export function expectNormalized(file: SourceFile, record: SourceRecord, fallbackDate?: string): void {
  const outcome = normalizeRecord(file, record, fallbackDate);
  for (const problem of [...outcome.problems, ...outcome.notices]) expectReadableProblem(problem, file);
  expect(outcome.paper === undefined).toBe(outcome.problems.length > 0);
  if (outcome.paper) expectValidEntry(outcome.paper);
}
