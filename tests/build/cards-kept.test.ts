import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesSync } from '../../src/lib/files.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';

const entry = 'content/papers/2025/03/instantsplat-unbounded-sparse-view-pose-free-gaussian.mdx';
const changedCard = 'papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/og.png';

/** Each social card in the build, by its path in the site: its file's inode and change time. */
type Cards = Map<string, { ino: number; ctimeMs: number }>;

let project: Awaited<ReturnType<typeof copyProject>>;
let first: Cards;
let second: Cards;

const build = () =>
  execFileSync('npx', ['astro', 'build'], {
    cwd: project.dir,
    env: cleanEnv({ SITE_URL: '', BASE_PATH: '' }),
    stdio: 'pipe',
  });
const cards = (): Cards => {
  const dist = join(project.dir, 'dist');
  return new Map(
    listFilesSync(dist, /^og\.png$/).map((file) => {
      const { ino, ctimeMs } = lstatSync(file);
      return [file.slice(dist.length + 1), { ino, ctimeMs }];
    }),
  );
};

beforeAll(async () => {
  project = await copyProject();
  build();
  first = cards();
  // One paper's title changes, so its card is drawn again; every other card stays as it was.
  const file = join(project.dir, entry);
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: InstantSplat Retitled'));
  build();
  second = cards();
}, 600_000);
afterAll(() => project?.remove());

describe('social cards in a build made in the last one', () => {
  it('keeps every unchanged card in place, not linked again, and none goes missing', () => {
    expect(first.size).toBeGreaterThan(40);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, card] of first) {
      if (path === changedCard) continue;
      expect(second.get(path), path).toEqual(card);
    }
  });

  it("replaces the changed paper's card with its new drawing", () => {
    expect(second.get(changedCard)!.ino).not.toBe(first.get(changedCard)!.ino);
  });
});
