import { spawn } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { busySeconds, othersShare } from './contention.ts';
import { sampleTree, type TreeSample } from './proc-sampler.ts';

/** One line a command printed, with the milliseconds since it started. */
export interface LogLine {
  at: number;
  text: string;
}

/** What one measured command cost. */
export interface Measured {
  /** Wall time in seconds. */
  seconds: number;
  /** Peak RSS of the largest single process in the tree, in bytes (GNU time's "maximum resident set size"). */
  peakRss: number;
  /** Peak of the whole tree's summed RSS and the process that held most at the peak, from sampling /proc. */
  tree: TreeSample;
  /** CPU seconds, user + system, of the whole tree. */
  cpuSeconds: number;
  /** Every line printed to stdout and stderr, timestamped on arrival. */
  lines: LogLine[];
  exitCode: number;
  /** Share of the CPUs other processes on the machine used meanwhile, 0–1. */
  others: number;
}

/** GNU time's report: elapsed, max RSS in KiB, user and system seconds. */
const timeFormat = '%e %M %U %S';

/** Runs `command args…` in `cwd` under `/usr/bin/time`, timestamping its output lines into `log` as they arrive. */
export async function measure(command: string, args: string[], cwd: string, log: string): Promise<Measured> {
  const timeFile = `${log}.time`;
  const out = createWriteStream(log);
  const busyBefore = busySeconds();
  const start = performance.now();
  const child = spawn('/usr/bin/time', ['-f', timeFormat, '-o', timeFile, command, ...args], {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = sampleTree(child.pid!);
  const lines: LogLine[] = [];
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (text) => {
      const at = performance.now() - start;
      lines.push({ at, text });
      out.write(`${(at / 1000).toFixed(3).padStart(9)} ${text}\n`);
    });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const seconds = (performance.now() - start) / 1000;
  const tree = sampler.stop();
  out.end();
  const [, maxKiB, user, system] = (await readFile(timeFile, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number);
  await rm(timeFile, { force: true });
  // GNU time counts only processes their parents waited for; the sampled tree also sees the rest.
  const cpuSeconds = Math.max(user + system, tree.cpuSeconds);
  const others = othersShare(busyBefore, busySeconds(), cpuSeconds, seconds);
  return { seconds, peakRss: maxKiB * 1024, tree, cpuSeconds, lines, exitCode, others };
}

/** Files and bytes under a folder. */
export async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(`${entry.parentPath}/${entry.name}`).size;
  }
  return { files, bytes };
}
