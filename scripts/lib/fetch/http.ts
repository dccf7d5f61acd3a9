import { backoffDelay, parseRetryAfter } from './backoff.ts';
import { systemClock, type Clock } from './clock.ts';
import { describeNetworkError, FetchError, HttpStatusError, isUnreachable } from './errors.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Names Paperboy to the servers it asks, as arXiv and Hugging Face ask of clients. */
export const userAgent = 'Paperboy/0.1 (research-paper digest generator; npm run fetch)';

/** How `getText` asks, waits and retries. Every field has a default; tests replace the network and the clock. */
export interface HttpOptions {
  /** The `fetch` to call. Default: the global one. Tests pass one that answers with recorded responses. */
  fetch?: typeof fetch;
  /** Time source for waits. Default: the real clock. */
  clock?: Clock;
  /** Randomness for jitter, in [0, 1). Default: `Math.random`. */
  random?: () => number;
  /** Attempts in all before giving up, e.g. `4` (the default) is one try and three retries. */
  tries?: number;
  /** Backoff before the first retry, doubled for each next one. Default 1000 ms. */
  baseDelayMs?: number;
  /** Longest backoff. Default 30 s. */
  maxDelayMs?: number;
  /** Longest `Retry-After` we wait for; a server asking for more is left alone. Default 120 s. */
  maxRetryAfterMs?: number;
  /** Time allowed for one attempt, body included. Default 60 s. */
  timeoutMs?: number;
  /** Spaces this client's requests to one host, e.g. 3 s apart for arXiv. */
  limiter?: RateLimiter;
  /** Told before each retry, e.g. to print `HTTP 503; retrying in 2 s`. */
  onRetry?: (retry: { attempt: number; tries: number; delayMs: number; reason: string }) => void;
}

type Attempt = { body: string } | { retry: string; retryAfterMs?: number };
type Resolved = Required<Omit<HttpOptions, 'limiter'>> & Pick<HttpOptions, 'limiter'>;

/** One request: the body of a 2xx, a reason to retry (network error, 429, 5xx), or a thrown FetchError. */
async function attempt(url: string, accept: string, options: Resolved): Promise<Attempt> {
  const host = new URL(url).hostname;
  let response: Response;
  try {
    response = await options.fetch(url, {
      headers: { 'user-agent': userAgent, accept },
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    // Read the body inside the try: a connection dropped mid-body is a network error like any other.
    const body = await response.text();
    if (response.ok) return { body };
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (response.status === 429 || response.status >= 500)
      return { retry: status, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), options.clock.now()) };
    throw new HttpStatusError(response.status, url, body, response.statusText);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (isUnreachable(error)) throw new FetchError(`cannot reach ${host} (offline?)`);
    return { retry: describeNetworkError(error, options.timeoutMs) };
  }
}

/**
 * GETs `url` and returns its body as text, politely: a Paperboy User-Agent, retries with exponential
 * backoff and jitter on network errors, 429 and 5xx (waiting as long as `Retry-After` asks), and
 * `options.limiter` spacing every attempt. Throws a one-line `FetchError` when the host cannot be
 * reached, on a 4xx other than 429 (`HttpStatusError`), or after the last try.
 *
 * @example const json = await getText('https://huggingface.co/api/daily_papers?date=2025-03-12', 'application/json');
 */
export async function getText(url: string, accept: string, options: HttpOptions = {}): Promise<string> {
  const o: Resolved = {
    fetch: globalThis.fetch,
    clock: systemClock,
    random: Math.random,
    tries: 4,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
    timeoutMs: 60_000,
    onRetry: () => {},
    // An option passed as undefined keeps its default.
    ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
  };
  const host = new URL(url).hostname;
  let reason = '';
  for (let n = 1; n <= o.tries; n++) {
    const result = o.limiter ? await o.limiter.run(() => attempt(url, accept, o)) : await attempt(url, accept, o);
    if ('body' in result) return result.body;
    reason = result.retry;
    if (n === o.tries) break;
    const wait =
      result.retryAfterMs ?? backoffDelay(n, { baseMs: o.baseDelayMs, maxMs: o.maxDelayMs, random: o.random });
    if (wait > o.maxRetryAfterMs)
      throw new FetchError(`${host} answered ${reason} and asks to wait ${Math.ceil(wait / 1000)} s; try again later`);
    o.onRetry({ attempt: n + 1, tries: o.tries, delayMs: wait, reason });
    await o.clock.sleep(wait);
  }
  throw new FetchError(`gave up on ${url} after ${o.tries} tries: ${reason}`);
}
