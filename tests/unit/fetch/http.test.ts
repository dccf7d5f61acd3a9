import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, HttpStatusError } from '../../../scripts/lib/fetch/errors.ts';
import { getText, userAgent, type HttpOptions } from '../../../scripts/lib/fetch/http.ts';
import { RateLimiter } from '../../../scripts/lib/fetch/rate-limit.ts';
import { closedPort, cutOff, FakeClock, inTurn, reply, startServer, type Handler } from './support.ts';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves `handler` and GETs from it with a fake clock; returns what came back or the error. */
async function get(handler: Handler, options: HttpOptions = {}) {
  server = await startServer(handler);
  const clock = new FakeClock();
  const retries: string[] = [];
  const url = `${server.base}/api/daily_papers?date=2026-08-14`;
  const result = await getText(url, 'application/json', {
    clock,
    random: () => 0,
    onRetry: ({ attempt, delayMs, reason }) => retries.push(`${attempt}: ${reason} (${delayMs} ms)`),
    ...options,
  }).catch((error: Error) => error);
  return { result, url, clock, retries, seen: server.seen };
}

describe('getText', () => {
  it('asks with a User-Agent naming Paperboy and returns the body', async () => {
    const { result, seen, clock } = await get(reply(200, '[]'));
    expect(result).toBe('[]');
    expect(seen).toHaveLength(1);
    expect(seen[0].headers['user-agent']).toBe(userAgent);
    expect(userAgent).toMatch(/^Paperboy\//);
    expect(seen[0].headers.accept).toBe('application/json');
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a 503 after a backoff, then returns the body', async () => {
    const { result, seen, clock, retries } = await get(inTurn(reply(503), reply(503), reply(200, 'ok')));
    expect(result).toBe('ok');
    expect(seen).toHaveLength(3);
    expect(clock.sleeps).toEqual([500, 1000]); // exponential: 1 s then 2 s, half of each jittered away
    expect(retries).toEqual(['2: HTTP 503 Service Unavailable (500 ms)', '3: HTTP 503 Service Unavailable (1000 ms)']);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    const { result, clock } = await get(inTurn(reply(429, '', { 'retry-after': '7' }), reply(200, 'ok')));
    expect(result).toBe('ok');
    expect(clock.sleeps).toEqual([7000]);
  });

  it('leaves a server alone that asks to wait longer than we would', async () => {
    const { result, seen } = await get(reply(429, '', { 'retry-after': '3600' }));
    expect(result).toBeInstanceOf(FetchError);
    expect((result as Error).message).toBe(
      '127.0.0.1 answered HTTP 429 Too Many Requests and asks to wait 3600 s; try again later',
    );
    expect(seen).toHaveLength(1);
  });

  it('gives up after the last try with a message naming the URL and the last answer', async () => {
    const { result, url, seen, clock } = await get(reply(500), { tries: 3 });
    expect(result).toBeInstanceOf(FetchError);
    expect((result as Error).message).toBe(`gave up on ${url} after 3 tries: HTTP 500 Internal Server Error`);
    expect(seen).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('does not retry a 404, and names the status and the URL', async () => {
    const { result, url, seen } = await get(reply(404, 'Not here'));
    expect(result).toBeInstanceOf(HttpStatusError);
    expect((result as HttpStatusError).message).toBe(`${url} answered HTTP 404 Not Found`);
    expect((result as HttpStatusError).body).toBe('Not here');
    expect(seen).toHaveLength(1);
  });

  it('retries a connection dropped mid-body', async () => {
    const { result, retries } = await get(inTurn(cutOff, reply(200, 'whole')));
    expect(result).toBe('whole');
    expect(retries).toEqual(['2: connection closed mid-response (UND_ERR_SOCKET) (500 ms)']);
  });

  it('says at once, without retrying, that a host refusing connections cannot be reached', async () => {
    const clock = new FakeClock();
    const url = `http://127.0.0.1:${await closedPort()}/api/query`;
    const error = await getText(url, 'application/atom+xml', { clock }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toBe('cannot reach 127.0.0.1 (offline?)');
    expect(clock.sleeps).toEqual([]);
  });

  it('says the same when DNS cannot resolve the host', async () => {
    // What undici throws offline: TypeError('fetch failed') caused by getaddrinfo's error.
    const offline = (async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), { code: 'ENOTFOUND' }),
      });
    }) as typeof fetch;
    const error = await getText('https://huggingface.co/api/daily_papers', 'application/json', {
      fetch: offline,
    }).catch((e: Error) => e);
    expect((error as Error).message).toBe('cannot reach huggingface.co (offline?)');
  });

  it('spaces every attempt, retries included, through the limiter', async () => {
    const clock = new FakeClock();
    const at: number[] = [];
    const { result } = await get(
      inTurn(
        (req, res, url) => (at.push(clock.now()), reply(503)(req, res, url)),
        (req, res, url) => (at.push(clock.now()), reply(200, 'ok')(req, res, url)),
      ),
      { clock, limiter: new RateLimiter(3000, clock) },
    );
    expect(result).toBe('ok');
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(3000);
  });
});
