import { mkdtemp, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFingerprint, lastFingerprint, rememberFingerprint } from '../../scripts/lib/import/import-cache.ts';

describe('the import fingerprint', () => {
  let dir: string;
  let sources: string;
  let papers: string;
  let topics: string;
  const print = () => importFingerprint([sources], papers, topics, { strict: false });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'paperboy-import-cache-'));
    sources = join(dir, 'sources');
    papers = join(dir, 'papers');
    topics = join(dir, 'topics.yaml');
    await mkdir(sources);
    await mkdir(papers);
    await writeFile(join(sources, 'a.txt'), 'a');
    await writeFile(join(papers, 'x.mdx'), '---\n---\n');
    await writeFile(topics, '[]');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stays the same while nothing changes', () => {
    expect(print()).toBe(print());
  });

  it.each([
    ['a source is edited', () => writeFile(join(sources, 'a.txt'), 'ab')],
    ['a source is added', () => writeFile(join(sources, 'b.txt'), 'b')],
    ['an entry is touched', () => utimes(join(papers, 'x.mdx'), new Date(), new Date(Date.now() + 5000))],
    ['the taxonomy is edited', () => writeFile(topics, '[ ]')],
  ])('changes when %s', async (_case, change) => {
    const before = print();
    await change();
    expect(print()).not.toBe(before);
  });

  it('changes with the options', () => {
    expect(importFingerprint([sources], papers, topics, { strict: true })).not.toBe(print());
  });

  it('is remembered in a file', async () => {
    const file = join(dir, '.cache/fingerprint');
    expect(await lastFingerprint(file)).toBeUndefined();
    await rememberFingerprint('abc', file);
    expect(await lastFingerprint(file)).toBe('abc');
  });
});
