import { existsSync } from 'node:fs';
import { link, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { removeFiles, staleFiles } from '../../src/integrations/keep-build.ts';

const root = await mkdtemp(join(tmpdir(), 'paperboy-keep-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const put = async (path: string) => {
  await mkdir(join(root, path, '..'), { recursive: true });
  await writeFile(join(root, path), path);
};

describe('staleFiles and removeFiles', () => {
  it('remove what the last build wrote and this one neither wrote, linked nor kept, and the folders left empty', async () => {
    // The last build.
    for (const path of [
      'index.html',
      'papers/gone/index.html',
      'papers/kept/index.html',
      '_astro/old.js',
      'cache.png',
      // The search index and the service worker, written anew by their own steps, and a file that
      // only starts like the index's folder.
      'pagefind/fragment/en_1.pf_fragment',
      'sw.js',
      'pagefind-notes.txt',
    ])
      await put(path);
    await sleep(20);
    const marker = join(root, 'started');
    await writeFile(marker, '');
    const since = (await stat(marker)).ctimeMs;
    await sleep(20);
    // This build: rewrites one page, keeps one as it was, links a card, writes a new bundle.
    await put('index.html');
    await put('_astro/new.js');
    await mkdir(join(root, 'papers/card'), { recursive: true });
    await link(join(root, 'cache.png'), join(root, 'papers/card/og.png'));
    const kept = new Set([join(root, 'papers/kept/index.html')]);

    const stale = staleFiles(root, since, kept, ['pagefind', 'sw.js']);
    expect(stale.map((f) => f.slice(root.length + 1)).sort()).toEqual([
      '_astro/old.js',
      'pagefind-notes.txt',
      'papers/gone/index.html',
    ]);
    removeFiles(root, stale);
    expect(existsSync(join(root, 'papers/gone'))).toBe(false);
    for (const path of [
      'index.html',
      'papers/kept/index.html',
      '_astro/new.js',
      'papers/card/og.png',
      'pagefind/fragment/en_1.pf_fragment',
      'sw.js',
    ])
      expect(existsSync(join(root, path)), path).toBe(true);
  });
});
