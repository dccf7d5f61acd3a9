/** How long to wait before retry number `attempt` (1 for the first retry). */
export interface BackoffOptions {
  /** Wait before the first retry, before jitter. */
  baseMs: number;
  /** Longest wait, before jitter. */
  maxMs: number;
  /** A number in [0, 1); `Math.random` unless a test fixes it. */
  random: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the doubled delay for sure, the other half at random,
 * so clients that failed together do not retry together.
 *
 * @example backoffDelay(3, { baseMs: 1000, maxMs: 30_000, random: () => 0.5 }) // 3000 (4 s, jittered)
 */
export function backoffDelay(attempt: number, { baseMs, maxMs, random }: BackoffOptions): number {
  const full = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/**
 * Milliseconds a `Retry-After` header asks for: delay-seconds (`120`) or an HTTP date; undefined when
 * absent or unreadable.
 *
 * @example parseRetryAfter('5', Date.now()) // 5000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = /^[a-z]{3}, /i.test(text) ? Date.parse(text) : NaN; // `Wed, 21 Oct 2015 07:28:00 GMT`
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
