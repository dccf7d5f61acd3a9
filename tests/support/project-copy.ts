import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What a copy of the project needs to import and build on its own. */
const parts = ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** A throwaway copy of the project (sharing node_modules) for builds a test changes: settings, content. */
export async function copyProject(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'paperboy-site-'));
  for (const part of parts) await cp(resolve(part), join(dir, part), { recursive: true });
  await symlink(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
