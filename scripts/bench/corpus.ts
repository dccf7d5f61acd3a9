import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { authorPool, pickAuthors } from './people.ts';
import { int, pick, seededFor, skewed, type Random } from './prng.ts';
import { benchTopics, type BenchTopic } from './taxonomy.ts';
import { buildTextModel, paragraph, sampleAbstracts, titlePhrase, type TextModel } from './text-model.ts';

/** Papers on each digest day, as on Hugging Face's Daily Papers. */
export const papersPerDay = 50;
/** The corpus's first digest day; day k is `k` days later. */
const firstDay = Date.UTC(2019, 0, 1);

/** Sentences that carry a topic's phrase into an abstract. */
const carriers = [
  'We study {p} in a setting where prior methods fall short.',
  'Our approach builds on recent advances in {p}.',
  'Experiments on standard {p} benchmarks show consistent gains.',
  'This raises the question of how {p} scales with model size.',
  'Unlike earlier work on {p}, our method needs no extra supervision.',
  'We release code and data to support further research on {p}.',
];

/** What generation reads once: the text model, the author pool and the topics. */
export interface CorpusSources {
  model: TextModel;
  authors: string[];
  topics: BenchTopic[];
}

/** Loads the text model from the real sample abstracts of a pasted listing. */
export function corpusSources(listingPath: string): CorpusSources {
  return { model: buildTextModel(sampleAbstracts(listingPath)), authors: authorPool(), topics: benchTopics };
}

/** The digest day (YYYY-MM-DD) of paper `index`. */
export function dayOfPaper(index: number): string {
  return new Date(firstDay + Math.floor(index / papersPerDay) * 86_400_000).toISOString().slice(0, 10);
}

/** A topic's phrase inside a carrier sentence. */
const carry = (random: Random, phrase: string) => pick(random, carriers).replace('{p}', phrase);

/** Paper `index` as one item of Hugging Face's `/api/daily_papers` JSON; the same index gives the same paper. */
export function generatePaper(index: number, sources: CorpusSources): Record<string, unknown> {
  const random = seededFor(1, index);
  const { model, topics } = sources;
  const primary = topics[skewed(random, topics.length, 1.6)];
  const others = Array.from({ length: int(random, 0, 2) }, () => pick(random, topics)).filter((t) => t !== primary);
  const acronym =
    random() < 0.5
      ? `${titlePhrase(random, model, 1)
          .slice(0, int(random, 3, 6))
          .toUpperCase()}: `
      : '';
  const title = `${acronym}${titlePhrase(random, model, int(random, 3, 7))} for ${titleCase(primary.phrases[0])}`;
  const inserts = [carry(random, primary.phrases[1]), ...others.flatMap((t) => t.phrases.map((p) => carry(random, p)))];
  const summary = paragraph(random, model, int(random, 950, 1750) - inserts.join(' ').length, inserts);
  const day = dayOfPaper(index);
  const id = `${day.slice(2, 4)}${day.slice(5, 7)}.${String(index % 100_000).padStart(5, '0')}`;
  const published = new Date(Date.parse(day) - int(random, 1, 5) * 86_400_000).toISOString();
  const paper: Record<string, unknown> = {
    id,
    authors: pickAuthors(random, sources.authors, int(random, 2, 8)).map((name) => ({ name, hidden: false })),
    publishedAt: published,
    submittedOnDailyAt: `${day}T08:00:00.000Z`,
    title,
    summary,
  };
  if (random() < 0.65) paper.upvotes = Math.floor(Math.exp(random() * 5.5)) - 1;
  if (random() < 0.3) paper.githubRepo = `https://github.com/bench-lab/${id.replace('.', '-')}`;
  return { paper, publishedAt: published, title, numComments: int(random, 0, 6) };
}

/** Title case for a topic phrase inside a title. */
function titleCase(phrase: string): string {
  return phrase.replace(/(^|[\s-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** Writes papers [from, to) as one `YYYY-MM-DD.json` per digest day into `dir`; returns the files written. */
export async function writeCorpus(dir: string, from: number, to: number, sources: CorpusSources): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const days = new Map<string, Record<string, unknown>[]>();
  for (let i = from; i < to; i++) {
    const day = dayOfPaper(i);
    const list = days.get(day) ?? [];
    list.push(generatePaper(i, sources));
    days.set(day, list);
  }
  const files: string[] = [];
  for (const [day, items] of days) {
    const file = join(dir, `${day}.json`);
    await writeFile(file, `${JSON.stringify(items, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
