import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver } from '../../src/data/handoff.ts';
import { papersLoader } from '../../src/loaders/papers-loader.ts';

type Stored = { id: string; data: Record<string, unknown>; digest?: string; filePath?: string };

/** The part of Astro's loader context the papers loader uses, over a plain map. */
function context() {
  const entries = new Map<string, Stored>();
  const parsed: string[] = [];
  const store = {
    entries: () => [...entries],
    get: (id: string) => entries.get(id),
    set: (entry: Stored) => {
      parsed.push(entry.id);
      entries.set(entry.id, entry);
    },
    delete: (id: string) => entries.delete(id),
    keys: () => [...entries.keys()],
    clear: () => entries.clear(),
  };
  const logged: string[] = [];
  const logger = {
    info: (line: string) => logged.push(`info ${line}`),
    warn: (line: string) => logged.push(`warn ${line}`),
  };
  return {
    entries,
    parsed,
    logged,
    context: { store, logger, generateDigest: (text: string) => createHash('sha1').update(text).digest('hex') },
  };
}

let dir: string;
const entry = (file: string, slug: string, title = slug) =>
  writeFileSync(
    join(dir, file),
    `---\nid: "title:${slug}"\nslug: ${slug}\ntitle: ${title}\ndate: "2025-03-12"\ntopics: []\n---\n`,
  );
const load = async (ctx: ReturnType<typeof context>) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the loader reads only what `context` provides
  papersLoader(dir).load(ctx.context as any);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paperboy-loader-'));
  mkdirSync(dir, { recursive: true });
  entry('a.mdx', 'a');
  entry('b.mdx', 'b');
});
afterEach(() => {
  handOver('import', undefined);
  handOver('papers', undefined);
  rmSync(dir, { recursive: true, force: true });
});

describe('the papers loader', () => {
  it('stores every entry, then reads again only the files that changed', async () => {
    const ctx = context();
    await load(ctx);
    expect([...ctx.entries.keys()].sort()).toEqual(['a', 'b']);
    ctx.parsed.length = 0;
    entry('b.mdx', 'b', 'A new title');
    await load(ctx);
    expect(ctx.parsed).toEqual(['b']);
    expect(ctx.entries.get('b')!.data.title).toBe('A new title');
  });

  it('moves a paper whose slug the curator renamed, the old slug kept as an alias only', async () => {
    const ctx = context();
    await load(ctx);
    entry('b.mdx', 'b-renamed');
    await load(ctx);
    expect([...ctx.entries.keys()].sort()).toEqual(['a', 'b-renamed']);
    expect(ctx.entries.get('b-renamed')!.data.aliases).toEqual(['b']);
  });

  it('keeps both papers when two files swap their slugs', async () => {
    const ctx = context();
    entry('p1.mdx', 'x', 'First');
    entry('p2.mdx', 'y', 'Second');
    await load(ctx);
    entry('p1.mdx', 'y', 'First');
    entry('p2.mdx', 'x', 'Second');
    await load(ctx);
    expect([...ctx.entries.keys()].sort()).toEqual(['a', 'b', 'x', 'y']);
    expect(ctx.entries.get('y')!.data.title).toBe('First');
    expect(ctx.entries.get('x')!.data.title).toBe('Second');
  });

  it('still names both files when an edit gives one the slug of an unchanged other', async () => {
    const ctx = context();
    await load(ctx);
    entry('c.mdx', 'a');
    await expect(load(ctx)).rejects.toThrow(/slug "a" is also used by/);
  });
});

describe('the papers loader in a build, whose work reads the entries on its own thread', () => {
  it('stores no paper: the pages have them from the build, and Astro bundles what is stored', async () => {
    const ctx = context();
    await load(ctx);
    handOver('papers', Promise.resolve({ papers: [], problems: [] }));
    await load(ctx);
    expect(ctx.entries.size).toBe(0);
  });

  it.each([
    ['one', 1, /^A paper entry needs fixing:\nc\.mdx: field "date": not a real calendar day$/],
    ['three', 3, /^3 paper entries need fixing:\n(c\.mdx: .*\n){2}c\.mdx: .*$/],
    ['25, the first 20 shown', 25, /^25 paper entries need fixing:\n(c\.mdx: .*\n){20}…and 5 more$/],
  ])('stops the build on what that work found wrong (%s), with no stack trace', async (_case, count, message) => {
    handOver(
      'papers',
      Promise.resolve({ papers: [], problems: Array(count).fill('c.mdx: field "date": not a real calendar day') }),
    );
    const error = (await load(context()).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(message);
    expect(error.stack).toBe('');
  });

  it('checks the entries itself when that work failed', async () => {
    handOver('papers', Promise.reject(new Error('worker stopped')));
    const ctx = context();
    await load(ctx);
    expect([...ctx.entries.keys()].sort()).toEqual(['a', 'b']);
    writeFileSync(join(dir, 'c.mdx'), '---\nslug: c\n---\n');
    await expect(load(ctx)).rejects.toThrow(/\/c\.mdx: field "id": .*; field "title"/);
  });

  it('logs the import the build ran beside Astro: its notices as warnings, then its summary', async () => {
    const summary = '1 file(s), 2 record(s): 1 new, 0 updated, 1 unchanged\nwrote 1 entry';
    handOver('import', Promise.resolve({ problems: [], notices: ['s.json: record 2: listed again'], summary }));
    handOver('papers', Promise.resolve({ papers: [], problems: [] }));
    const ctx = context();
    await load(ctx);
    expect(ctx.logged).toEqual([
      'warn s.json: record 2: listed again',
      'info 1 file(s), 2 record(s): 1 new, 0 updated, 1 unchanged; wrote 1 entry',
    ]);
  });

  it.each<[string, string[], string[], RegExp]>([
    [
      'sources only',
      ['s.txt:4: record 2, field "title": too long'],
      [],
      /^The import found a problem:\ns\.txt:4: record 2, field "title": too long$/,
    ],
    [
      'a broken entry, named once, and what it kept out',
      ['c.mdx: field "date": entry left untouched: not a day', 's.txt:4: record 2: paper is in c.mdx, which is broken'],
      ['c.mdx: field "date": not a real calendar day'],
      /^A paper entry needs fixing:\nc\.mdx: field "date": not a real calendar day\nThe import found a problem:\ns\.txt:4: record 2: paper is in c\.mdx, which is broken$/,
    ],
  ])(
    "stops the build on the import's problems (%s), with no stack trace",
    async (_case, fromImport, entries, message) => {
      handOver('import', Promise.resolve({ problems: fromImport, notices: [], summary: '' }));
      handOver('papers', Promise.resolve({ papers: [], problems: entries }));
      const error = (await load(context()).catch((e: Error) => e)) as Error;
      expect(error.message).toMatch(message);
      expect(error.stack).toBe('');
    },
  );

  it('stops the build when the import crashed', async () => {
    handOver('import', Promise.reject(new Error('EACCES: content/papers')));
    handOver('papers', Promise.resolve({ papers: [], problems: [] }));
    const error = (await load(context()).catch((e: Error) => e)) as Error;
    expect(error.message).toBe('import failed: EACCES: content/papers');
    expect(error.stack).toBe('');
  });
});
