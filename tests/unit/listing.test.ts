import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../scripts/lib/formats/index.ts';
import { listing } from '../../scripts/lib/formats/listing.ts';
import type { ParseOptions, SourceFile } from '../../scripts/lib/formats/types.ts';

const samplePath = fileURLToPath(new URL('../../content/sources/2025-03-12-papers.txt', import.meta.url));
const sampleText: string = readFileSync(samplePath, 'utf8');
const sampleLines = sampleText.split('\n');

/** The sample as a source file, under another name or with other text if asked. */
const file = (text = sampleText, name = '2025-03-12-papers.txt'): SourceFile => ({
  path: `content/sources/${name}`,
  name,
  text,
});
const parseSample = (text = sampleText, name?: string, options: ParseOptions = {}) =>
  listing.parse(file(text, name), options);

/** The sample with some (1-based) lines blanked, so every other line keeps its number. */
const blank = (...lineNumbers: number[]) =>
  sampleLines.map((l, i) => (lineNumbers.includes(i + 1) ? '' : l)).join('\n');
/** Line number (1-based) of the first line of the sample that starts with `prefix`. */
const lineOf = (prefix: string) => sampleLines.findIndex((l) => l.startsWith(prefix)) + 1;

describe('listing.parse on the real sample', () => {
  const { records, problems } = parseSample();

  it('finds 76 records and no problems', () => {
    expect(records).toHaveLength(76);
    expect(problems).toEqual([]);
  });

  it('dates every record 2025-03-12', () => {
    expect(new Set(records.map((r) => r.date))).toEqual(new Set(['2025-03-12']));
  });

  it('numbers records 1 to 76', () => {
    expect(records.map((r) => r.record)).toEqual(Array.from({ length: 76 }, (_, i) => i + 1));
  });

  it.each([
    ['new'],
    ['Get trending papers in your email inbox!'],
    ['Subscribe'],
    ['byAK and the research community'],
    ['Mar 12'],
  ])('skips the page chrome %j', (chrome) => {
    expect(records.map((r) => r.title)).not.toContain(chrome);
    expect(records.some((r) => r.abstract?.includes(chrome) && r.abstract.length < 100)).toBe(false);
  });

  it.each([
    [
      'first',
      0,
      'GQSA: Group Quantization and Sparsity for Accelerating Large Language Model Inference',
      11,
      'Model compression has emerged as a mainstream solution',
      'GQSA outperforms W2 by 1.26times and 2:4 pruning by 2.35times in terms of speed.',
    ],
    [
      'InstantSplat',
      7,
      'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds',
      39,
      'While novel view synthesis (NVS) has made substantial progress in 3D computer vision',
      'Project page: instantsplat.github.io.',
    ],
    [
      'last',
      75,
      'SaRA: High-Efficient Diffusion Model Fine-tuning with Progressive Sparse Low-Rank Adaptation',
      311,
      'In recent years, the development of diffusion models',
      'is seamlessly compatible with existing methods.',
    ],
  ])('pairs the %s title with its own abstract', (_which, index, title, line, abstractStart, abstractEnd) => {
    const r = records[index];
    expect(r.title).toBe(title);
    expect(r.line).toBe(line);
    expect(r.abstract!.startsWith(abstractStart)).toBe(true);
    expect(r.abstract!.endsWith(abstractEnd)).toBe(true);
  });

  it('keeps every abstract exactly as the line after its title', () => {
    for (const r of records) expect(r.abstract).toBe(sampleLines[r.line! + 1]);
  });
});

describe('listing dates', () => {
  it('reports a date line with no year when neither the file name nor --date gives one', () => {
    const { records, problems } = parseSample(sampleText, 'papers.txt');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/sources/papers.txt', line: lineOf('Mar 12'), field: 'date' }),
    ]);
    expect(problems[0].message).toContain('Mar 12');
  });

  it.each([
    ['papers.txt', { date: '2024' }, '2024-03-12'],
    ['papers.txt', { date: '2023-11-30' }, '2023-03-12'],
    ['2025-03-12-papers.txt', { date: '2024' }, '2024-03-12'],
    ['2021-01-05-papers.txt', {}, '2021-03-12'],
  ])('%s with %j dates records %s', (name, options, expected) => {
    const { records, problems } = parseSample(sampleText, name, options);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(76);
    expect(new Set(records.map((r) => r.date))).toEqual(new Set([expected]));
  });

  it('prefers a year on the date line', () => {
    const { records } = parseSample(sampleText.replace('\nMar 12\n', '\nMarch 12, 2023\n'), 'papers.txt', {
      date: '2024',
    });
    expect(new Set(records.map((r) => r.date))).toEqual(new Set(['2023-03-12']));
  });

  it('reports a day that does not exist', () => {
    const { records, problems } = parseSample(sampleText.replace('\nMar 12\n', '\nFeb 30\n'));
    expect(records).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ line: lineOf('Mar 12'), field: 'date' })]);
  });

  it('reports a listing without any date line', () => {
    const { records, problems } = parseSample(blank(lineOf('Mar 12')));
    expect(records).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/sources/2025-03-12-papers.txt', line: 1, field: 'date' }),
    ]);
  });

  it('dates each section by the date line above it', () => {
    const gqsaAbstract = lineOf('Model compression has emerged');
    const text = [...sampleLines.slice(0, gqsaAbstract), '', 'Mar 13', ...sampleLines.slice(gqsaAbstract)].join('\n');
    const { records, problems } = parseSample(text);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(76);
    expect(records[0].date).toBe('2025-03-12');
    expect(records.slice(1).every((r) => r.date === '2025-03-13')).toBe(true);
  });
});

describe('listing problems', () => {
  it('reports a title with no abstract at the end, and keeps the other records', () => {
    const text = `${sampleText}\n\nA Dangling Title Without Abstract\n`;
    const { records, problems } = parseSample(text);
    expect(records).toHaveLength(76);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/sources/2025-03-12-papers.txt',
        line: sampleLines.length + 2,
        record: 77,
        field: 'abstract',
      }),
    ]);
    expect(problems[0].message).toContain('A Dangling Title Without Abstract');
  });

  it('reports a title with no abstract between two papers, and keeps the other records', () => {
    const title = lineOf('InstantSplat:');
    const { records, problems } = parseSample(blank(title + 2));
    expect(records).toHaveLength(75);
    expect(records.map((r) => r.title)).not.toContain(sampleLines[title - 1]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/sources/2025-03-12-papers.txt',
        line: title,
        record: 8,
        field: 'abstract',
      }),
    ]);
    // The papers either side keep their own abstracts.
    const before = records.find((r) => r.record === 7)!;
    const after = records.find((r) => r.record === 9)!;
    expect(before.abstract).toBe(sampleLines[before.line! + 1]);
    expect(after.title).toBe('Sparse-view Pose Estimation and Reconstruction via Analysis by Generative Synthesis');
    expect(after.abstract).toBe(sampleLines[after.line! + 1]);
  });

  it('reports an abstract with no title before it, and keeps the other records', () => {
    const title = lineOf('GQSA:');
    const { records, problems } = parseSample(blank(title));
    expect(records).toHaveLength(75);
    expect(records[0].title).toBe(
      'HESSO: Towards Automatic Efficient and User Friendly Any Neural Network Training and Pruning',
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/sources/2025-03-12-papers.txt', line: title + 2, field: 'title' }),
    ]);
  });
});

describe('listing line ends', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line ends like LF', (_name, eol) => {
    const lf = parseSample();
    const other = parseSample(sampleText.replace(/\n/g, eol));
    expect(other.problems).toEqual([]);
    expect(other.records).toEqual(lf.records);
    expect(other.records.some((r) => r.title!.includes('\r') || r.abstract!.includes('\r'))).toBe(false);
  });

  it('joins a hard-wrapped paragraph with single spaces', () => {
    const title = lineOf('GQSA:');
    const wrapped = sampleLines
      .map((l, i) => (i + 1 === title + 2 ? l.replace('. This paper presents', '.\n   This paper presents') : l))
      .join('\n');
    const { records } = parseSample(wrapped);
    expect(records[0].abstract).toBe(sampleLines[title + 1]);
    expect(records[1].line).toBe(lineOf('HESSO:') + 1);
  });
});

describe('listing.sniff and detectFormat', () => {
  it('detects nothing in plain notes', () => {
    expect(detectFormat(file('Things to read this week:\n\n- the MoE paper\n'))).toBeUndefined();
  });

  it.each([
    ['the real sample', sampleText, true],
    ['the sample with CRLF', sampleText.replace(/\n/g, '\r\n'), true],
    ['plain notes', 'Just some notes.\nNothing to see.\n', false],
    ['a date line but no abstract', 'Mar 12\n\nA Title\n', false],
    ['JSON', '[{"title": "x"}]', false],
  ])('%s → %s', (_name, text, expected) => {
    expect(listing.sniff(file(text))).toBe(expected);
    // Other formats may claim the rest; a listing must be detected as one.
    if (expected) expect(detectFormat(file(text))?.id).toBe('listing');
  });
});
