import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, formats } from '../../../scripts/lib/formats/index.ts';
import { runImport } from '../../../scripts/lib/import/run-import.ts';
import { fixture, fixtureDir, source } from './fixture.ts';

const topicsFile = fileURLToPath(new URL('../../../content/topics.yaml', import.meta.url));

describe('detectFormat', () => {
  it.each([
    ['hf-daily/2025-03-12.json', 'hf-daily'],
    ['hf-daily/2024-12-11.json', 'hf-daily'],
    ['hf-daily/wrapped.json', 'hf-daily'],
    ['hf-daily/truncated.json', 'hf-daily'],
    ['arxiv-atom/query.xml', 'arxiv-atom'],
    ['arxiv-atom/broken.xml', 'arxiv-atom'],
    ['arxiv-oai-jsonl/snapshot.json', 'arxiv-oai-jsonl'],
    ['daily-arxiv-jsonl/2025-03-19.jsonl', 'daily-arxiv-jsonl'],
    ['daily-arxiv-jsonl/2026-02-06_AI_enhanced_Chinese.jsonl', 'daily-arxiv-jsonl'],
    ['cv-arxiv-daily/cv-arxiv-daily.json', 'cv-arxiv-daily'],
    ['cv-arxiv-daily/cv-arxiv-daily-wechat.json', 'cv-arxiv-daily'],
    ['bibtex/refs.bib', 'bibtex'],
    ['csl/items.json', 'csl'],
    ['csl/items.yaml', 'csl'],
    ['csl/references.yaml', 'csl'],
    ['csl/2012-03-21-agakov12.md', 'csl'],
    ['csv/papers.csv', 'csv'],
    ['csv/papers.tsv', 'csv'],
    ['paperboy-json/papers.json', 'paperboy-json'],
    ['paperboy-json/papers.yaml', 'paperboy-json'],
  ])('%s is %s', (path, id) => {
    expect(detectFormat(fixture(path))?.id).toBe(id);
  });

  it('goes by content, not by the file name', () => {
    const bib = fixture('bibtex/refs.bib');
    expect(detectFormat({ ...bib, name: 'papers.json', path: 'papers.json' })?.id).toBe('bibtex');
  });

  it.each([
    ['Jekyll config', 'csl/_config.yml'],
    ['request metadata', undefined],
  ])('finds no format for a %s', (_, path) => {
    const file = path ? fixture(path) : source('metadata.json', '{"endpoint": "http://export.arxiv.org/api/query"}');
    expect(detectFormat(file)).toBeUndefined();
  });

  it('keeps the loose listing sniff last', () => {
    expect(formats.at(-1)?.id).toBe('listing');
    expect(new Set(formats.map((f) => f.id)).size).toBe(formats.length);
  });
});

describe('importing every fixture (dry run)', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'paperboy-formats-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('reads them all, skips only the bad records, and writes nothing', async () => {
    const summary = await runImport({ paths: [fixtureDir], papersDir: join(work, 'papers'), topicsFile, dryRun: true });
    expect(summary).toMatchObject({ files: 24, records: 59, skipped: 25, duplicates: 4, written: false });
    expect(summary.created).toHaveLength(30);
    const unknown = summary.notices.filter((p) => /unknown format/.test(p.message));
    expect(unknown.map((p) => p.file.split('/').pop())).toEqual(['_config.yml']);
    // every problem names its file; none is a stack trace
    for (const p of summary.problems) {
      expect(p.file).toBeTruthy();
      expect(p.message).not.toMatch(/\n\s+at /);
    }
  });
});
