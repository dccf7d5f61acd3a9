import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** The facts a reader needs to compare our numbers with theirs. */
export interface MachineFacts {
  date: string;
  cpu: string;
  cores: number;
  memory: number;
  os: string;
  node: string;
  astro: string;
  hugo: string;
  pagefind: string;
}

/** The output of a command, or `?` when it cannot run. */
function output(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}

/** Collects the machine's and the toolchain's facts; Node is the one the build runs on (`node_modules/.bin/node`). */
export function machineFacts(repo: string, hugo: string, pagefind: string): MachineFacts {
  const osRelease = output('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"']);
  const astro = JSON.parse(readFileSync(join(repo, 'node_modules', 'astro', 'package.json'), 'utf8')) as {
    version: string;
  };
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: cpus()[0]?.model.trim() ?? '?',
    cores: cpus().length,
    memory: totalmem(),
    os: `${osRelease}, Linux ${output('uname', ['-r'])}`,
    node: output(join(repo, 'node_modules', '.bin', 'node'), ['--version']),
    astro: astro.version,
    hugo: hugo.replace(/^hugo /, '').split(' ')[0],
    pagefind: pagefind.replace(/^pagefind /, ''),
  };
}

/** The repository's commit, with `+uncommitted` when the code a build reads has local changes. */
export function codeVersion(repo: string): string {
  const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  try {
    const dirty = git(
      'status',
      '--porcelain',
      '--',
      'src',
      'scripts/lib',
      'scripts/import.ts',
      'astro.config.mjs',
      'package.json',
    );
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? '+uncommitted' : ''}`;
  } catch {
    return '?';
  }
}
