import { lstat, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeCards } from '../../src/integrations/cards.ts';

const root = await mkdtemp(join(tmpdir(), 'paperboy-cards-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('placeCards', () => {
  it('links each cached card into the build, making folders and replacing stale files', async () => {
    const first = join(root, 'first.png');
    const second = join(root, 'second.png');
    await writeFile(first, 'first');
    await writeFile(second, 'second');
    const dist = join(root, 'dist');
    await placeCards(dist, [
      ['papers/a/og.png', first],
      ['2025/03/12/og.png', first],
    ]);
    expect(await readFile(join(dist, 'papers/a/og.png'), 'utf8')).toBe('first');
    // A later build whose card changed: the old file gives way, and the new one is the cached PNG itself.
    await placeCards(dist, [['papers/a/og.png', second]]);
    expect(await readFile(join(dist, 'papers/a/og.png'), 'utf8')).toBe('second');
    expect((await stat(join(dist, 'papers/a/og.png'))).ino).toBe((await stat(second)).ino);
    expect(await readFile(join(dist, '2025/03/12/og.png'), 'utf8')).toBe('first');
  });

  it('leaves a card that is already the cached PNG as it is, and lists it with the rest', async () => {
    const card = join(root, 'kept.png');
    await writeFile(card, 'kept');
    const dist = join(root, 'dist-kept');
    await placeCards(dist, [['papers/b/og.png', card]]);
    const before = await lstat(join(dist, 'papers/b/og.png'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const placed = await placeCards(dist, [['papers/b/og.png', card]]);
    // Not linked again: a link would have changed the file's change time.
    expect((await lstat(join(dist, 'papers/b/og.png'))).ctimeMs).toBe(before.ctimeMs);
    expect(placed).toEqual([join(dist, 'papers/b/og.png')]);
  });
});
