// The import's progress and closing summary (scripts/lib/import/report.ts): kept here with the fetch
// tests, which feed the importer the same way.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../scripts/lib/formats/types.ts';
import { formatSkipReasons, formatSummary, importProgress } from '../../../scripts/lib/import/report.ts';
import { runImport } from '../../../scripts/lib/import/run-import.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const topicsFile = join(repoRoot, 'content/topics.yaml');
const sample = join(repoRoot, 'content/sources/2025-03-12-papers.txt');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'paperboy-report-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A stream that says it is (or is not) a terminal and keeps what is written to it. */
class FakeStream extends Writable {
  text = '';
  columns = 100;
  readonly isTTY: boolean;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += String(chunk);
    done();
  }
}

const at = (record: number | undefined, message: string, field?: string): Problem => ({
  file: 'x.csv',
  record,
  field,
  message,
});

describe('skipped records, by reason', () => {
  it.each<[Problem[], string]>([
    [[], ''],
    [
      [
        at(1, 'row has no title', 'title'),
        at(4, 'record 2501.01234 has no title', 'title'),
        at(2, 'no digest date: name the file after its day (YYYY-MM-DD) or pass --date', 'date'),
      ],
      '2 × no title, 1 × no digest date',
    ],
    [[at(3, '"2025-13-45" is not a real day as YYYY-MM-DD', 'date')], '1 × date is not a real day'],
    [[at(3, '120,000 characters is too long (at most 100,000)', 'abstract')], '1 × text too long'],
    [[at(1, 'the arXiv API answered with an error: incorrect id format', 'id')], '1 × arXiv API error'],
    [
      [at(2, 'Invalid URL', 'links.code'), at(5, 'line is not valid JSON: Unexpected token')],
      '1 × bad links.code, 1 × unreadable record',
    ],
    // not skips: a file-level problem, and a paper whose entry is broken (reported on its own)
    [
      [at(undefined, 'file is empty'), at(2, 'paper is in a.mdx, which is broken: fix that entry and import again')],
      '',
    ],
  ])('%#: %s', (problems, text) => {
    expect(formatSkipReasons(problems)).toBe(text);
  });

  it('closes the summary of a real import with the reasons', async () => {
    const csv = join(work, 'list.csv');
    await writeFile(csv, 'title,date\n,2025-03-12\nGood,2025-13-45\nUndated,\nFine,2025-03-12\n,2025-03-12\n');
    const summary = await runImport({ paths: [csv], papersDir: join(work, 'papers'), topicsFile, dryRun: true });
    expect(formatSummary(summary, true).split('\n')).toEqual([
      '1 file(s), 5 record(s): 1 new, 0 updated, 0 unchanged, 0 merged duplicate(s), 4 skipped (2 × no title, 1 × date is not a real day, 1 × no digest date)',
      'would write 1 entry',
    ]);
  });
});

describe('importProgress', () => {
  it('draws a bar on a terminal through files, papers matched and entries written, then clears it', async () => {
    const tty = new FakeStream(true);
    const progress = importProgress(tty as unknown as NodeJS.WriteStream);
    await runImport({ paths: [sample], papersDir: join(work, 'papers'), topicsFile, ...progress });
    progress.stop();
    expect(tty.text).toMatch(/import -+ 0\/1 files .*2025-03-12-papers\.txt/);
    expect(tty.text).toMatch(/import =+ 76\/76 entries written/);
    expect(tty.text.endsWith('\u001b[2K')).toBe(true); // the line is cleared for the summary
  });

  it('prints nothing as it goes when not on a terminal: the summary is the log', async () => {
    const pipe = new FakeStream(false);
    const progress = importProgress(pipe as unknown as NodeJS.WriteStream);
    expect(progress.onFile).toBeUndefined();
    await runImport({ paths: [sample], papersDir: join(work, 'papers'), topicsFile, ...progress });
    progress.stop();
    expect(pipe.text).toBe('');
  });
});
