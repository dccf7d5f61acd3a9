/**
 * Shared generators for the property-based tests. Runs are bounded: each property takes
 * `runs(n)`; set FUZZ_RUNS to scale every property and FUZZ_SEED to replay a failure
 * (fast-check prints the seed and the shrunk counterexample when one fails).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Problem, SourceFile } from '../../../scripts/lib/formats/types.ts';
import { hostileStrings, hostileUrls, safeUrls } from '../../fixtures/hostile.ts';
import { fixtureDir } from '../formats/fixture.ts';

/** fast-check parameters: `n` runs (times FUZZ_RUNS / 100 when set), seed from FUZZ_SEED when set. */
export function runs(n: number): fc.Parameters<unknown> {
  const scale = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) / 100 : 1;
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  return { numRuns: Math.max(1, Math.round(n * scale)), ...(seed === undefined ? {} : { seed }) };
}

/** Pieces that mean something to one of the formats, YAML, MDX, TeX or HTML. */
const tokens = [
  ...hostileStrings.map((s) => s.text),
  ...['\n', '\r\n', '\r', '\t', ' ', '\u00a0', '\ufeff', '\u2028', '\u0085', '\u0000', '\ud800', '\udc00'],
  ...['{', '}', '[', ']', '(', ')', '"', "'", ',', ';', ':', ': ', ' #', '- ', '---', '...', '|', '>', '&a', '*a'],
  ...['!!str', '%', '@', '`', '\\', '$', '$$', '\\(', '\\)', '\\[', '\\]', '~', '--', '``', "''", '^', '_'],
  ...["\\'", '\\"', '\\`', '\\c', '\\emph{', '\\url{', '\\href{', '\\textbackslash', '\\&', '\\%', '\\\\'],
  ...['@article{', '@misc(', 'title = {', 'author = "', '<feed>', '<entry>', '</entry>', '<title>', '<![CDATA['],
  ...['&amp;', '&lt;', '&#0;', '&#x110000;', '&nbsp;', '&', '<', '>', '|**2021-08-23**|**', '**|', '- 2022-01-19, '],
  ...['yes', 'no', 'null', '~', 'true', '0o17', '0x1F', '1e3', '.inf', '.nan', '12:30:00', '<<', '='],
  ...['2025-03-12', '2025-02-30', '2025-13-01', '0000-01-01', '9999-12-31', 'Mar 12', 'March 12, 2025', 'Feb 30'],
  ...['arXiv:2501.00001', 'hep-th/9901001v2', '10.1000/xyz', 'https://arxiv.org/abs/2501.00001v3', 'doi:'],
  ...['Ü', 'é', 'e\u0301', 'ß', 'ı', 'ﬁ', '中文', '𝔸', '👩‍🔬', '\u202e', '\u200b'],
];

/** Text mixing random characters (any code unit, lone surrogates included) with meaningful tokens. */
export const anyText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
        { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map(String.fromCharCode) }) },
        { weight: 3, arbitrary: fc.constantFrom(...tokens) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

/** Text a user could save in a UTF-8 file: like `anyText`, but well-formed Unicode. */
export const fileText = (maxLength = 40): fc.Arbitrary<string> => anyText(maxLength).map((s) => s.toWellFormed());

/** Strings, links and dates as sources put them into records: hostile, near-valid or random. */
export const urlText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileUrls.map((u) => u.text), ...safeUrls.map((u) => u.text)),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  anyText(6),
  anyText(4).map((s) => `https://example.org/${s}`),
);
export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc
    .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc
    .tuple(fc.integer({ min: -20, max: 12000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  anyText(4),
);

/** Every fixture under tests/fixtures/formats/, as source files. */
export const fixtures: SourceFile[] = readdirSync(fixtureDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.\w+$/.test(name))
  .sort()
  .map((name) => {
    const path = join(fixtureDir, name);
    return { path, name: name.replace(/^.*\//, ''), text: readFileSync(path, 'utf8') };
  });

/** One edit to a text: cut it short, delete, duplicate or replace a span, insert a token or random text. */
const edit: fc.Arbitrary<(text: string) => string> = fc.oneof(
  fc.nat().map((n) => (t: string) => t.slice(0, t.length ? n % t.length : 0)),
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, len]) => (t: string) => {
    const i = t.length ? at % t.length : 0;
    return t.slice(0, i) + t.slice(i + len);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([at, len]) => (t: string) => {
    const i = t.length ? at % t.length : 0;
    return t.slice(0, i + len) + t.slice(i);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 20 }), anyText(3)).map(([at, len, s]) => (t: string) => {
    const i = t.length ? at % t.length : 0;
    return t.slice(0, i) + s + t.slice(i + len);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...tokens)).map(([at, s]) => (t: string) => {
    const i = t.length ? at % t.length : 0;
    return t.slice(0, i) + s + t.slice(i);
  }),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
);

/** A real fixture with a few random edits: near-valid input that reaches deep into each parser. */
export const mutatedFixture = (files: SourceFile[] = fixtures): fc.Arbitrary<SourceFile> =>
  fc
    .tuple(fc.constantFrom(...files), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([file, edits]) => ({ ...file, text: edits.reduce((text, e) => e(text), file.text) }));

/** Keys the JSON formats look for, so random objects reach the code that reads them. */
const jsonKeys = [
  ...['id', 'title', 'authors', 'abstract', 'summary', 'date', 'published', 'arxivId', 'doi', 'links', 'url', 'pdf'],
  ...['paper', 'publishedAt', 'upvotes', 'numComments', 'thumbnail', 'mediaUrls', 'ai_keywords', 'organization'],
  ...['authors_parsed', 'versions', 'update_date', 'categories', 'abs', 'AI', 'tldr', 'code_url', 'code_stars'],
  ...['author', 'issued', 'date-parts', 'container-title', 'URL', 'DOI', 'type', 'references', 'papers', 'data'],
  ...['family', 'given', 'literal', 'keywords', 'topics', 'created', '__proto__', 'constructor', 'toString'],
];

/** Any JSON value, its strings drawn from `anyText`. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER),
    fc.integer(),
    anyText(6),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(anyText(2), fc.constantFrom(...jsonKeys)), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** A JSON or JSON Lines file split into its JSON documents, or undefined if it is neither. */
function jsonDocs(file: SourceFile): { lines: boolean; docs: unknown[] } | undefined {
  try {
    return { lines: false, docs: [JSON.parse(file.text)] };
  } catch {
    try {
      return {
        lines: true,
        docs: file.text
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l)),
      };
    } catch {
      return undefined;
    }
  }
}

/** A value with the part at `steps` (each a child index, taken modulo the child count) replaced. */
function replaceAt(doc: unknown, steps: number[], value: unknown): unknown {
  if (!steps.length || doc === null || typeof doc !== 'object') return value;
  const keys = Object.keys(doc);
  if (!keys.length) return value;
  const key = keys[steps[0] % keys.length];
  const copy = (Array.isArray(doc) ? [...doc] : { ...doc }) as Record<string, unknown>;
  copy[key] = replaceAt((doc as Record<string, unknown>)[key], steps.slice(1), value);
  return copy;
}

/** A real JSON (or JSON Lines) fixture with one value somewhere inside replaced by a random JSON value. */
export const mutatedJson = (files: SourceFile[] = fixtures): fc.Arbitrary<SourceFile> => {
  const parsed = files.flatMap((file) => {
    const json = jsonDocs(file);
    return json ? [{ file, ...json }] : [];
  });
  return fc
    .tuple(fc.constantFrom(...parsed), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), jsonValue)
    .map(([{ file, lines, docs }, [at, ...steps], value]) => {
      const i = at % docs.length;
      const out = docs.map((doc, k) => (k === i ? replaceAt(doc, steps, value) : doc));
      const text = lines ? out.map((d) => JSON.stringify(d)).join('\n') : JSON.stringify(out[0], null, 2);
      return { ...file, text };
    });
};

/** Fails when a problem does not say where it is or carries a stack trace. */
export function expectReadableProblem(problem: Problem, file: SourceFile): void {
  expect(problem.file).toBe(file.path);
  expect(typeof problem.message).toBe('string');
  expect(problem.message.length).toBeGreaterThan(0);
  expect(problem.message).not.toContain('\n    at ');
  expect(problem.message.length).toBeLessThan(2000);
  for (const n of [problem.line, problem.record]) if (n !== undefined) expect(Number.isInteger(n) && n > 0).toBe(true);
}
