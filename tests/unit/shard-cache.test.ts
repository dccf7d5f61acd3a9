import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import { inLaterShard } from '../../src/lib/search-shards.ts';
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
  it("keeps the first shard without the later shards' folders inside it, and puts it back", async () => {
    for (const file of ['pagefind.js', 'pagefind-entry.json', 'index/en_1.pf_index', 'shard-2/pagefind-entry.json'])
      write(`staging/${file}`);
    await keepShard('k1', at('staging'), inLaterShard, at('cache'));
    expect(files('cache/k1')).toEqual(['index/en_1.pf_index', 'pagefind-entry.json', 'pagefind.js']);
    // Linked, not copied: the same file on disk.
    expect(statSync(at('cache/k1/pagefind.js')).ino).toBe(statSync(at('staging/pagefind.js')).ino);

    expect(await reuseShard('k1', at('next'), at('cache'))).toBe(true);
    expect(files('next')).toEqual(files('cache/k1'));
    expect(readFileSync(at('next/index/en_1.pf_index'), 'utf8')).toBe('staging/index/en_1.pf_index');
  });

  it('reuses nothing for a key it does not hold, nor a shard whose keeping was cut off', async () => {
    write('cache/k2.partial/pagefind-entry.json');
    expect(await reuseShard('k2', at('next'), at('cache'))).toBe(false);
    expect(await reuseShard('k3', at('next'), at('cache'))).toBe(false);
  });

  it('replaces a kept shard of the same key and drops the ones a build did not use', async () => {
    write('a/pagefind-entry.json', 'old');
    write('b/pagefind-entry.json', 'new');
    await keepShard('k1', at('a'), inLaterShard, at('cache'));
    await keepShard('k1', at('b'), inLaterShard, at('cache'));
    await keepShard('k2', at('a'), inLaterShard, at('cache'));
    expect(readFileSync(at('cache/k1/pagefind-entry.json'), 'utf8')).toBe('new');
    await pruneShards(new Set(['k1']), at('cache'));
    expect(readdirSync(at('cache'))).toEqual(['k1']);
    await pruneShards(new Set(), at('missing'));
  });
});
