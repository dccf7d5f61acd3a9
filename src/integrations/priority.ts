import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the calling thread's priority (on Linux each thread has its own; threads and processes
 * it starts afterwards inherit it), so that the build's other work gets the CPU first. A build
 * already run at a lower priority (`nice -n 15`) keeps it.
 */
export function lowerPriority(): void {
  try {
    setPriority(Math.max(getPriority(), 10));
  } catch {
    // A system that does not let a thread lower its priority builds as fast as it can all the same.
  }
}
