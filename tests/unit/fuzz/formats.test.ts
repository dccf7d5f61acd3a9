import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, formats } from '../../../scripts/lib/formats/index.ts';
import type { Format, ParseOptions, SourceFile } from '../../../scripts/lib/formats/types.ts';
import {
  anyText,
  expectReadableProblem,
  fixtures,
  jsonValue,
  mutatedFixture,
  mutatedJson,
  runs,
} from './arbitraries.ts';
import { expectNormalized } from './entry-check.ts';

/** File names as sources come: dated, undated, with odd characters. */
const fileName = fc.oneof(
  fc.constantFrom('2025-03-12.json', '2025-03-12-papers.txt', 'papers.csv', 'refs.bib', '2025-02-30.jsonl', 'x'),
  anyText(3).map((s) => `${s.replace(/[/\0]/g, '_')}.txt`),
);
const options: fc.Arbitrary<ParseOptions> = fc.record(
  { date: fc.constantFrom('2025-03-12', '2024', '2025-02-30', 'garbage', '') },
  { requiredKeys: [] },
);
const asFile = (text: string, name: string): SourceFile => ({ path: `sources/${name}`, name, text });

/** Sniffs and parses a file with one format: no exception, every record titled and numbered, every problem readable. */
function expectParses(format: Format, file: SourceFile, parseOptions: ParseOptions): void {
  expect(typeof format.sniff(file)).toBe('boolean');
  const { records, problems } = format.parse(file, parseOptions);
  for (const problem of problems) expectReadableProblem(problem, file);
  for (const record of records) {
    expect(Number.isInteger(record.record) && record.record > 0).toBe(true);
    expect(record.title?.trim()).toBeTruthy();
  }
}

describe.each(formats.map((f) => [f.id, f] as const))('%s', (_id, format) => {
  it('never throws on random text', () => {
    fc.assert(
      fc.property(anyText(120), fileName, options, (text, name, o) => expectParses(format, asFile(text, name), o)),
      runs(300),
    );
  });

  it('never throws on random JSON, as one document or as JSON Lines', () => {
    fc.assert(
      fc.property(fc.array(jsonValue, { minLength: 1, maxLength: 4 }), fc.boolean(), options, (values, lines, o) => {
        const text = lines ? values.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(values[0], null, 1);
        expectParses(format, asFile(text, '2025-03-12.json'), o);
      }),
      runs(200),
    );
  });

  it('never throws on near-valid files made from the real fixtures', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedFixture(), mutatedJson()), options, (file, o) => expectParses(format, file, o)),
      runs(200),
    );
  });
});

describe('the whole path from a file to an entry', () => {
  /** Detects, parses and normalizes a file; every paper that comes out must make a valid entry. */
  function expectEntries(file: SourceFile, parseOptions: ParseOptions) {
    const format = detectFormat(file);
    if (!format) return;
    const { records, problems } = format.parse(file, parseOptions);
    for (const problem of problems) expectReadableProblem(problem, file);
    const fallback = /^\d{4}-\d{2}-\d{2}$/.test(parseOptions.date ?? '') ? parseOptions.date : undefined;
    for (const record of records) expectNormalized(file, record, fallback);
  }

  it('every real fixture gives valid entries', () => {
    for (const file of fixtures) expectEntries(file, { date: '2025-03-12' });
  });

  it('near-valid fixtures give valid entries or readable problems', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedFixture(), mutatedJson()), options, (file, o) => expectEntries(file, o)),
      runs(400),
    );
  });
});
