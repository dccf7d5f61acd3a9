import { readEntries, type PaperOnDisk } from '../lib/read-entries.ts';
import type { Topic } from '../lib/topics.ts';
import type { Settings } from '../settings.ts';

let read: { papers: PaperOnDisk[]; topics: Topic[] } | undefined;

/** The entries as a build sees them: read once per thread that works from them, shared by its tasks. */
export function buildEntries(settings: Settings): { papers: PaperOnDisk[]; topics: Topic[] } {
  read ??= readEntries(settings.papersDir, settings.topicsFile);
  return read;
}
