import { systemClock, type Clock } from './clock.ts';

/**
 * Runs tasks one at a time, each starting at least `intervalMs` after the previous one ended —
 * arXiv asks for no more than one request every three seconds.
 *
 * @example
 * const limiter = new RateLimiter(3000);
 * await limiter.run(() => fetch(url)); // the next run waits until 3 s after this one ended
 */
export class RateLimiter {
  #last: number | undefined;
  #tail: Promise<unknown> = Promise.resolve();

  readonly intervalMs: number;
  readonly clock: Clock;

  constructor(intervalMs: number, clock: Clock = systemClock) {
    this.intervalMs = intervalMs;
    this.clock = clock;
  }

  /** Runs `task` once its turn has come and the interval since the previous task has passed. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(async () => {
      const wait = this.#last === undefined ? 0 : this.#last + this.intervalMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      try {
        return await task();
      } finally {
        this.#last = this.clock.now();
      }
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
