import { readEntries, readTopics, type EntriesRead, type ParsedEntry } from '../lib/read-entries.ts';
import type { Paper } from '../lib/paper-schema.ts';
import type { Topic } from '../lib/topics.ts';
import type { Settings } from '../settings.ts';

let read: EntriesRead | undefined;
let parsed: ReadonlyMap<string, ParsedEntry> | undefined;
let given: Paper[] | undefined;
let papersRead: { papers: Paper[]; topics: Topic[] } | undefined;

/** The entries as a build sees them: read once per thread that works from them, shared by its tasks. */
export function buildEntries(settings: Settings): EntriesRead {
  read ??= readEntries(settings.papersDir, settings.topicsFile, parsed);
  parsed = undefined;
  return read;
}

/** Entries the import on this thread parsed and left as they are: not read again (~1 s at 12k papers). */
export function giveParsedEntries(entries: ReadonlyMap<string, ParsedEntry>): void {
  parsed = entries;
}

/** Papers another thread has read (~1 s at 10k papers), for this thread's `buildPapers`. */
export function givePapers(papers: Paper[]): void {
  given = papers;
}

/** The papers without their bodies, and the taxonomy: what the tasks other than the index need. */
export function buildPapers(settings: Settings): { papers: Paper[]; topics: Topic[] } {
  if (papersRead) return papersRead;
  if (given) return (papersRead = { papers: given, topics: readTopics(settings.topicsFile) });
  const { papers, topics } = buildEntries(settings);
  return (papersRead = { papers: papers.map((p) => p.paper), topics });
}
