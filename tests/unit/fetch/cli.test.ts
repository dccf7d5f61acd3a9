import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchCli } from '../../../scripts/lib/fetch/cli.ts';
import { runImport } from '../../../scripts/lib/import/run-import.ts';
import { parseEntry } from '../../../src/lib/entry-file.ts';
import {
  closedPort,
  cutOff,
  FakeClock,
  fakeArxiv,
  inTurn,
  recorded,
  reply,
  startServer,
  type Handler,
} from './support.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const topicsFile = join(repoRoot, 'content/topics.yaml');

let work: string;
let sources: string;
let server: Awaited<ReturnType<typeof startServer>> | undefined;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'paperboy-fetch-'));
  sources = join(work, 'sources');
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(work, { recursive: true, force: true });
});

/** Runs `npm run fetch -- …args` against a local server answering with `handler` (or a given fetch), with a fake clock. */
async function run(args: string[], handler: Handler | { fetch: typeof fetch }) {
  let fetchFn: typeof fetch;
  if (typeof handler === 'function') {
    server = await startServer(handler);
    fetchFn = server.fetch;
  } else fetchFn = handler.fetch;
  const out: string[] = [];
  const err: string[] = [];
  const code = await fetchCli([...args, '--out', sources], {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    today: () => '2026-02-12',
    cwd: work,
    http: { fetch: fetchFn, clock: new FakeClock(), random: () => 0 },
  });
  return { code, out, err, files: await readdir(sources).catch(() => []) };
}

const runImportOf = (path: string) => runImport({ paths: [path], papersDir: join(work, 'papers'), topicsFile });

describe('npm run fetch -- hf', () => {
  it('writes the day as Hugging Face sent it, and the importer makes entries of it on that day', async () => {
    const body = recorded('hf-daily-2026-08-14.json');
    const result = await run(['hf', '--date', '2026-08-14'], reply(200, body, { 'content-type': 'application/json' }));
    expect(result).toMatchObject({ code: 0, err: [], files: ['2026-08-14-hf.json'] });
    expect(result.out).toEqual(['wrote sources/2026-08-14-hf.json: 3 papers']);
    expect(server?.seen[0].url.search).toBe('?date=2026-08-14');
    const path = join(sources, '2026-08-14-hf.json');
    expect(await readFile(path, 'utf8')).toBe(body);

    const summary = await runImportOf(path);
    expect(summary.problems).toEqual([]);
    expect(summary.created).toHaveLength(3);
    const entries = await Promise.all(summary.created.map(async (p) => parseEntry(await readFile(p, 'utf8')).data));
    expect(entries.map((e) => e.date)).toEqual(['2026-08-14', '2026-08-14', '2026-08-14']);
    expect(entries.map((e) => e.id).sort()).toEqual(['arxiv:2608.06867', 'arxiv:2608.13489', 'arxiv:2608.13546']);
  });

  it('writes nothing on a day without papers, and says so', async () => {
    const result = await run(['hf', '--date', '2026-08-15'], reply(200, '[]'));
    expect(result).toMatchObject({ code: 0, files: [] });
    expect(result.out).toEqual(['nothing written: huggingface.co lists no papers for 2026-08-15']);
  });

  it('with --dry-run fetches and checks but writes nothing', async () => {
    const result = await run(
      ['hf', '--date', '2026-08-14', '--dry-run'],
      reply(200, recorded('hf-daily-2026-08-14.json')),
    );
    expect(result).toMatchObject({ code: 0, files: [] });
    expect(result.out).toEqual(['would write sources/2026-08-14-hf.json: 3 papers (--dry-run)']);
  });
});

describe('npm run fetch -- arxiv', () => {
  it('writes one Atom file of a query, named for the day and the query, that the importer reads', async () => {
    const result = await run(
      ['arxiv', '--query', 'ti:"random"', '--max', '5'],
      fakeArxiv(recorded('arxiv-query-random.xml')),
    );
    expect(result).toMatchObject({ code: 0, err: [], files: ['2026-02-12-arxiv-ti-random.xml'] });
    expect(result.out).toEqual(['wrote sources/2026-02-12-arxiv-ti-random.xml: 5 papers']);
    const summary = await runImportOf(join(sources, result.files[0]));
    expect(summary.problems).toEqual([]);
    expect(summary.created).toHaveLength(5);
  });

  it('fetches papers by id', async () => {
    const result = await run(
      ['arxiv', '--ids', '2101.02199, https://arxiv.org/abs/1910.08253', '--date', '2026-03-01'],
      fakeArxiv(recorded('arxiv-query-random.xml')),
    );
    expect(result.out).toEqual(['wrote sources/2026-03-01-arxiv-2101.02199_1910.08253.xml: 2 papers']);
    expect(server?.seen[0].url.searchParams.get('id_list')).toBe('2101.02199,1910.08253');
  });
});

describe('failures: one line, exit code 1, nothing written', () => {
  it('offline: a connection refused is "cannot reach <host> (offline?)"', async () => {
    const port = await closedPort();
    const refused = ((input: string | URL | Request, init?: RequestInit) => {
      const asked = new URL(String(input));
      return fetch(`http://127.0.0.1:${port}${asked.pathname}${asked.search}`, init);
    }) as typeof fetch;
    for (const args of [
      ['hf', '--date', '2026-08-14'],
      ['arxiv', '--ids', '2101.02199'],
    ]) {
      const result = await run(args, { fetch: refused });
      expect(result).toMatchObject({ code: 1, out: [], files: [] });
      const host = args[0] === 'hf' ? 'huggingface.co' : 'export.arxiv.org';
      expect(result.err).toEqual([`fetch: cannot reach ${host} (offline?)`]);
    }
  });

  it.each<[string, string[], Handler, string]>([
    [
      'an HTTP 4xx',
      ['hf', '--date', '2026-08-14'],
      reply(404, '{"error":"Not Found"}'),
      'fetch: https://huggingface.co/api/daily_papers?date=2026-08-14 answered HTTP 404 Not Found',
    ],
    [
      'HTML where JSON belongs',
      ['hf', '--date', '2026-08-14'],
      reply(200, '<!DOCTYPE html><html><title>Maintenance</title></html>'),
      'fetch: huggingface.co answered with something other than JSON: "<!DOCTYPE html><html><title>Maintenance</title></html>"',
    ],
    [
      'JSON that is not a list',
      ['hf', '--date', '2026-08-14'],
      reply(200, '{"error":"Invalid date"}'),
      'fetch: huggingface.co answered with JSON that is not a list of daily papers: "{\\"error\\":\\"Invalid date\\"}"',
    ],
    [
      'an arXiv error entry',
      ['arxiv', '--ids', '2101.02199'],
      reply(200, recorded('arxiv-error.xml')),
      'fetch: the arXiv API answered with an error: incorrect id format for 2501.0123',
    ],
    [
      'arXiv not answering Atom',
      ['arxiv', '--query', 'ti:x'],
      reply(200, 'Rate exceeded.'),
      'fetch: export.arxiv.org answered with something other than an Atom feed: "Rate exceeded."',
    ],
  ])('%s', async (_what, args, handler, line) => {
    const result = await run(args, handler);
    expect(result).toMatchObject({ code: 1, out: [], err: [line], files: [] });
  });

  it('gives up after 4 tries, saying each retry, and leaves no file, not even half of one', async () => {
    await mkdir(sources, { recursive: true });
    const result = await run(['hf', '--date', '2026-08-14'], inTurn(cutOff));
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      'fetch: connection closed mid-response (UND_ERR_SOCKET); try 2 of 4 in 1 s',
      'fetch: connection closed mid-response (UND_ERR_SOCKET); try 3 of 4 in 1 s',
      'fetch: connection closed mid-response (UND_ERR_SOCKET); try 4 of 4 in 2 s',
      'fetch: gave up on https://huggingface.co/api/daily_papers?date=2026-08-14 after 4 tries: connection closed mid-response (UND_ERR_SOCKET)',
    ]);
    expect(result.files).toEqual([]); // no .tmp left behind either
  });

  it('retries a 503 and a 429 with Retry-After, then writes the file', async () => {
    const body = recorded('hf-daily-2026-08-14.json');
    const result = await run(
      ['hf', '--date', '2026-08-14'],
      inTurn(reply(503), reply(429, '', { 'retry-after': '5' }), reply(200, body)),
    );
    expect(result.code).toBe(0);
    expect(result.err).toEqual([
      'fetch: HTTP 503 Service Unavailable; try 2 of 4 in 1 s',
      'fetch: HTTP 429 Too Many Requests; try 3 of 4 in 5 s',
    ]);
    expect(result.files).toEqual(['2026-08-14-hf.json']);
  });
});

describe('the command line', () => {
  it.each([
    [[], 'which source?'],
    [['rss'], 'unknown source "rss": hf or arxiv'],
    [['hf', '--date', '2026-02-30'], '--date 2026-02-30: expected a day, YYYY-MM-DD'],
    [['hf', '--query', 'x'], '--query is for arxiv, not hf'],
    [['arxiv'], 'arxiv needs either --ids or --query'],
    [['arxiv', '--ids', '1', '--query', 'x'], 'arxiv needs either --ids or --query'],
    [['arxiv', '--ids', '2101.02199,nope'], '--ids: "nope" is not an arXiv id (like 2501.01234 or hep-th/9901001)'],
    [['arxiv', '--ids', '2101.02199', '--max', '3'], '--max goes with --query'],
    [['arxiv', '--query', 'x', '--max', '0'], '--max 0: expected a whole number from 1 to 30000'],
    [['arxiv', '--query', 'x', '--max', '2.5'], '--max 2.5: expected a whole number from 1 to 30000'],
    [['arxiv', '--query', ' '], '--query is empty'],
    [['hf', '--nope'], "Unknown option '--nope'"],
  ])('%j → exit 2: %s', async (args, message) => {
    const result = await run(args, reply(500));
    expect(result.code).toBe(2);
    expect(result.err[0].split('\n')[0]).toContain(message);
    expect(result.err[0]).toContain('usage: npm run fetch -- hf');
    expect(server?.seen ?? []).toEqual([]); // no request for a bad command line
  });

  it('runs as `npm run fetch` does, printing the usage for --help', () => {
    const help = spawnSync(process.execPath, ['scripts/fetch.ts', '--help'], { cwd: repoRoot, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('npm run fetch -- arxiv --query');
    const bad = spawnSync(process.execPath, ['scripts/fetch.ts', 'arxiv'], { cwd: repoRoot, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('fetch: arxiv needs either --ids or --query');
  });
});
