import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's priority (on Linux each thread has its own; threads and processes
 * it starts afterwards inherit it), so that the build's other work gets the CPU first.
 */
export function lowerPriority(): void {
  try {
    setPriority(10);
  } catch {
    // A system that does not let a thread lower its priority builds as fast as it can all the same.
  }
}
