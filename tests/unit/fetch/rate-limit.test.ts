import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../scripts/lib/fetch/rate-limit.ts';
import { FakeClock } from './support.ts';

describe('RateLimiter', () => {
  it('runs the first task at once and each next one 3 s after the previous ended', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(3000, clock);
    const started: number[] = [];
    const task = (ms: number) => async () => {
      started.push(clock.now());
      clock.time += ms; // the request itself takes this long
    };
    await limiter.run(task(500));
    await limiter.run(task(200));
    clock.time += 5000; // idle longer than the interval: no wait
    await limiter.run(task(0));
    const t0 = started[0];
    expect(started.map((t) => t - t0)).toEqual([0, 3500, 3500 + 200 + 5000]);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('queues tasks asked for at once, and spaces the one after a task that failed', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter(3000, clock);
    const started: number[] = [];
    const ok = async () => void started.push(clock.now());
    const fail = async () => {
      started.push(clock.now());
      throw new Error('boom');
    };
    const results = await Promise.allSettled([limiter.run(ok), limiter.run(fail), limiter.run(ok)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(started.map((t) => t - started[0])).toEqual([0, 3000, 6000]);
  });
});
