import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources } from '../../scripts/lib/import/import-sources.ts';
import { parseEntry } from '../../src/lib/entry-file.ts';
import { listFilesSync } from '../../src/lib/files.ts';
import { makeWork, topicsFile, type ImportWork } from '../support/import-work.ts';

const sample = fileURLToPath(new URL('../../content/sources/2025-03-12-papers.txt', import.meta.url));

let work: ImportWork;
const request = () => ({
  paths: [work.sourcesDir],
  papersDir: work.papersDir,
  topicsFile,
  cacheDir: join(work.dir, '.cache'),
});
const entryFiles = () => listFilesSync(work.papersDir, /\.mdx$/);

beforeEach(async () => {
  work = await makeWork();
  await work.source('2025-03-12-papers.txt', await readFile(sample));
});
afterEach(() => work.remove());

describe('an import as the build and `npm run import` run it', () => {
  it('imports, then skips a run that would change nothing', async () => {
    const first = await importSources(request());
    expect(first.problems).toEqual([]);
    expect(first.summary).toMatch(/^1 file\(s\), 76 record\(s\): 76 new, 0 updated, 0 unchanged.*\nwrote 76 entries$/);
    expect(first.kept?.size).toBe(0);
    const second = await importSources(request());
    expect(second).toEqual({
      problems: [],
      notices: [],
      summary: 'nothing changed since the last import',
    });
  });

  it('hands over the entries it read and left as they are, parsed, and none it wrote', async () => {
    await importSources(request());
    const [edited, emptied] = entryFiles();
    // A curator's notes (the import leaves them), and an abstract deleted by hand (the import fills it in again).
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nWorth a read.\n`);
    await writeFile(emptied, (await readFile(emptied, 'utf8')).replace(/^abstract: .*$/m, ''));
    const run = await importSources(request());
    expect(run.summary).toMatch(/0 new, 1 updated, 75 unchanged/);
    expect(run.kept?.size).toBe(75);
    expect(run.kept?.has(resolve(emptied))).toBe(false);
    for (const file of entryFiles().filter((f) => f !== emptied)) {
      const { size, mtimeMs } = statSync(file);
      const kept = run.kept?.get(resolve(file));
      expect(kept, file).toEqual({ ...parseEntry(await readFile(file, 'utf8')), stamp: { size, mtimeMs } });
    }
    expect(run.kept?.get(resolve(edited))?.body).toContain('Worth a read.');
  });

  it('names what failed it, and runs again next time rather than skip', async () => {
    await work.source('2025-03-13.bib', '@article{x, author = {A. Author}, year = {2025}}\n');
    const failed = await importSources(request());
    expect(failed.problems).toEqual([expect.stringMatching(/2025-03-13\.bib:1: record 1.*title/)]);
    const again = await importSources(request());
    expect(again.summary).not.toMatch(/nothing changed/);
    expect(again.problems).toHaveLength(1);
  });
});
