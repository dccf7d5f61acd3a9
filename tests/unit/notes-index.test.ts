import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesWithNotes } from '../../src/loaders/papers-loader.ts';

const dir = mkdtempSync(join(tmpdir(), 'paperboy-notes-'));
const index = join(dir, 'cache', 'notes-index.json');
const entry = (slug: string, body = '') => `---\nslug: ${slug}\ntitle: ${slug}\n---\n${body}`;
const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('filesWithNotes', () => {
  it('names the entries with a body, then reads only those whose size or time changed', () => {
    write('a.mdx', entry('a', 'A curator note.\n'));
    write('b.mdx', entry('b'));
    write('c.mdx', entry('c', '\n  \n'));
    expect(filesWithNotes(dir, index)).toEqual(['a.mdx']);
    expect(Object.keys(JSON.parse(readFileSync(index, 'utf8')))).toEqual(['a.mdx', 'b.mdx', 'c.mdx']);

    // The index is trusted for a file it saw as it is: proof that b is not read again.
    const seen = JSON.parse(readFileSync(index, 'utf8'));
    seen['b.mdx'][2] = true;
    writeFileSync(index, JSON.stringify(seen));
    expect(filesWithNotes(dir, index)).toEqual(['a.mdx', 'b.mdx']);

    // An edit changes the file's time: read again.
    write('b.mdx', entry('b'));
    utimesSync(join(dir, 'b.mdx'), new Date(), new Date(Date.now() + 5000));
    write('c.mdx', entry('c', 'Now with notes.\n'));
    expect(filesWithNotes(dir, index)).toEqual(['a.mdx', 'c.mdx']);
  });

  it('forgets a deleted entry, and reads every file when the index is unreadable', () => {
    rmSync(join(dir, 'a.mdx'));
    expect(filesWithNotes(dir, index)).toEqual(['c.mdx']);
    expect(Object.keys(JSON.parse(readFileSync(index, 'utf8')))).toEqual(['b.mdx', 'c.mdx']);
    for (const unreadable of ['{ not json', 'null', '[1, 2]', '{"c.mdx": "odd"}']) {
      writeFileSync(index, unreadable);
      expect(filesWithNotes(dir, index), unreadable).toEqual(['c.mdx']);
    }
  });
});
