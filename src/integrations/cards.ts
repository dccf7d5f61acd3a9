import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildDigest } from '../lib/digest.ts';
import { cachedCardFile, type Card } from '../lib/og-card.ts';
import { readEntries } from '../lib/read-entries.ts';
import { dayCard, paperCard, topicCard } from '../lib/site-cards.ts';
import type { Settings } from '../settings.ts';

/** Cards are kept across builds by content hash, so an unchanged page costs no drawing. */
const cacheDir = '.cache/og';
/** Cards drawn at once: sharp draws on its own threads. */
const parallel = 4;

/** Every social card of the site and where it goes in the build (`papers/<slug>/og.png` …). */
export function siteCards(settings: Settings): [string, Card][] {
  const { papers, topics } = readEntries(settings.papersDir, settings.topicsFile);
  const digest = buildDigest(
    papers.map((p) => p.paper),
    topics,
  );
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

/** Puts each card in the build: a hard link to the cached PNG (a copy across file systems), drawn first when new. */
export async function writeCards(dir: string, settings: Settings, logger: AstroIntegrationLogger): Promise<void> {
  const jobs = siteCards(settings);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [path, card] = jobs[next++];
      const source = await cachedCardFile(card, cacheDir);
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await rm(target, { force: true });
      await link(source, target).catch(() => copyFile(source, target));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  logger.info(`${jobs.length} social cards`);
}

/** Social cards (Open Graph PNGs) for every paper, day and topic, written after the pages. */
export function cardsIntegration(settings: Settings): AstroIntegration {
  return {
    name: 'paperboy:cards',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (settings.cards) await writeCards(fileURLToPath(dir), settings, logger);
      },
    },
  };
}
