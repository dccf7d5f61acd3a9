import { join } from 'node:path';
import { fetchArxiv, arxivSourceName, type ArxivRequest } from './arxiv.ts';
import { fetchHfDaily, hfSourceName } from './hf.ts';
import type { HttpOptions } from './http.ts';
import { writeFileAtomic } from '../../../src/lib/files.ts';

/** One source to fetch and where to put it. */
export type SourceRequest = ({ source: 'hf' } | ({ source: 'arxiv' } & ArxivRequest)) & {
  /** Digest day, `YYYY-MM-DD`: the day Hugging Face lists, and the day the file is named after. */
  date: string;
  /** Folder to write into, e.g. `content/sources`. */
  out: string;
  /** Fetch and check, but write nothing. */
  dryRun?: boolean;
};

/** What a fetch produced. */
export interface FetchedSource {
  /** The file written, or that would be written. */
  path: string;
  /** Papers in it. */
  count: number;
  /** Papers the arXiv query matches in all, when arXiv says. */
  total?: number;
  /** False for `--dry-run`, and when there was nothing to write. */
  written: boolean;
}

/** How the fetch reaches the network; tests replace `http.fetch` and the clock. */
export interface FetchSourceOptions {
  http?: HttpOptions;
  /** arXiv results per request. */
  pageSize?: number;
  /** Told after each arXiv page. */
  onPage?: (fetched: number, wanted: number) => void;
}

/**
 * The fetch pipeline: ask → check the answer is what the importer reads → write it atomically.
 * A day or query with no papers writes nothing.
 */
export async function fetchSource(request: SourceRequest, options: FetchSourceOptions = {}): Promise<FetchedSource> {
  const { text, count, total } =
    request.source === 'hf'
      ? { ...(await fetchHfDaily(request.date, options.http)), total: undefined }
      : await fetchArxiv(request, options);
  const name = request.source === 'hf' ? hfSourceName(request.date) : arxivSourceName(request.date, request);
  const path = join(request.out, name);
  const written = count > 0 && !request.dryRun;
  if (written) await writeFileAtomic(path, text);
  return { path, count, total, written };
}
