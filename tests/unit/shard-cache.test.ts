import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import { keepShard, pruneShards, reuseShard } from '../../src/integrations/shard-cache.ts';

let root: string;
const at = (path: string) => join(root, path);
const write = (path: string, text = path) => {
  mkdirSync(dirname(at(path)), { recursive: true });
  writeFileSync(at(path), text);
};
const files = (dir: string) => listFilesSync(at(dir), /./).map((f) => relative(at(dir), f));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'paperboy-shard-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the search-shard cache', () => {
  it('keeps a shard as hard links and puts it back', async () => {
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'index/en_1.pf_index']) write(`staging/${file}`);
    await keepShard('k1', at('staging'), at('cache'));
    expect(files('cache/k1')).toEqual(['index/en_1.pf_index', 'pagefind-entry.json', 'pagefind.js']);
    expect(statSync(at('cache/k1/pagefind.js')).ino).toBe(statSync(at('staging/pagefind.js')).ino);

    expect(await reuseShard('k1', at('next'), at('cache'))).toBe(true);
    expect(files('next')).toEqual(files('cache/k1'));
    expect(readFileSync(at('next/index/en_1.pf_index'), 'utf8')).toBe('staging/index/en_1.pf_index');
  });

  it('never writes through a link into a kept shard: a file already in place is an error, not a copy', async () => {
    write('staging/pagefind-entry.json', 'kept');
    await keepShard('k1', at('staging'), at('cache'));
    write('next/pagefind-entry.json', 'other');
    await expect(reuseShard('k1', at('next'), at('cache'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(at('cache/k1/pagefind-entry.json'), 'utf8')).toBe('kept');
  });

  it('reuses nothing for a key it does not hold, nor from a shard cut off while kept or removed', async () => {
    write('cache/k2.partial/pagefind-entry.json');
    write('cache/k3.removing/pagefind-entry.json');
    for (const key of ['k2', 'k3', 'k4']) expect(await reuseShard(key, at('next'), at('cache'))).toBe(false);
  });

  it('replaces a kept shard of the same key and drops the ones a build did not use, leftovers too', async () => {
    write('a/pagefind-entry.json', 'old');
    write('b/pagefind-entry.json', 'new');
    write('cache/k3.removing/pagefind-entry.json');
    await keepShard('k1', at('a'), at('cache'));
    await keepShard('k1', at('b'), at('cache'));
    await keepShard('k2', at('a'), at('cache'));
    expect(readFileSync(at('cache/k1/pagefind-entry.json'), 'utf8')).toBe('new');
    await pruneShards(new Set(['k1']), at('cache'));
    expect(readdirSync(at('cache'))).toEqual(['k1']);
    await pruneShards(new Set(), at('missing'));
  });
});
