/**
 * Every parser over the real files in ../shared/data (see SOURCES.md there for where they come
 * from and the counts asserted here). Skipped, with a warning, when that folder is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../../scripts/lib/formats/index.ts';
import type { Problem, SourceRecord } from '../../../scripts/lib/formats/types.ts';
import { normalizeArxivId } from '../../../scripts/lib/import/identity.ts';
import { runImport } from '../../../scripts/lib/import/run-import.ts';

const dataDir = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const topicsFile = fileURLToPath(new URL('../../../content/topics.yaml', import.meta.url));
const exists = existsSync(join(dataDir, 'SOURCES.md'));
if (!exists) console.warn(`real-data format tests skipped: ${dataDir} not found`);

/** Files under a folder, sorted, as the import lists them. */
const walk = (path: string): string[] =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((n) => !n.startsWith('.'))
        .sort()
        .flatMap((n) => walk(join(path, n)))
    : [path];

interface Parsed {
  /** Format id per file name (relative to the folder); `none` when no format claims it. */
  formats: Map<string, string>;
  records: (SourceRecord & { file: string })[];
  problems: Problem[];
}

/** Detects and parses every file of one data folder. */
function parseFolder(folder: string): Parsed {
  const root = join(dataDir, folder);
  const out: Parsed = { formats: new Map(), records: [], problems: [] };
  for (const path of walk(root)) {
    const file = { path, name: basename(path), text: readFileSync(path, 'utf8') };
    const format = detectFormat(file);
    out.formats.set(path.slice(root.length + 1), format?.id ?? 'none');
    if (!format) continue;
    const result = format.parse(file, {});
    out.records.push(...result.records.map((r) => ({ ...r, file: file.name })));
    out.problems.push(...result.problems);
  }
  return out;
}

const arxivIds = (records: SourceRecord[]) => new Set(records.map((r) => normalizeArxivId(r.arxivId)).filter(Boolean));
const formatCounts = (p: Parsed) => {
  const counts: Record<string, number> = {};
  for (const id of p.formats.values()) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
};
const range = (days: (string | undefined)[]) => {
  const sorted = days.filter((d): d is string => !!d).sort();
  return [sorted[0], sorted.at(-1)];
};

describe.skipIf(!exists)('parsers on the real data in ../shared/data', () => {
  it('hf-daily-papers: 2,512 records, 2,510 unique arXiv ids, across every schema drift', () => {
    const p = parseFolder('hf-daily-papers');
    expect(formatCounts(p)).toEqual({ 'hf-daily': 131 });
    expect(p.problems).toEqual([]);
    expect(p.records).toHaveLength(2512);
    expect(arxivIds(p.records).size).toBe(2510);
    // the digest day is the file's day, and every record has a thumbnail (mediaUrl in 2024-06)
    expect(p.records.every((r) => r.file.startsWith(r.date!))).toBe(true);
    expect(p.records.every((r) => r.thumbnail?.startsWith('https://'))).toBe(true);
    // the 21 Python-repr files and the wrapped 2025-01-10 file hold 300 records
    const repr = p.records.filter((r) => r.date! >= '2024-12-11' && r.date! <= '2025-01-10');
    expect(repr).toHaveLength(300);
    expect(repr.every((r) => r.title && r.authors?.length && r.upvotes !== undefined)).toBe(true);
    // later files add AI summaries, keywords, code links and organizations
    expect(p.records.filter((r) => r.summary).length).toBe(1608);
    expect(p.records.filter((r) => r.links?.code).length).toBe(885);
    expect(p.records.filter((r) => r.organization).length).toBe(732);
  });

  it('daily-arxiv-ai-enhanced: 2,675 raw lines (1,691 ids) and 1,606 enriched', () => {
    const p = parseFolder('daily-arxiv-ai-enhanced');
    expect(formatCounts(p)).toEqual({ 'daily-arxiv-jsonl': 22 });
    expect(p.problems).toEqual([]);
    const enriched = p.records.filter((r) => r.file.includes('_AI_'));
    const raw = p.records.filter((r) => !r.file.includes('_AI_'));
    expect(raw).toHaveLength(2675);
    expect(arxivIds(raw).size).toBe(1691);
    expect(enriched).toHaveLength(1606);
    expect(enriched.filter((r) => r.summary)).toHaveLength(1400); // AI.tldr; the rest have AI.task
    expect(enriched.filter((r) => r.links?.code)).toHaveLength(148);
    expect(p.records.every((r) => r.file.startsWith(r.date!))).toBe(true);
  });

  it('cv-arxiv-daily: 9,312 rows (8,563 ids) plus 839 WeChat rows (772 ids)', () => {
    const p = parseFolder('cv-arxiv-daily');
    expect(formatCounts(p)).toEqual({ 'cv-arxiv-daily': 2 });
    expect(p.problems).toEqual([]);
    const main = p.records.filter((r) => r.file === 'cv-arxiv-daily.json');
    const wechat = p.records.filter((r) => r.file === 'cv-arxiv-daily-wechat.json');
    expect(main).toHaveLength(9312);
    expect(arxivIds(main).size).toBe(8563);
    expect(range(main.map((r) => r.date))).toEqual(['2021-08-23', '2026-05-14']);
    expect(wechat).toHaveLength(839);
    expect(arxivIds(wechat).size).toBe(772);
    expect(range(wechat.map((r) => r.date))).toEqual(['2021-09-15', '2022-11-30']);
    expect(new Set(p.records.flatMap((r) => r.topics))).toEqual(
      new Set(['SLAM', 'SFM', 'Visual Localization', 'Keypoint Detection', 'Image Matching', 'NeRF']),
    );
  });

  it('arxiv-oai-snapshot: 200 records, 0704.0001 to 0704.0200', () => {
    const p = parseFolder('arxiv-oai-snapshot');
    expect(formatCounts(p)).toEqual({ 'arxiv-oai-jsonl': 1 });
    expect(p.problems).toEqual([]);
    expect(p.records).toHaveLength(200);
    const ids = [...arxivIds(p.records)].sort();
    expect([ids.length, ids[0], ids.at(-1)]).toEqual([200, '0704.0001', '0704.0200']);
    expect(p.records.every((r) => r.published && r.authors?.length && r.abstract)).toBe(true);
  });

  it('arxiv-api-atom: 10 entries in 4 responses, 9 distinct papers', () => {
    const p = parseFolder('arxiv-api-atom');
    expect(formatCounts(p)).toEqual({ 'arxiv-atom': 4, none: 4 }); // the request's metadata.json is not a source
    expect(p.problems).toEqual([]);
    expect(p.records).toHaveLength(10);
    expect(arxivIds(p.records).size).toBe(9);
    expect(p.records.every((r) => r.links?.pdf && r.published && r.topics?.length)).toBe(true);
  });

  it('bibtex-cdl: 6,315 entries from 1814 to 2026, one without a year', () => {
    const p = parseFolder('bibtex-cdl');
    expect(formatCounts(p)).toEqual({ bibtex: 1 });
    expect(p.problems).toEqual([]);
    expect(p.records).toHaveLength(6315);
    expect(range(p.records.map((r) => r.published?.slice(0, 4)))).toEqual(['1814', '2026']);
    expect(p.records.filter((r) => !r.published)).toHaveLength(1);
    expect(p.records.filter((r) => r.arxivId)).toHaveLength(19); // arXiv DOIs and "arXiv:" journals
    // TeX decoded outside math: no accent commands or protective braces left in names and titles,
    // except after a command the source misspells (kept as written)
    const outsideMath = (r: SourceRecord) => `${r.title} ${r.authors?.join(' ')}`.replace(/\$[^$]*\$/g, '');
    const texLeft = p.records.filter((r) => /\\['"`^~=.vcHu]|[{}]/.test(outsideMath(r)));
    expect(texLeft.map((r) => r.title)).toEqual([
      'Searching behavior of desert ants, genus \\texit{Cataglyphis} (Formicidae, Hymenoptera)',
    ]);
  });

  it('pmlr-v22-citeproc-yaml: 158 papers dated 2012-03-21, the preface included', () => {
    const p = parseFolder('pmlr-v22-citeproc-yaml');
    expect(formatCounts(p)).toEqual({ csl: 158, none: 1 }); // _config.yml is the site's config
    expect(p.problems).toEqual([]);
    expect(p.records).toHaveLength(158);
    expect(new Set(p.records.map((r) => r.date))).toEqual(new Set(['2012-03-21']));
    expect(p.records.filter((r) => r.title === 'Preface')).toHaveLength(1);
    expect(p.records.every((r) => r.authors?.length && r.links?.pdf)).toBe(true);
  });
});

describe.skipIf(!exists)('import --dry-run on each real data folder', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'paperboy-real-data-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const unknown = (problems: Problem[]) =>
    problems.filter((p) => /unknown format/.test(p.message)).map((p) => basename(p.file));

  it.each([
    { folder: 'hf-daily-papers', records: 2512, created: 2510, duplicates: 2, skipped: 0, unknown: [] },
    { folder: 'daily-arxiv-ai-enhanced', records: 4281, created: 1691, duplicates: 2590, skipped: 0, unknown: [] },
    // 8,563 ids, one entry each: two papers sharing a title stay apart, as their arXiv ids differ
    { folder: 'cv-arxiv-daily', records: 10151, created: 8563, duplicates: 1588, skipped: 0, unknown: [] },
    { folder: 'arxiv-oai-snapshot', records: 200, created: 200, duplicates: 0, skipped: 0, unknown: [] },
    {
      folder: 'arxiv-api-atom',
      records: 10,
      created: 9,
      duplicates: 1,
      skipped: 0,
      unknown: Array(4).fill('metadata.json'),
    },
    // one entry has no year, so no date: skipped; 25 share a title with another entry
    { folder: 'bibtex-cdl', records: 6315, created: 6310, duplicates: 4, skipped: 1, unknown: [] },
    {
      folder: 'pmlr-v22-citeproc-yaml',
      records: 158,
      created: 158,
      duplicates: 0,
      skipped: 0,
      unknown: ['_config.yml'],
    },
  ])(
    '$folder',
    async ({ folder, records, created, duplicates, skipped, unknown: unknownFiles }) => {
      const summary = await runImport({
        paths: [join(dataDir, folder)],
        papersDir: join(work, folder),
        topicsFile,
        dryRun: true,
      });
      expect(summary).toMatchObject({ records, duplicates, skipped, written: false });
      expect(summary.created).toHaveLength(created);
      // Files met in a folder that are no papers file (a request's metadata, a site config) are passed over.
      expect(unknown(summary.notices)).toEqual(unknownFiles);
      expect(summary.problems).toHaveLength(skipped);
      expect(existsSync(join(work, folder))).toBe(false);
    },
    120_000,
  );
});

describe.skipIf(!exists)('importing every real data folder for real, then again', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'paperboy-real-reimport-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  /** Every entry file and its bytes. */
  const snapshot = (dir: string) => new Map(walk(dir).map((f) => [f, readFileSync(f, 'utf8')]));

  it('writes the entries once; the second run changes no byte', async () => {
    const papersDir = join(work, 'papers');
    const paths = readdirSync(dataDir)
      .filter((d) => statSync(join(dataDir, d)).isDirectory())
      .map((d) => join(dataDir, d));
    const first = await runImport({ paths, papersDir, topicsFile });
    expect(first.created.length).toBeGreaterThan(19_000);
    const before = snapshot(papersDir);
    const second = await runImport({ paths, papersDir, topicsFile });
    expect({ created: second.created.length, updated: second.updated.length }).toEqual({ created: 0, updated: 0 });
    expect(snapshot(papersDir)).toEqual(before);
  }, 240_000);
});
