import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { folderSize, measure, type Measured } from './measure.ts';
import { moveAside } from './trash.ts';

/** One Hugo + Pagefind CLI run over the same papers. */
export interface ComparatorRun {
  hugo: Measured;
  pagefind: Measured;
  /** Hugo plus Pagefind, in seconds. */
  seconds: number;
  /** The larger of the two peaks, in bytes. */
  peakRss: number;
  output: { files: number; bytes: number };
}

/** `hugo version`, installing Debian's `hugo` first when it is absent. */
export function ensureHugo(): string {
  const version = () => execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  try {
    return version();
  } catch {
    console.error('hugo not found: installing the Debian package (apt-get install -y hugo)…');
    execFileSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit' });
    return version();
  }
}

/** The Pagefind CLI binary that ships in the npm package `@pagefind/linux-x64`. */
export function pagefindBinary(repo: string): string {
  const bin = join(repo, 'node_modules', '@pagefind', 'linux-x64', 'bin');
  const found = ['pagefind', 'pagefind_extended'].map((name) => join(bin, name)).find((path) => existsSync(path));
  if (!found) throw new Error(`no Pagefind binary under ${bin}`);
  return found;
}

/** `pagefind --version`. */
export function pagefindVersion(binary: string): string {
  return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}

/**
 * Builds the Hugo site in `dir` from scratch (`hugo --quiet`, the last run's output moved aside), then
 * indexes it with the Pagefind CLI, timing both.
 */
export async function runComparator(dir: string, binary: string, logPrefix: string): Promise<ComparatorRun> {
  await moveAside(join(dir, 'public'));
  const hugo = await measure('hugo', ['--quiet'], dir, `${logPrefix}-hugo.log`);
  if (hugo.exitCode !== 0) throw new Error(`hugo failed, see ${logPrefix}-hugo.log`);
  const args = ['--site', 'public', '--force-language', 'en'];
  const pagefind = await measure(binary, args, dir, `${logPrefix}-pagefind.log`);
  if (pagefind.exitCode !== 0) throw new Error(`pagefind failed, see ${logPrefix}-pagefind.log`);
  return {
    hugo,
    pagefind,
    seconds: hugo.seconds + pagefind.seconds,
    peakRss: Math.max(hugo.peakRss, pagefind.peakRss),
    output: await folderSize(join(dir, 'public')),
  };
}
