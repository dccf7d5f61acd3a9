import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDay } from '../../../src/lib/dates.ts';
import { settings } from '../../../src/settings.ts';
import { arxivIdIn, isArxivId } from '../formats/values.ts';
import { arxivPageSize } from './arxiv.ts';
import { FetchError } from './errors.ts';
import { fetchSource, type FetchSourceOptions, type SourceRequest } from './fetch-source.ts';
import type { HttpOptions } from './http.ts';

export const usage = `usage: npm run fetch -- hf [--date YYYY-MM-DD] [--out DIR] [--dry-run]
       npm run fetch -- arxiv --ids ID[,ID…] [--date YYYY-MM-DD] [--out DIR] [--dry-run]
       npm run fetch -- arxiv --query "QUERY" [--max N] [--date YYYY-MM-DD] [--out DIR] [--dry-run]`;

/** arXiv serves at most this many results for one query, however it is paged. */
const maxResults = 30_000;

/** What the CLI needs from the world; tests pass their own. */
export interface CliContext extends FetchSourceOptions {
  /** Prints a line of output. */
  out: (line: string) => void;
  /** Prints a line of diagnostics. */
  err: (line: string) => void;
  /** Today, `YYYY-MM-DD`, for a fetch without `--date`. */
  today: () => string;
  /** Folder paths are shown relative to. */
  cwd: string;
}

/** Today in the local time zone, `YYYY-MM-DD`. */
export function localDay(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A mistake in the command line; the CLI prints it with the usage and exits 2. */
class UsageError extends Error {}

/** `2501.01234,arxiv.org/abs/2403.20309v2` → `['2501.01234', '2403.20309v2']`. */
function parseIds(value: string): string[] {
  const ids = value.split(/[\s,]+/).filter(Boolean);
  if (!ids.length) throw new UsageError('--ids: no arXiv id given');
  return ids.map((id) => {
    const found = isArxivId(id) ? id : arxivIdIn(id);
    if (!found) throw new UsageError(`--ids: "${id}" is not an arXiv id (like 2501.01234 or hep-th/9901001)`);
    return found;
  });
}

/** The command line as a request, or a UsageError. */
function parseRequest(argv: string[], today: string): SourceRequest | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      ids: { type: 'string' },
      query: { type: 'string' },
      max: { type: 'string' },
      out: { type: 'string', default: settings.sourcesDir },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const [source, ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const date = values.date ?? today;
  if (!isIsoDay(date)) throw new UsageError(`--date ${date}: expected a day, YYYY-MM-DD`);
  const common = { date, out: values.out, dryRun: values['dry-run'] };
  if (source === 'hf') {
    const stray = (['ids', 'query', 'max'] as const).find((k) => values[k] !== undefined);
    if (stray) throw new UsageError(`--${stray} is for arxiv, not hf`);
    return { source, ...common };
  }
  if (source !== 'arxiv') throw new UsageError(source ? `unknown source "${source}": hf or arxiv` : 'which source?');
  if ((values.ids === undefined) === (values.query === undefined))
    throw new UsageError('arxiv needs either --ids or --query');
  if (values.ids !== undefined) {
    if (values.max !== undefined) throw new UsageError('--max goes with --query');
    return { source, ids: parseIds(values.ids), ...common };
  }
  const max = Number(values.max ?? 50);
  if (!/^\d+$/.test(values.max ?? '50') || max < 1 || max > maxResults)
    throw new UsageError(`--max ${values.max}: expected a whole number from 1 to ${maxResults}`);
  if (!values.query?.trim()) throw new UsageError('--query is empty');
  return { source, query: values.query.trim(), max, ...common };
}

/** The closing line: what was written (or would be), or why nothing was. */
function outcomeLine(request: SourceRequest, r: Awaited<ReturnType<typeof fetchSource>>, cwd: string): string {
  const where = relative(cwd, r.path) || r.path;
  if (r.count === 0)
    return request.source === 'hf'
      ? `nothing written: huggingface.co lists no papers for ${request.date}`
      : 'nothing written: arXiv has no papers for that request';
  const papers = `${r.count} paper${r.count === 1 ? '' : 's'}`;
  const of = r.total !== undefined && r.total > r.count ? ` (of ${r.total} matching)` : '';
  return r.written ? `wrote ${where}: ${papers}${of}` : `would write ${where}: ${papers}${of} (--dry-run)`;
}

/**
 * `npm run fetch -- …`: fetches one source into a file and returns the exit code — 0 when done (or
 * nothing to fetch), 1 when the fetch failed (one line says why), 2 for a mistake in the command line.
 */
export async function fetchCli(argv: string[], context: CliContext): Promise<number> {
  let request;
  try {
    request = parseRequest(argv, context.today());
  } catch (error) {
    context.err(`fetch: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (request === 'help') {
    context.out(usage);
    return 0;
  }
  const http: HttpOptions = {
    ...context.http,
    onRetry: ({ attempt, tries, delayMs, reason }) =>
      context.err(`fetch: ${reason}; try ${attempt} of ${tries} in ${Math.ceil(delayMs / 1000)} s`),
  };
  const pageSize = context.pageSize ?? arxivPageSize;
  const onPage = (fetched: number, wanted: number) => {
    if (wanted > pageSize) context.err(`fetch: ${fetched} of ${wanted} fetched`);
  };
  try {
    const result = await fetchSource(request, { ...context, http, pageSize, onPage });
    context.out(outcomeLine(request, result, context.cwd));
    return 0;
  } catch (error) {
    const message = error instanceof FetchError ? error.message : `failed: ${(error as Error).message}`;
    context.err(`fetch: ${message.split('\n')[0]}`);
    return 1;
  }
}
