import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** Clock ticks per second of /proc/stat's counters (USER_HZ, 100 on Linux). */
const hz = 100;

/** Busy CPU seconds of the whole machine since boot, from /proc/stat. */
export function busySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + (steal ?? 0)) / hz;
}

/**
 * The share of the machine's CPUs that other work used during a measurement, 0–1: busy time of the
 * machine minus ours, over wall time × cores. Other sessions build on this machine too; this says how much.
 */
export function othersShare(busyBefore: number, busyAfter: number, ourCpu: number, wall: number): number {
  return Math.max(0, Math.min(1, (busyAfter - busyBefore - ourCpu) / (wall * cpus().length)));
}

/** Waits, up to `maxSeconds`, until other work uses less than `threshold` of the CPUs over a 3 s window; returns that share. */
export async function waitForQuiet(maxSeconds = 300, threshold = 0.15): Promise<number> {
  const deadline = Date.now() + maxSeconds * 1000;
  for (;;) {
    const before = busySeconds();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const share = othersShare(before, busySeconds(), 0, 3);
    if (share < threshold || Date.now() > deadline) return share;
    console.error(`  waiting: other work is using ${Math.round(share * 100)} % of the CPUs…`);
    await new Promise((resolve) => setTimeout(resolve, 12_000));
  }
}
