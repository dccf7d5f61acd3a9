import { execFileSync } from 'node:child_process';
import { cp, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';

const hfFolder = fileURLToPath(new URL('../../../shared/data/hf-daily-papers/', import.meta.url));
const present = existsSync(hfFolder);
if (!present) console.warn(`skipping the sample + Hugging Face site build: ${hfFolder} is absent`);

describe.skipIf(!present)('the sample plus the Hugging Face folder, built into one site', () => {
  let project: Awaited<ReturnType<typeof copyProject>>;
  let days: string[];
  beforeAll(async () => {
    project = await copyProject();
    await cp(hfFolder, join(project.dir, 'content/sources/hf-daily-papers'), { recursive: true });
    days = (await readdir(hfFolder)).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).map((f) => f.slice(0, 10));
    // Cards are switched off: this checks pages and dates, and 2,500 cards would add minutes.
    execFileSync('npm', ['run', 'build'], {
      cwd: project.dir,
      stdio: 'pipe',
      env: cleanEnv({ PAPERBOY_CARDS: 'off' }),
    });
  }, 900_000);
  afterAll(() => project?.remove());

  it('has a day page for every day of the Hugging Face files, and the sample day', () => {
    expect(days.length).toBe(131);
    const missing = [...days, '2025-03-12'].filter(
      (d) => !existsSync(join(project.dir, 'dist', ...d.split('-'), 'index.html')),
    );
    expect(missing).toEqual([]);
  });

  it('has a page per unique paper', async () => {
    const papers = await readdir(join(project.dir, 'dist/papers'));
    expect(papers.length).toBeGreaterThanOrEqual(2_580);
  });
});
