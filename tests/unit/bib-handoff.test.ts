import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bibtex, bibtexDigest, bibtexEntry, type MadeEntries } from '../../src/lib/citation.ts';
import { handOver } from '../../src/data/handoff.ts';
import { paperSchema } from '../../src/lib/paper-schema.ts';
import { absolute, paperUrl } from '../../src/lib/urls.ts';

const paper = (slug: string, title: string) =>
  paperSchema.parse({ id: `title:${slug}`, slug, title, authors: ['Ada Lovelace'], date: '2025-03-12', topics: [] });
const papers = [paper('a', 'Analytical engines'), paper('b', 'Bernoulli numbers')];
const urlOf = (p: { slug: string }) => absolute(paperUrl(p.slug));

/** `bibtexOf` from a fresh copy of its module: it reads what was handed over once per build. */
async function bibtexOf(handed: unknown) {
  handOver('bibtex', handed);
  vi.resetModules();
  return (await import('../../src/data/bib.ts')).bibtexOf(papers);
}

beforeEach(() => handOver('bibtex', undefined));

describe('BibTeX entries handed over by the build', () => {
  it('are used as they were made, when they are still the papers’', async () => {
    const made: MadeEntries = papers.map((p) => [
      p.slug,
      [bibtexDigest(p, urlOf(p)), `@misc{x,\n  note = {made ahead ${p.slug}},\n}\n`],
    ]);
    const text = await bibtexOf(Promise.resolve(made));
    expect(text).toContain('made ahead a');
    expect(text).toContain('made ahead b');
    expect(text).toMatch(/^@misc\{lovelace2025analytical,/);
  });

  it.each([
    ['none', () => undefined],
    ['a failed worker', () => Promise.reject(new Error('worker stopped'))],
    ['entries of papers since changed', () => Promise.resolve(papers.map((p) => [p.slug, ['stale digest', 'stale']]))],
  ])('fall back to making them here: %s', async (_, handed) => {
    expect(await bibtexOf(handed())).toBe(bibtex(papers, urlOf));
    expect(bibtex(papers, urlOf)).toContain(bibtexEntry(papers[1], urlOf(papers[1])).split('\n')[1]);
  });

  it('say that a failed worker left them to the pages', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await bibtexOf(Promise.reject(new Error('worker stopped')));
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/pages make the BibTeX entries themselves.*worker stopped/),
    );
    warn.mockRestore();
  });
});
