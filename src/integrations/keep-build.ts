import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFilesSync, readTextIfAny } from '../lib/files.ts';

/**
 * Kept in `dist/` (a dot-file, so nothing lists or prunes it): while a build runs, its change time
 * is when the build started, by the clock of the disk `dist/` is on; after a build, it holds a hash
 * of Astro's record of that build, so a `dist/` that does not belong to the record is never reused.
 */
const stampName = '.paperboy-build';

/**
 * Files under `dir`, dot-files aside, that were not written or linked since `since` (a change time),
 * are not in `kept` and are not one of the `rewritten` files or folders (paths relative to `dir`).
 */
export function staleFiles(dir: string, since: number, kept: Set<string>, rewritten: string[] = []): string[] {
  const own = (file: string) =>
    rewritten.some((path) => file === join(dir, path) || file.startsWith(join(dir, path, '/')));
  return listFilesSync(dir, /./).filter(
    // The change time, not the modification time: every write and link sets it, and no tool can set it back.
    (file) => !kept.has(file) && !own(file) && lstatSync(file).ctimeMs < since,
  );
}

/** Removes the given files, then every folder they leave empty. */
export function removeFiles(root: string, files: string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    rmSync(file, { force: true });
    for (let dir = dirname(file); dir.startsWith(root) && dir !== root; dir = dirname(dir)) folders.add(dir);
  }
  // Deepest first, so a parent is empty by the time it is tried.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
}

/** A hash of Astro's incremental-build record (`incremental-build.json` in its cache folder), or '' without one. */
function recordHash(cacheDir: URL): string {
  try {
    return createHash('sha256')
      .update(readFileSync(new URL('incremental-build.json', cacheDir)))
      .digest('hex');
  } catch {
    return '';
  }
}

/**
 * Builds into the last build's folder instead of an emptied one. A page Astro's incremental build
 * skips is then already in place ("cached") instead of copied back from Astro's cache (16 s of an
 * unchanged 10k-paper build). What the last build wrote and this one did not (a deleted paper's
 * page, old script bundles) is removed once the pages, cards and index are in place, before the
 * service worker lists the files. A `dist/` left by a failed build, or one that is not the last
 * build's, is emptied as before.
 */
export function keepBuildIntegration(
  options: {
    /**
     * Files and folders of the build another step writes anew each time, after this one runs or
     * from hard links made before its stamp (the service worker, the search index): never pruned.
     */
    rewritten?: string[];
    /** Files another step put in the build this time, some left as the last build had them (the social cards). */
    placed?: () => string[];
  } = {},
): AstroIntegration {
  let stamp = '';
  let cacheDir: URL | undefined;
  let since = 0;
  return {
    name: 'paperboy:keep-build',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        stamp = fileURLToPath(new URL(stampName, config.outDir));
        cacheDir = config.cacheDir;
        const last = readTextIfAny(stamp);
        if (last && last === recordHash(cacheDir)) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      // Stamped before any build hook starts work that writes into the build.
      'astro:config:done': () => {
        if (!stamp) return;
        mkdirSync(dirname(stamp), { recursive: true });
        writeFileSync(stamp, `building since ${new Date().toISOString()}\n`);
        since = statSync(stamp).ctimeMs;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir).replace(/\/$/, '');
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        for (const file of options.placed?.() ?? []) kept.add(file);
        const stale = staleFiles(root, since, kept, options.rewritten);
        removeFiles(root, stale);
        if (stale.length) logger.info(`removed ${stale.length} file(s) the last build wrote and this one did not`);
        writeFileSync(stamp, recordHash(cacheDir!));
      },
    },
  };
}
