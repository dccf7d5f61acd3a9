import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/lib/files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paperboy-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates the folder and writes the file, replacing an older one whole', async () => {
    const path = join(dir, 'sources', '2026-08-14-hf.json');
    await writeFileAtomic(path, '[1]');
    await writeFileAtomic(path, '[1, 2]');
    expect(await readFile(path, 'utf8')).toBe('[1, 2]');
    expect(await readdir(join(dir, 'sources'))).toEqual(['2026-08-14-hf.json']);
  });

  it('leaves nothing behind when the file cannot be put in place', async () => {
    const path = join(dir, 'taken');
    await mkdir(join(path, 'inside'), { recursive: true }); // a folder where the file should go
    await expect(writeFileAtomic(path, 'text')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('leaves an existing file as it was when the write fails', async () => {
    const path = join(dir, 'old.json');
    await writeFile(path, 'old');
    await writeFile(join(dir, '.blocker'), '');
    await expect(writeFileAtomic(join(dir, '.blocker', 'x'), 'new')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
    expect((await readdir(dir)).sort()).toEqual(['.blocker', 'old.json']);
  });
});
