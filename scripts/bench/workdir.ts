import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a benchmark copy of the project holds besides the code. */
export interface ProjectContent {
  /** Writes the source files into the given `content/sources/` folder. */
  writeSources: (sourcesDir: string) => Promise<unknown>;
  /** The taxonomy, as `content/topics.yaml` text. */
  topicsYaml: string;
}

/** The project files a build reads; content comes from the benchmark, not from the repository. */
const projectFiles = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
/** Caches under node_modules that a cold build must not inherit from the repository. */
const cacheEntries = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/** A fresh folder under the OS temp dir, e.g. `/tmp/paperboy-bench-10000-XXXX`. */
export function freshDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `paperboy-bench-${label}-`));
}

/**
 * Lays out a copy of the project in `dir`: the code copied, `node_modules` as one symlink per package
 * (so Astro's cache in `node_modules/.astro` stays inside `dir`), and the benchmark's content.
 */
export async function layOutProject(repo: string, dir: string, content: ProjectContent): Promise<void> {
  for (const file of projectFiles) await cp(join(repo, file), join(dir, file), { recursive: true });
  await rm(join(dir, 'scripts', 'bench'), { recursive: true, force: true });
  const modules = join(dir, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(join(repo, 'node_modules'))) {
    if (!cacheEntries.has(entry)) await symlink(join(repo, 'node_modules', entry), join(modules, entry));
  }
  for (const folder of ['sources', 'papers', 'digests']) await mkdir(join(dir, 'content', folder), { recursive: true });
  await writeFile(join(dir, 'content', 'topics.yaml'), content.topicsYaml);
  await content.writeSources(join(dir, 'content', 'sources'));
}
