import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineManifest } from '../../src/integrations/service-worker.ts';

/** A small build: each file with its size in bytes, in the order the build's folder is walked. */
const files: [string, number][] = [
  ['2025/03/12/email.html', 100],
  ['2025/03/12/index.html', 300],
  ['404.html', 50],
  ['_astro/site.css', 40],
  ['_astro/site.js', 40],
  ['archive/index.html', 300],
  ['favicon.svg', 10],
  ['index.html', 50],
  ['pagefind/fragment/en_1.pf_fragment', 200],
  ['pagefind/pagefind-entry.json', 20],
  ['pagefind/pagefind-ui.js', 20],
  ['pagefind/pagefind.js', 20],
  ['papers/a/index.html', 300],
  ['papers/a/og.png', 900],
  ['papers/b/index.html', 300],
  ['search/index.html', 50],
  ['sw.js', 30],
  ['topics/x/index.html', 300],
];

/** The shell and the index, stored whatever the budget. */
const shell = [
  '/404.html',
  '/_astro/site.css',
  '/_astro/site.js',
  '/favicon.svg',
  '/',
  '/pagefind/pagefind-entry.json',
  '/pagefind/pagefind.js',
  '/search/',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paperboy-sw-test-'));
  for (const [path, size] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), 'x'.repeat(size));
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('offlineManifest', () => {
  it.each([
    ['nothing beyond the shell', 0, []],
    ['the first page that fits', 300, ['/2025/03/12/']],
    ['pages and fragments while they fit', 1000, ['/2025/03/12/', '/archive/', '/pagefind/fragment/en_1.pf_fragment']],
    [
      'every page, never a newsletter, a card or the worker',
      10_000,
      ['/2025/03/12/', '/archive/', '/pagefind/fragment/en_1.pf_fragment', '/papers/a/', '/papers/b/', '/topics/x/'],
    ],
  ])('%s (budget %d bytes)', (_name, budget, pages) => {
    const { precache, notFound } = offlineManifest(dir, '/', budget);
    expect(precache).toEqual([...shell, ...pages]);
    expect(notFound).toBe('/404.html');
  });

  it("is versioned by what it stores and the shell's and index's content, not the pages' content", async () => {
    const version = offlineManifest(dir, '/', 300).version;
    expect(offlineManifest(dir, '/', 300).version).toBe(version);
    expect(offlineManifest(dir, '/', 0).version).not.toBe(version);
    await writeFile(join(dir, '2025/03/12/index.html'), 'y'.repeat(300));
    expect(offlineManifest(dir, '/', 300).version).toBe(version);
    await writeFile(join(dir, 'pagefind/pagefind-entry.json'), 'y'.repeat(20));
    expect(offlineManifest(dir, '/', 300).version).not.toBe(version);
  });

  it('puts the site under its base path', () => {
    expect(offlineManifest(dir, '/digest/', 0).precache).toContain('/digest/search/');
  });
});
