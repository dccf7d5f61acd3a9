import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import type { SourceFile, SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { maxTextLength, normalizeRecord } from '../../../scripts/lib/import/normalize.ts';
import { dayOf } from '../../../src/lib/dates.ts';
import { orderedData, parseEntry, serializeEntry } from '../../../src/lib/entry-file.ts';
import { httpUrl, paperSchema, type PaperInput } from '../../../src/lib/paper-schema.ts';
import { slugFromTitle } from '../../../src/lib/slug.ts';
import { cleanText } from '../../../src/lib/text.ts';
import { hostileStrings } from '../../fixtures/hostile.ts';
import { anyText, dateText, fileText, runs, urlText } from './arbitraries.ts';
import { expectNormalized } from './entry-check.ts';

const day = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => httpUrl.safeParse(u).success);
const count = fc.option(fc.nat(), { nil: undefined });

/** Any entry the schema accepts, its strings from `text`. */
const entry = (text: fc.Arbitrary<string>): fc.Arbitrary<PaperInput> => {
  const some = text.filter((s) => s.length > 0);
  return fc.record(
    {
      id: some,
      slug: text.map((s) => slugFromTitle(s)),
      title: some,
      authors: fc.array(some, { maxLength: 4 }),
      abstract: text,
      date: day,
      published: day,
      topics: fc.array(some, { maxLength: 3 }),
      links: fc.record({ abs: url, pdf: url, code: url, project: url, hf: url }, { requiredKeys: [] }),
      upvotes: count,
      comments: count,
      stars: count,
      thumbnail: url,
      keywords: fc.array(some, { maxLength: 3 }),
      summary: text,
      organization: text,
      sources: fc.array(text, { maxLength: 3 }),
      hidden: fc.boolean(),
      featured: fc.boolean(),
    },
    { requiredKeys: ['id', 'slug', 'title', 'date'] },
  );
};

describe('entry files', () => {
  it('every entry the schema accepts reads back as written, body byte for byte', () => {
    fc.assert(
      fc.property(entry(fileText(12)), fileText(30), (data, body) => {
        expect(paperSchema.safeParse(data).success).toBe(true);
        const text = Buffer.from(serializeEntry(data, body), 'utf8').toString('utf8');
        const back = parseEntry(text);
        expect(back.body).toBe(body);
        expect(back.data).toEqual(orderedData(data));
      }),
      runs(400),
    );
  });

  // Astro reads the frontmatter of entries with notes with js-yaml (as gray-matter does by default).
  it('other YAML readers (gray-matter with js-yaml) see the same data', () => {
    // U+FFFE and U+FFFF are left to the test below; imported text never holds them (cleanText).
    const text = fileText(12).map((s) => s.replace(/[\ufffe\uffff]/g, ''));
    fc.assert(
      fc.property(entry(text), (data) => {
        const text = serializeEntry(data, '');
        expect(matter(text, { language: 'yaml' }).data).toEqual(orderedData(data));
      }),
      runs(300),
    );
  });

  // Known failure, outside the import: the `yaml` writer leaves the noncharacters U+FFFE/U+FFFF
  // unescaped and js-yaml refuses the file ("non-printable characters"). The fix belongs in
  // src/lib/entry-file.ts (double-quote such strings, as it already does for `0o` numbers).
  it.each([
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
  ])('a title holding %s is written so js-yaml can read it', (_name, ch) => {
    const data: PaperInput = { id: 'x', slug: 'x', title: `a${ch}b`, date: '2025-03-12' };
    expect(matter(serializeEntry(data, ''), { language: 'yaml' }).data).toEqual(orderedData(data));
  });

  it('the hostile samples stay literal text in every field', () => {
    for (const { name, text } of hostileStrings) {
      const data: PaperInput = {
        id: text,
        slug: 'x',
        title: text,
        authors: [text],
        abstract: text,
        date: '2025-03-12',
        topics: [text],
        keywords: [text],
        summary: text,
        organization: text,
        sources: [text],
      };
      const back = parseEntry(serializeEntry(data, ''));
      expect(back.data, name).toEqual(orderedData(data));
      expect(back.body, name).toBe('');
    }
  });
});

describe('normalizeRecord', () => {
  const file: SourceFile = { path: 'sources/2025-03-12.json', name: '2025-03-12.json', text: '' };
  const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  const number = maybe(fc.oneof(fc.integer(), fc.double(), fc.constantFrom(NaN, -Infinity, 1e300, -1)));
  const record: fc.Arbitrary<SourceRecord> = fc.record(
    {
      record: fc.integer({ min: 1, max: 1e6 }),
      line: maybe(fc.integer({ min: 1, max: 1e6 })),
      title: maybe(fc.oneof(anyText(), fc.constantFrom(...hostileStrings.map((s) => s.text)))),
      authors: maybe(fc.array(anyText(6), { maxLength: 4 })),
      abstract: maybe(anyText(60)),
      date: maybe(dateText),
      published: maybe(dateText),
      arxivId: maybe(fc.oneof(anyText(4), fc.constantFrom('2501.00001v2', 'arXiv:hep-th/9901001', '2501.1'))),
      doi: maybe(fc.oneof(anyText(4), fc.constantFrom('10.1000/ABC.', 'https://doi.org/10.1000/x y', '10.1/x'))),
      links: maybe(fc.record({ abs: urlText, pdf: urlText, code: urlText, project: urlText, hf: urlText })),
      upvotes: number,
      comments: number,
      stars: number,
      thumbnail: maybe(urlText),
      keywords: maybe(fc.array(anyText(4), { maxLength: 4 })),
      summary: maybe(anyText(10)),
      organization: maybe(anyText(4)),
      topics: maybe(fc.array(anyText(4), { maxLength: 3 })),
    },
    { requiredKeys: ['record'] },
  );

  it('gives a valid entry that reads back as written, or a problem naming the record and field', () => {
    fc.assert(
      fc.property(record, maybe(day), (r, fallback) => {
        expectNormalized(file, r, fallback);
        const { paper, problems } = normalizeRecord(file, r, fallback);
        for (const p of problems) expect(p).toMatchObject({ record: r.record, field: expect.any(String) });
        if (!paper) return;
        expect(paper.title).toBe(cleanText(r.title!));
        if (dayOf(r.date)) expect(paper.date).toBe(dayOf(r.date));
      }),
      runs(500),
    );
  });

  it('a text over the length limit is reported by its field, not imported', () => {
    fc.assert(
      fc.property(fc.constantFrom('title', 'abstract', 'summary', 'organization', 'authors', 'keywords'), (field) => {
        const long = 'x'.repeat(maxTextLength + 1);
        const value = field === 'authors' || field === 'keywords' ? ['A', long] : long;
        const r = { record: 3, title: 'T', date: '2025-03-12', [field]: value } as SourceRecord;
        const { paper, problems } = normalizeRecord(file, r, undefined);
        expect(paper).toBeUndefined();
        expect(problems).toEqual([expect.objectContaining({ record: 3, field })]);
        expect(problems[0].message).toContain('too long');
      }),
      { numRuns: 20 },
    );
  });
});
