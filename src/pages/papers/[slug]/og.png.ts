import type { GetStaticPaths } from 'astro';
import { loadDigest } from '../../../data/digest.ts';
import { cardRoute, whenCards } from '../../../data/cards.ts';
import { paperCard } from '../../../lib/site-cards.ts';
import { settings } from '../../../settings.ts';

export const getStaticPaths = whenCards(async () => {
  const digest = await loadDigest();
  return digest.papers.map((paper) => {
    const topics = paper.topics.map((id) => digest.topicById.get(id)).filter((t) => t !== undefined);
    return { params: { slug: paper.slug }, props: { card: paperCard(paper, topics, settings.title) } };
  });
}) satisfies GetStaticPaths;

export const GET = cardRoute;
