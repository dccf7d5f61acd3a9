import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handOver } from '../../src/data/handoff.ts';
import { buildDigest } from '../../src/lib/digest.ts';
import { paperSchema } from '../../src/lib/paper-schema.ts';
import { readEntries } from '../../src/lib/read-entries.ts';
import { relatedKey } from '../../src/lib/related.ts';

const paper = (slug: string) =>
  paperSchema.parse({ id: `title:${slug}`, slug, title: slug, date: '2025-03-12', topics: [] });
const collections = vi.hoisted(() => ({ papers: [] as unknown[], topics: [] as unknown[] }));

// The pages' module reads Astro's collections; here they are two lists.
vi.mock('astro:content', () => ({
  getCollection: async (name: 'papers' | 'topics') => collections[name].map((data) => ({ data })),
}));

/** The papers the pages see, from a fresh copy of their module (it reads them once per build). */
async function papersOnPages(handed: unknown): Promise<string[]> {
  handOver('papers', handed);
  vi.resetModules();
  const { loadDigest } = await import('../../src/data/digest.ts');
  return (await loadDigest()).papers.map((p) => p.slug);
}

beforeEach(() => {
  handOver('papers', undefined);
  collections.papers = [paper('from-the-store')];
});

describe('the papers the pages show', () => {
  it.each([
    ['on the dev server: the collection', () => undefined, ['from-the-store'], false],
    [
      "in a build: the build's work",
      () => Promise.resolve({ papers: [paper('from-the-build')], problems: [] }),
      ['from-the-build'],
      false,
    ],
    [
      'in a build whose work failed: the collection, which the loader then fills',
      () => Promise.reject(new Error('worker stopped')),
      ['from-the-store'],
      true,
    ],
  ])('%s', async (_case, handed, slugs, warns) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await papersOnPages(handed())).toEqual(slugs);
    if (warns)
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/pages read the papers themselves.*worker stopped/));
    else expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('papers handed from one thread to another', () => {
  it("keep the related lists' key the pages check, so the lists made beside Astro are used", () => {
    const { papers, topics } = readEntries('content/papers', 'content/topics.yaml');
    const read = papers.map((p) => p.paper);
    expect(read.length).toBeGreaterThan(50);
    const handed = structuredClone(read);
    expect(relatedKey(buildDigest(handed, topics).papers)).toBe(relatedKey(buildDigest(read, topics).papers));
  });
});
