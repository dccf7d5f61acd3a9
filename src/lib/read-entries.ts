import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseEntry } from './entry-file.ts';
import { listFilesSync } from './files.ts';
import { paperSchema, type Paper } from './paper-schema.ts';
import { taxonomySchema, type Topic } from './topics.ts';

/** A paper read straight from its entry file, with the curator's body. */
export interface PaperOnDisk {
  paper: Paper;
  body: string;
}

/**
 * The entries and the taxonomy read from disk, outside Astro: what the dev-server search index
 * and the social cards are made from. Entries that do not parse are left to the site build, which
 * reports them.
 */
export function readEntries(papersDir: string, topicsFile: string): { papers: PaperOnDisk[]; topics: Topic[] } {
  const topics = taxonomySchema.parse(parse(readFileSync(topicsFile, 'utf8')) ?? []);
  const papers: PaperOnDisk[] = [];
  for (const path of listFilesSync(papersDir, /\.mdx?$/)) {
    try {
      const { data, body } = parseEntry(readFileSync(path, 'utf8'));
      const paper = paperSchema.safeParse(data);
      if (paper.success) papers.push({ paper: paper.data, body });
    } catch {
      // Broken YAML: the site build names the file.
    }
  }
  return { papers, topics };
}
