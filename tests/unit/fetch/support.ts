import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readAtomPage } from '../../../scripts/lib/fetch/arxiv-feed.ts';
import type { Clock } from '../../../scripts/lib/fetch/clock.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/fetch/', import.meta.url));

/** A recorded response body from tests/fixtures/fetch/. */
export const recorded = (name: string): string => readFileSync(fixtures + name, 'utf8');

/** A clock whose sleeps pass at once and move its time on; `sleeps` lists every wait asked for. */
export class FakeClock implements Clock {
  time = 1_700_000_000_000;
  sleeps: number[] = [];
  now = () => this.time;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.time += ms;
  };
}

/** Answers one request. */
export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

/** A request the server saw. */
export interface Seen {
  url: URL;
  headers: IncomingMessage['headers'];
}

/** A local HTTP server on 127.0.0.1 answering with `handler`; `seen` lists every request. */
export async function startServer(handler: Handler) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ url, headers: req.headers });
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    /** A fetch that sends requests meant for huggingface.co or export.arxiv.org here, path and query kept. */
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      const asked = new URL(String(input));
      return fetch(new URL(asked.pathname + asked.search, base), init);
    }) as typeof fetch,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Handlers answering one request each, in order; the last one answers any further request. */
export function inTurn(...handlers: Handler[]): Handler {
  let i = 0;
  return (req, res, url) => handlers[Math.min(i++, handlers.length - 1)](req, res, url);
}

/** Answers with a status, headers and a body. */
export const reply =
  (status: number, body = '', headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };

/** Promises a long body, sends its start, then drops the connection. */
export const cutOff: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
  res.write('[{"paper": {"id": "2608.13489", "title": "DreamX');
  setTimeout(() => res.socket?.destroy(), 20);
};

/**
 * A fake arXiv API over a recorded feed: `id_list` picks entries, `search_query` pages through all of
 * them by `start` and `max_results`; `totalResults` says how many the query matches.
 */
export function fakeArxiv(feed: string, onRequest: () => void = () => {}): Handler {
  const page = readAtomPage(feed);
  return (_req, res, url) => {
    onRequest();
    const ids = url.searchParams.get('id_list');
    const start = Number(url.searchParams.get('start') ?? 0);
    const max = Number(url.searchParams.get('max_results') ?? 10);
    const matching = ids
      ? page.entries.filter((_, i) => ids.split(',').some((id) => page.ids[i].includes(`/abs/${id}`)))
      : page.entries;
    const header = page.header.replace(/<opensearch:totalResults>\d+</, `<opensearch:totalResults>${matching.length}<`);
    res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' });
    res.end(`${header}${matching.slice(start, start + max).join('\n  ')}\n</feed>\n`);
  };
}

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
