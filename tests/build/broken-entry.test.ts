import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';

const dir = 'content/papers/2025/03';
const dated = `${dir}/order-preserving-gflownets.mdx`;
const unclosed = `${dir}/instantsplat-unbounded-sparse-view-pose-free-gaussian.mdx`;
const clashing = `${dir}/accelerating-sinkhorn-algorithm-with-sparse-newton.mdx`;
const taken = `${dir}/adaptive-sparse-allocation-with-mutual-choice-and-feature.mdx`;

let project: Awaited<ReturnType<typeof copyProject>>;
/** What the second `astro build` printed, and whether it failed. */
let result: { output: string; failed: boolean };
/** Every file of the first build, with its text. */
let before: Map<string, string>;

const build = () =>
  execFileSync('npx', ['astro', 'build'], {
    cwd: project.dir,
    env: cleanEnv({ PAPERBOY_CARDS: 'off', SITE_URL: '', BASE_PATH: '' }),
    encoding: 'utf8',
    stdio: 'pipe',
  });
const files = () =>
  new Map(listFilesSync(join(project.dir, 'dist'), /./).map((file) => [file, readFileSync(file, 'latin1')]));

beforeAll(async () => {
  project = await copyProject();
  build();
  before = files();
  // A curator's hand edits gone wrong: a day that does not exist, a list never closed, a slug taken.
  const edit = async (file: string, from: RegExp, to: string) => {
    const path = join(project.dir, file);
    await writeFile(path, (await readFile(path, 'utf8')).replace(from, to));
  };
  await edit(dated, /^date: .*$/m, 'date: "2025-02-30"');
  await edit(unclosed, /^title: .*$/m, 'title: [unclosed');
  await edit(clashing, /^slug: .*$/m, 'slug: adaptive-sparse-allocation-with-mutual-choice-and-feature');
  try {
    result = { output: build(), failed: false };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    result = { output: stripVTControlCharacters(`${stdout}\n${stderr}`), failed: true };
  }
}, 600_000);

afterAll(() => project?.remove());

describe('a build with broken entries', () => {
  it('stops, naming each broken file and what is wrong in it, with no stack trace', () => {
    expect(result.failed).toBe(true);
    expect(result.output).toContain('3 paper entries need fixing:');
    expect(result.output).toContain(`${dated}: field "date": not a real calendar day`);
    expect(result.output).toMatch(new RegExp(`${unclosed}: the frontmatter is not valid YAML: .*line \\d+`));
    expect(result.output).toContain(
      `${taken}: slug "adaptive-sparse-allocation-with-mutual-choice-and-feature" is also used by ${clashing}`,
    );
    expect(result.output).not.toMatch(/Stack trace|\n\s+at /);
  });

  // The build ran the import first: a source's paper whose entry is broken was not imported.
  it('names, after them, what the import could not do because of them', () => {
    expect(result.output).toMatch(/The import found \d+ problems?:/);
    expect(result.output).toMatch(
      new RegExp(`content/sources/2025-03-12-papers.txt:\\d+: record \\d+: paper is in ${unclosed}, which is broken`),
    );
    expect(result.output).not.toMatch(new RegExp(`\n${unclosed}: .*left untouched`));
  });

  // Its stamp (a hidden file) now says a build began, so the next build starts over.
  it('leaves the pages of the last build as they were', () => {
    expect(before.size).toBeGreaterThan(200);
    const after = files();
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, text] of before) expect(after.get(file), file).toBe(text);
  });
});
