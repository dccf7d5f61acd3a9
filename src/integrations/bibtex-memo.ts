import { fileURLToPath } from 'node:url';
import { bibtexDigest, bibtexEntry, type MadeEntries } from '../lib/citation.ts';
import { codeHash, readTextIfAny, writeFileAtomic } from '../lib/files.ts';
import type { Paper } from '../lib/paper-schema.ts';

/**
 * The papers' BibTeX entries of the last build, by what each was made from, so that a build makes
 * only the entries of papers that are new or changed (citation-js takes ~0.2 ms a paper: 10k
 * papers, 2 s of a day's build that the topic files, each listing all of a topic's papers, would
 * otherwise spend on papers that did not change).
 */
export const bibtexMemoFile = '.cache/bibtex.json';

/** Each paper's entry at its URL, from the memo where the paper and the code are unchanged; the memo is then rewritten. */
export async function madeEntries(
  papers: Paper[],
  urlOf: (paper: Paper) => string,
  file = bibtexMemoFile,
): Promise<MadeEntries> {
  // The site's libraries and the locked packages write an entry.
  const version = codeHash(fileURLToPath(new URL('../../', import.meta.url)), ['src/lib'], ['package-lock.json']);
  let last = new Map<string, string>();
  try {
    const saved = JSON.parse(readTextIfAny(file) ?? '{}') as { version?: string; entries?: [string, string][] };
    if (saved.version === version) last = new Map(saved.entries);
  } catch {
    // No memo, or a damaged one: every entry is made again.
  }
  const next = new Map<string, string>();
  const made: MadeEntries = papers.map((paper) => {
    const url = urlOf(paper);
    const digest = bibtexDigest(paper, url);
    const text = last.get(digest) ?? bibtexEntry(paper, url);
    next.set(digest, text);
    return [paper.slug, [digest, text]];
  });
  await writeFileAtomic(file, JSON.stringify({ version, entries: [...next] }));
  return made;
}
