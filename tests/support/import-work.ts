import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formatProblem } from '../../scripts/lib/import/report.ts';
import { runImport, type ImportOptions, type ImportSummary } from '../../scripts/lib/import/run-import.ts';
import { parseEntry } from '../../src/lib/entry-file.ts';
import { paperSchema, type Paper } from '../../src/lib/paper-schema.ts';

/** The real taxonomy. */
export const topicsFile = fileURLToPath(new URL('../../content/topics.yaml', import.meta.url));

/** A scratch folder with a sources folder and a papers folder, for running the import. */
export interface ImportWork {
  dir: string;
  sourcesDir: string;
  papersDir: string;
  /** Writes a file under the sources folder (sub-folders made as needed) and returns its path. */
  source(name: string, content: string | Uint8Array): Promise<string>;
  /** Runs the import on the given paths into the papers folder. */
  run(paths: string[], options?: Partial<ImportOptions>): Promise<ImportSummary>;
  /** Every file under a folder (the whole work folder by default): relative path → bytes. */
  files(dir?: string): Promise<Map<string, Buffer>>;
  /** Every valid entry under the papers folder, by title (files that are not valid entries are left out). */
  entries(): Promise<Map<string, { path: string; data: Paper; body: string }>>;
  remove(): Promise<void>;
}

export async function makeWork(): Promise<ImportWork> {
  const dir = await mkdtemp(join(tmpdir(), 'paperboy-hostile-'));
  const sourcesDir = join(dir, 'sources');
  const papersDir = join(dir, 'papers');
  await mkdir(sourcesDir);
  const files = async (root = dir) => {
    const out = new Map<string, Buffer>();
    const names = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const d of names.filter((n) => n.isFile()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d.parentPath, d.name);
      out.set(relative(root, path), await readFile(path));
    }
    return out;
  };
  return {
    dir,
    sourcesDir,
    papersDir,
    async source(name, content) {
      const path = join(sourcesDir, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
    run: (paths, options = {}) => runImport({ paths, papersDir, topicsFile, ...options }),
    files,
    async entries() {
      const out = new Map<string, { path: string; data: Paper; body: string }>();
      for (const [name, bytes] of await files(papersDir)) {
        if (!name.endsWith('.mdx')) continue;
        let parsed;
        try {
          parsed = parseEntry(bytes.toString('utf8'));
        } catch {
          continue;
        }
        const paper = paperSchema.safeParse(parsed.data);
        if (paper.success)
          out.set(paper.data.title, { path: join(papersDir, name), data: paper.data, body: parsed.body });
      }
      return out;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * What every run must leave: messages that name their file and carry no stack trace, no temporary
 * file anywhere, and every entry it wrote valid, with an empty body unless a curator wrote one
 * (imported text never goes into a body).
 */
export async function expectCleanRun(work: ImportWork, summary: ImportSummary): Promise<void> {
  for (const p of [...summary.problems, ...summary.notices]) {
    expect(p.file).toBeTruthy();
    expect(p.message).not.toContain('\n    at ');
    expect(formatProblem(p)).not.toMatch(/\n\s+at /);
    expect(formatProblem(p).length).toBeLessThan(1000);
  }
  const all = [...(await work.files()).keys()];
  expect(all.filter((f) => /\.\d+\.tmp$/.test(f))).toEqual([]);
  const entries = [...(await work.entries()).values()];
  for (const path of summary.written ? summary.created : []) {
    const entry = entries.find((e) => e.path === path);
    expect(entry, path).toBeDefined();
    expect(entry!.body).toBe('');
  }
  for (const path of summary.written ? summary.updated : []) expect(entries.some((e) => e.path === path)).toBe(true);
}
