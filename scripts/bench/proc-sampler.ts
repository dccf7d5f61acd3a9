import { readFileSync, readdirSync } from 'node:fs';

/** The memory peaks seen while sampling a process tree. */
export interface TreeSample {
  /** Largest summed RSS of the tree at one instant, in bytes. */
  sumPeak: number;
  /** Largest RSS of one process, in bytes, and what that process was. */
  largestPeak: number;
  largestName: string;
  /**
   * CPU seconds of the tree's processes as last seen, summed: unlike GNU time's, this counts a
   * process whose parent never waited for it (Pagefind's indexer, whose Node API ends it without
   * waiting, is reaped by init: ~17 s of a 10k full build were missing from GNU time's figure).
   */
  cpuSeconds: number;
}

const pageSize = 4096;
/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const hz = 100;

/** Parent pid, name and CPU seconds so far (user + system) of every process. */
function processTable(): Map<number, { ppid: number; name: string; cpu: number }> {
  const table = new Map<number, { ppid: number; name: string; cpu: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      table.set(Number(entry), { ppid: Number(fields[1]), name, cpu: (Number(fields[11]) + Number(fields[12])) / hz });
    } catch {
      // the process ended between the listing and the read
    }
  }
  return table;
}

/** RSS of one process in bytes, 0 when it is gone. */
function rssOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageSize;
  } catch {
    return 0;
  }
}

/** The command line of a process, shortened, for naming the one that peaked. */
function commandOf(pid: number, fallback: string): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return (
      argv
        .map((a) => a.split('/').pop())
        .join(' ')
        .slice(0, 60) || fallback
    );
  } catch {
    return fallback;
  }
}

/** Samples the tree under `root` every `ms` until `stop()`; catches what GNU time cannot: the tree's sum. */
export function sampleTree(root: number, ms = 250): { stop: () => TreeSample } {
  const peaks: TreeSample = { sumPeak: 0, largestPeak: 0, largestName: '', cpuSeconds: 0 };
  const cpu = new Map<number, number>();
  const tick = () => {
    const table = processTable();
    const inTree = new Set([root]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, { ppid }] of table)
        if (!inTree.has(pid) && inTree.has(ppid)) {
          inTree.add(pid);
          grew = true;
        }
    }
    let sum = 0;
    for (const pid of inTree) {
      cpu.set(pid, table.get(pid)?.cpu ?? cpu.get(pid) ?? 0);
      const rss = rssOf(pid);
      sum += rss;
      if (rss > peaks.largestPeak) {
        peaks.largestPeak = rss;
        peaks.largestName = commandOf(pid, table.get(pid)?.name ?? '?');
      }
    }
    peaks.sumPeak = Math.max(peaks.sumPeak, sum);
  };
  const timer = setInterval(tick, ms);
  return {
    stop: () => {
      clearInterval(timer);
      peaks.cpuSeconds = [...cpu.values()].reduce((a, b) => a + b, 0);
      return peaks;
    },
  };
}
