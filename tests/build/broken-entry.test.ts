import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';

const dated = 'content/papers/2025/03/order-preserving-gflownets.mdx';
const unclosed = 'content/papers/2025/03/instantsplat-unbounded-sparse-view-pose-free-gaussian.mdx';

let project: Awaited<ReturnType<typeof copyProject>>;
/** What `astro build` printed, and whether it failed. */
let result: { output: string; failed: boolean };

beforeAll(async () => {
  project = await copyProject();
  // A curator's hand edits gone wrong: a day that does not exist, a list never closed.
  const edit = async (file: string, from: RegExp, to: string) => {
    const path = join(project.dir, file);
    await writeFile(path, (await readFile(path, 'utf8')).replace(from, to));
  };
  await edit(dated, /^date: .*$/m, 'date: "2025-02-30"');
  await edit(unclosed, /^title: .*$/m, 'title: [unclosed');
  try {
    const output = execFileSync('npx', ['astro', 'build'], {
      cwd: project.dir,
      env: cleanEnv({ PAPERBOY_CARDS: 'off', SITE_URL: '', BASE_PATH: '' }),
      encoding: 'utf8',
      stdio: 'pipe',
    });
    result = { output, failed: false };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    result = { output: stripVTControlCharacters(`${stdout}\n${stderr}`), failed: true };
  }
}, 300_000);

afterAll(() => project?.remove());

describe('a build with broken entries', () => {
  it('stops, naming each broken file and what is wrong in it, with no stack trace', () => {
    expect(result.failed).toBe(true);
    expect(result.output).toContain('2 paper entries need fixing:');
    expect(result.output).toContain(`${dated}: field "date": not a real calendar day`);
    expect(result.output).toMatch(new RegExp(`${unclosed}: the frontmatter is not valid YAML: .*line \\d+`));
    expect(result.output).not.toMatch(/Stack trace|\n\s+at /);
  });

  it('writes no page', () => {
    expect(listFilesSync(join(project.dir, 'dist'), /\.(html|xml|json)$/)).toEqual([]);
  });
});
