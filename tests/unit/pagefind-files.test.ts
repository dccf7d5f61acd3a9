import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import { contentNamedFiles, dropUnreferenced, fragmentFiles } from '../../src/integrations/pagefind-files.ts';
import { isContentNamed } from '../../src/lib/search-shards.ts';
import { keepShard, lastShards, recordShards, seedShard } from '../../src/integrations/shard-cache.ts';

let root: string;
const at = (path: string) => join(root, path);
/** Every file of a folder with its bytes, for comparing two indexes whole. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    listFilesSync(at(dir), /./).map((f) => [relative(at(dir), f), readFileSync(f).toString('base64')]),
  );

const page = (n: number, extra = '') => ({
  url: `/papers/p${n}/`,
  content: `<html lang="en"><body><main data-pagefind-body><h1>Paper ${n} on topic ${n % 4}</h1><p>Words ${n} ${extra}</p>
  <span data-pagefind-filter="topic">t${n % 4}</span></main></body></html>`,
});
const yesterday = Array.from({ length: 30 }, (_, n) => page(n));
// A day later: a paper added, one edited, one gone.
const today = [...yesterday.slice(1).map((p, i) => (i === 5 ? page(6, 'edited') : p)), page(30)];

/** Indexes pages with real Pagefind and writes them to `dir`, over whatever is there. */
async function writeIndex(pages: { url: string; content: string }[], dir: string): Promise<void> {
  try {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    for (const p of pages) await index!.addHTMLFile(p);
    await index!.writeFiles({ outputPath: at(dir) });
  } finally {
    await pagefind.close();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'paperboy-pagefind-files-'));
  await writeIndex(yesterday, 'yesterday');
  await keepShard('k1', at('yesterday'), at('cache'));
  await writeIndex(today, 'fresh');
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a shard written over the last build's", () => {
  // Of today's 30 pages, 28 are as they were yesterday.
  const unchanged = 28;

  it('seeds only the fragments, then comes out byte for byte as one written from nothing', async () => {
    const seeded = await seedShard('k1', at('seeded'), at('cache'));
    expect(seeded.size).toBe(30);
    expect([...seeded].every((f) => f.startsWith('fragment/') && isContentNamed(f))).toBe(true);

    await writeIndex(today, 'seeded');
    // Yesterday's fragments of the paper gone and of the edited one.
    expect(await dropUnreferenced(at('seeded'), seeded, unchanged)).toBe(2);
    expect(snapshot('seeded')).toEqual(snapshot('fresh'));
  }, 60_000);

  it("finds a new fragment that took the name of a different one of yesterday's", async () => {
    const seeded = await seedShard('k1', at('clash'), at('cache'));
    // Today's fragment of the new paper, as if yesterday's shard had held another under its name.
    const newer = (await fragmentFiles(at('fresh'))).filter((f) => !seeded.has(f));
    const clash = newer.find((f) => readFileSync(at(`fresh/${f}`)).length > 0)!;
    writeFileSync(at(`clash/${clash}`), 'another fragment');
    await writeIndex(today, 'clash');
    await expect(dropUnreferenced(at('clash'), new Set([...seeded, clash]), unchanged)).rejects.toThrow(/unchanged/);
  }, 60_000);

  it('removes nothing when the metadata names a file that is not there', async () => {
    await writeIndex(today, 'broken');
    const [fragment] = await fragmentFiles(at('broken'));
    rmSync(at(`broken/${fragment}`));
    writeFileSync(at('broken/fragment/en_stale.pf_fragment'), 'stale');
    await expect(dropUnreferenced(at('broken'), new Set(['fragment/en_stale.pf_fragment']), 0)).rejects.toThrow(
      /missing file/,
    );
    expect(readFileSync(at('broken/fragment/en_stale.pf_fragment'), 'utf8')).toBe('stale');
  }, 60_000);

  it('throws on metadata that is not Pagefind 1.x', async () => {
    await writeIndex(today, 'foreign');
    const [meta] = (await contentNamedFiles(at('foreign'))).filter((f) => f.endsWith('.pf_meta'));
    writeFileSync(at(`foreign/${meta}`), 'not gzip');
    await expect(dropUnreferenced(at('foreign'), new Set(), 0)).rejects.toThrow();
  }, 60_000);

  it('seeds nothing when no shard of that key is kept', async () => {
    expect((await seedShard('k9', at('none'), at('cache'))).size).toBe(0);
  });
});

describe('the record of the last build’s shards', () => {
  it('names each place’s shard and its pages, only for the same Pagefind setup', async () => {
    const shards = { '': { key: 'k1', pages: ['a'] }, 'shard-2/': { key: 'k2', pages: ['b'] } };
    expect(lastShards('v1', at('cache'))).toEqual({});
    await recordShards({ setup: 'v1', shards }, at('cache'));
    expect(lastShards('v1', at('cache'))).toEqual(shards);
    expect(lastShards('v2', at('cache'))).toEqual({});
    writeFileSync(at('cache/last-build.json'), '{ not json');
    expect(lastShards('v1', at('cache'))).toEqual({});
  });
});
