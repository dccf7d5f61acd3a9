import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { entryFile, parseEntry, withFileAlias } from './entry-file.ts';
import { fileStamp, listFilesSync, sameStamp, type FileStamp } from './files.ts';
import { paperSchema, type Paper } from './paper-schema.ts';
import { taxonomySchema, type Topic } from './topics.ts';

/** A paper read straight from its entry file, with the curator's body. */
export interface PaperOnDisk {
  paper: Paper;
  body: string;
}

/** The entries read from disk, the taxonomy, and what is wrong with the entries that could not be read. */
export interface EntriesRead {
  papers: PaperOnDisk[];
  topics: Topic[];
  /** One line per problem, naming the file and the field: `file: field "date": not a real calendar day`. */
  problems: string[];
}

/** The papers without their bodies, and the problems: what a build's first thread hands the pages. */
export interface PapersRead {
  papers: Paper[];
  problems: string[];
}

/** The taxonomy, read from disk outside Astro. */
export function readTopics(topicsFile: string): Topic[] {
  return taxonomySchema.parse(parse(readFileSync(topicsFile, 'utf8')) ?? []);
}

/** An entry file's frontmatter, as YAML reads it, and its body, read when the file had `stamp`. */
export interface ParsedEntry {
  data: Record<string, unknown>;
  body: string;
  stamp?: FileStamp;
}

/** One entry file's paper and body, or what is wrong with it; `file` is its path as shown. */
export function readEntry(text: string, file: string): PaperOnDisk | string {
  let parsed;
  try {
    parsed = parseEntry(text);
  } catch (error) {
    return `${file}: the frontmatter is not valid YAML: ${(error as Error).message.split('\n')[0]}`;
  }
  return checkEntry(parsed, file);
}

/** An entry's paper, or what is wrong with it, from its parsed frontmatter and body. */
function checkEntry(parsed: ParsedEntry, file: string): PaperOnDisk | string {
  const paper = paperSchema.safeParse(withFileAlias(parsed.data, file));
  if (paper.success) return { paper: paper.data, body: parsed.body };
  // A field's first problem only: a day like "soon" is both not YYYY-MM-DD and not a real day.
  const fields = new Map<string, string>();
  for (const { path: at, message } of paper.error.issues) {
    const field = at.join('.') || 'frontmatter';
    if (!fields.has(field)) fields.set(field, `field "${field}": ${message}`);
  }
  return `${file}: ${[...fields.values()].join('; ')}`;
}

/**
 * Records the slugs an entry file answers to in `owners` (slug → file); returns the first one
 * another file has already, as `file: slug "x" is also used by other-file`.
 */
export function claimSlugs(owners: Map<string, string>, file: string, slugs: string[]): string | undefined {
  for (const slug of slugs) {
    const other = owners.get(slug);
    if (other !== undefined) return `${file}: slug "${slug}" is also used by ${other}`;
    owners.set(slug, file);
  }
  return undefined;
}

/**
 * The entries and the taxonomy read from disk, outside Astro: what a build's pages, search index
 * and social cards are made from, and the dev server's search index. An entry that cannot be read
 * is left out and named in `problems`, as is a slug two entries share; a build stops on them
 * (`papers-loader.ts`). `parsed` holds entries already parsed, by absolute path (the import in the
 * same build read them all): those whose file has not changed since are not read again.
 */
export function readEntries(
  papersDir: string,
  topicsFile: string,
  parsed?: ReadonlyMap<string, ParsedEntry>,
): EntriesRead {
  const topics = readTopics(topicsFile);
  const papers: PaperOnDisk[] = [];
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const path of listFilesSync(papersDir, entryFile)) {
    const file = relative(process.cwd(), path);
    const known = parsed?.get(resolve(path));
    const entry =
      known && sameStamp(known.stamp, fileStamp(path))
        ? checkEntry(known, file)
        : readEntry(readFileSync(path, 'utf8'), file);
    if (typeof entry === 'string') {
      problems.push(entry);
      continue;
    }
    papers.push(entry);
    const clash = claimSlugs(owners, file, [entry.paper.slug, ...(entry.paper.aliases ?? [])]);
    if (clash) problems.push(clash);
  }
  return { papers, topics, problems };
}
