import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportMemo, loadImportMemo, saveImportMemo } from '../../scripts/lib/import/import-memo.ts';
import { runImport } from '../../scripts/lib/import/run-import.ts';
import { listFilesSync } from '../../src/lib/files.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sample = join(repoRoot, 'content/sources/2025-03-12-papers.txt');
const topicsFile = join(repoRoot, 'content/topics.yaml');
const instantSplat = '2025/03/instantsplat-unbounded-sparse-view-pose-free-gaussian.mdx';

let work: string;
const at = (path: string) => join(work, path);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'paperboy-import-memo-'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** Every file under a folder, relative path → text. */
const tree = async (dir: string) => {
  const files = listFilesSync(dir, /./);
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return new Map(files.map((f, i) => [f.slice(dir.length), texts[i]]));
};

describe('the import memo', () => {
  it('recalls a file while its size and modification time stay, and only under the key it was noted with', async () => {
    await writeFile(at('a.txt'), 'one');
    const memo = new ImportMemo();
    await memo.remember(at('a.txt'), { read: 'one' }, 'k');
    await saveImportMemo(memo, at('memo'));
    const next = await loadImportMemo(at('memo'));
    expect(await next.recall(at('a.txt'), 'k')).toEqual({ read: 'one' });
    expect(await next.recall(at('a.txt'), 'other')).toBeUndefined();
    expect(await next.recall(at('missing.txt'), 'k')).toBeUndefined();
    await writeFile(at('a.txt'), 'two');
    expect(await (await loadImportMemo(at('memo'))).recall(at('a.txt'), 'k')).toBeUndefined();
  });

  it('keeps only what a run recalled or noted, less what it forgot', async () => {
    await writeFile(at('a.txt'), 'a');
    await writeFile(at('b.txt'), 'b');
    const first = new ImportMemo();
    await first.remember(at('a.txt'), 'A');
    await first.remember(at('b.txt'), 'B');
    await saveImportMemo(first, at('memo'));
    const second = await loadImportMemo(at('memo'));
    await second.recall(at('a.txt'));
    await second.remember(at('b.txt'), 'B');
    second.forget(at('b.txt'));
    await saveImportMemo(second, at('memo'));
    const third = await loadImportMemo(at('memo'));
    expect([await third.recall(at('a.txt')), await third.recall(at('b.txt'))]).toEqual(['A', undefined]);
  });

  it.each([
    ['a memo from other code', serialize({ version: 'other', entries: new Map() })],
    ['an unreadable memo', 'not a memo'],
  ])('starts empty from %s', async (_case, bytes) => {
    await writeFile(at('a.txt'), 'a');
    await writeFile(at('memo'), bytes);
    expect(await (await loadImportMemo(at('memo'))).recall(at('a.txt'))).toBeUndefined();
  });
});

describe('an import with the memo', () => {
  it('writes and reports exactly what an import reading every file does', async () => {
    const papers = at('papers');
    await mkdir(at('sources'));
    await cp(sample, at('sources/2025-03-12-papers.txt'));
    const memo = new ImportMemo();
    await runImport({ paths: [at('sources')], papersDir: papers, topicsFile, memo });
    await saveImportMemo(memo, at('memo'));

    // A curator edits an entry, and a new file lists some of the same papers again on another day.
    const entry = join(papers, instantSplat);
    await writeFile(entry, (await readFile(entry, 'utf8')).replace(/^title: .*$/m, 'title: Curated Title'));
    const listing = await readFile(sample, 'utf8');
    await writeFile(at('sources/2025-03-13-papers.txt'), listing.replace(/Mar 12/g, 'Mar 13'));
    await cp(papers, at('papers-without'), { recursive: true });

    const remembered = await loadImportMemo(at('memo'));
    const withMemo = await runImport({ paths: [at('sources')], papersDir: papers, topicsFile, memo: remembered });
    const without = await runImport({ paths: [at('sources')], papersDir: at('papers-without'), topicsFile });
    expect(await tree(papers)).toEqual(await tree(at('papers-without')));
    const relative = (s: typeof withMemo, dir: string) => ({
      ...s,
      created: s.created.map((p) => p.slice(dir.length)),
      updated: s.updated.map((p) => p.slice(dir.length)),
      problems: s.problems.map((p) => ({ ...p, file: p.file.replace(dir, '') })),
      notices: s.notices.map((p) => ({ ...p, file: p.file.replace(dir, '') })),
    });
    expect(relative(withMemo, papers)).toEqual(relative(without, at('papers-without')));
    expect(await readFile(entry, 'utf8')).toContain('title: Curated Title');
  });
});
