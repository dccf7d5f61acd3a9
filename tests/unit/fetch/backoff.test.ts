import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../../scripts/lib/fetch/backoff.ts';

describe('backoffDelay', () => {
  const options = (random: number) => ({ baseMs: 1000, maxMs: 8000, random: () => random });
  it.each([
    // attempt, random, delay: half the doubled delay for sure, the other half at random, capped
    [1, 0, 500],
    [1, 0.999, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [4, 0, 4000],
    [5, 0, 4000],
    [9, 0.999, 7996],
  ])('retry %i with random %f waits %i ms', (attempt, random, delay) => {
    expect(backoffDelay(attempt, options(random))).toBe(delay);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-02-12T04:00:00Z');
  it.each([
    ['5', 5000],
    [' 0 ', 0],
    ['120', 120_000],
    ['Thu, 12 Feb 2026 04:00:10 GMT', 10_000],
    ['Thu, 12 Feb 2026 03:59:00 GMT', 0], // a date already past: retry now
    ['soon', undefined],
    ['-3', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});
