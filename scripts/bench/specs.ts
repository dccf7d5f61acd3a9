import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusSpec } from './bench-corpus.ts';
import { papersPerDay, writeCorpus, type CorpusSources } from './corpus.ts';
import { taxonomyYaml } from './taxonomy.ts';

/** A generated corpus of `papers` papers (50 a day, 60 topics), plus one more day for the incremental run. */
export function syntheticSpec(papers: number, sources: CorpusSources): CorpusSpec {
  const nextDay = Math.ceil(papers / papersPerDay) * papersPerDay;
  return {
    label: `synthetic-${papers}`,
    topicsYaml: taxonomyYaml(sources.topics),
    writeSources: (dir) => writeCorpus(dir, 0, papers, sources),
    addDay: (dir) => writeCorpus(dir, nextDay, nextDay + papersPerDay, sources),
    query: 'diffusion',
  };
}

/** The real corpora in `../shared/data` worth building, each with a query its papers answer. */
const realCorpora: { folder: string; query: string }[] = [
  { folder: 'hf-daily-papers', query: 'diffusion' },
  { folder: 'daily-arxiv-ai-enhanced', query: 'diffusion' },
  { folder: 'cv-arxiv-daily', query: 'localization' },
  // bibtex-cdl is left out: one record has no date, so its import fails the build without `--date`.
];

/** Each real corpus as it ships, imported with the repository's own taxonomy. */
export async function realSpecs(repo: string, dataDir: string): Promise<CorpusSpec[]> {
  const topicsYaml = await readFile(join(repo, 'content', 'topics.yaml'), 'utf8');
  return realCorpora.map(({ folder, query }) => ({
    label: `real-${folder}`,
    topicsYaml,
    writeSources: (dir) => cp(join(dataDir, folder), join(dir, folder), { recursive: true }),
    query,
  }));
}
