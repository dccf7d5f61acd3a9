import { FetchError, preview } from './errors.ts';
import { getText, type HttpOptions } from './http.ts';

/** Hugging Face's daily papers endpoint; `?date=YYYY-MM-DD` picks the day. */
export const hfDailyEndpoint = 'https://huggingface.co/api/daily_papers';

/** `https://huggingface.co/api/daily_papers?date=2025-03-12` */
export function hfDailyUrl(date: string): string {
  return `${hfDailyEndpoint}?${new URLSearchParams({ date })}`;
}

/** `2025-03-12-hf.json`: the importer's hf-daily parser takes the digest day from the name. */
export function hfSourceName(date: string): string {
  return `${date}-hf.json`;
}

/** How many papers a daily-papers body lists; throws a one-line FetchError when it is not that list. */
export function countDailyPapers(body: string): number {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new FetchError(`huggingface.co answered with something other than JSON: ${preview(body)}`);
  }
  if (!Array.isArray(value))
    throw new FetchError(`huggingface.co answered with JSON that is not a list of daily papers: ${preview(body)}`);
  const bad = value.findIndex(
    (item) => typeof item !== 'object' || item === null || typeof (item as { paper?: unknown }).paper !== 'object',
  );
  if (bad >= 0) throw new FetchError(`huggingface.co answered with a list whose item ${bad + 1} is not a daily paper`);
  return value.length;
}

/**
 * The daily papers of one day, as Hugging Face sent them (written byte for byte), and how many there are.
 *
 * @example const { text, count } = await fetchHfDaily('2025-03-12');
 */
export async function fetchHfDaily(date: string, http: HttpOptions = {}): Promise<{ text: string; count: number }> {
  const text = await getText(hfDailyUrl(date), 'application/json', http);
  return { text, count: countDailyPapers(text) };
}
