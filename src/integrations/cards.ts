import { existsSync } from 'node:fs';
import { copyFile, link, lstat, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildDigest } from '../lib/digest.ts';
import { inBatches } from '../lib/files.ts';
import { cachedCardFile, type Card } from '../lib/og-card.ts';
import { dayCard, paperCard, topicCard } from '../lib/site-cards.ts';
import type { Settings } from '../settings.ts';
import { buildPapers } from './build-entries.ts';
import { buildWork, forgetBuildWork } from './build-work.ts';

/** Cards are kept across builds by content hash, so an unchanged page costs no drawing. */
const cacheDir = '.cache/og';
/** Cards drawn at once: sharp draws on its own threads. */
const parallel = 4;

/** Every social card of the site and where it goes in the build (`papers/<slug>/og.png` …). */
export function siteCards(settings: Settings): [string, Card][] {
  const { papers, topics } = buildPapers(settings);
  const digest = buildDigest(papers, topics);
  return [
    ...digest.papers.map((paper): [string, Card] => {
      const named = paper.topics.map((id) => digest.topicById.get(id)).filter((t) => t !== undefined);
      return [`papers/${paper.slug}/og.png`, paperCard(paper, named, settings.title)];
    }),
    ...digest.days.map((d): [string, Card] => [
      `${d.key.split('-').join('/')}/og.png`,
      dayCard(d.key, d.papers.length, settings.title),
    ]),
    ...digest.topics.map((t): [string, Card] => [
      `topics/${t.id}/og.png`,
      topicCard(t, digest.byTopic.get(t.id)?.length ?? 0, settings.title),
    ]),
  ];
}

/** Each card's place in the build and its file in the cache, drawn first when new. */
export async function drawCards(settings: Settings): Promise<[string, string][]> {
  const jobs = siteCards(settings);
  const cached = new Set(await readdir(cacheDir).catch(() => []));
  // In the jobs' order (papers, days, topics), whichever is drawn first: `placeCards` reads the last.
  const files: [string, string][] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      files[i] = [jobs[i][0], await cachedCardFile(jobs[i][1], cacheDir, {}, cached)];
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return files;
}

/**
 * Links one card into the build; in a build made in the last one (`kept`), not when the last
 * build's link to the same cached PNG is there (a day's build at 10k papers keeps ~10k of them:
 * 0.7 s to link again). The folder is made and a stale file replaced only when the first try says so.
 */
async function placeCard(source: string, target: string, kept: boolean): Promise<void> {
  if (kept) {
    const [there, cached] = await Promise.all([lstat(target).catch(() => undefined), stat(source)]);
    if (there && there.ino === cached.ino && there.dev === cached.dev) return;
  }
  try {
    await link(source, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') await mkdir(dirname(target), { recursive: true });
    else if (code === 'EEXIST') await rm(target, { force: true });
    // Another file system cannot take a hard link: copy instead.
    await link(source, target).catch(() => copyFile(source, target));
  }
}

/**
 * Puts each card in the build: a hard link to the cached PNG, many at once (10k cards one by one
 * took 4 s); returns every card's file in the build, those already in place included.
 */
export async function placeCards(dir: string, files: [string, string][]): Promise<string[]> {
  const placing = files.map(([path, source]) => [source, join(dir, path)] as const);
  // The last card (a topic's or a day's) is there whenever the last build's cards are: checking
  // each card first would only cost a build from nothing (0.6 s at 10k papers).
  const kept = placing.length > 0 && existsSync(placing[placing.length - 1][1]);
  await inBatches(placing, ([source, target]) => placeCard(source, target, kept));
  return placing.map(([, target]) => target);
}

let placed: string[] = [];

/** The cards this build put in place: kept by `keep-build.ts`, though a card left in place was not written again. */
export const placedCards = (): string[] => placed;

/**
 * Social cards (Open Graph PNGs) for every paper, day and topic: drawn while Astro renders the pages
 * (on a worker thread; sharp draws on its own threads), placed in the build when the pages are done.
 */
export function cardsIntegration(settings: Settings): AstroIntegration {
  let drawing: Promise<[string, string][]> | undefined;
  return {
    name: 'paperboy:cards',
    hooks: {
      'astro:config:setup': ({ command }) => {
        placed = [];
        if (command === 'build') drawing = buildWork(settings).cards;
      },
      'astro:build:done': async ({ dir, logger }) => {
        forgetBuildWork();
        if (!drawing) return;
        const files = await drawing;
        placed = await placeCards(fileURLToPath(dir), files);
        logger.info(`${files.length} social cards`);
      },
    },
  };
}
