import type { APIRoute } from 'astro';
import { topicPaths } from '../../../data/feeds.ts';
import { loadDigest } from '../../../data/digest.ts';
import { cardResponse, whenCards } from '../../../data/cards.ts';
import { topicCard } from '../../../lib/site-cards.ts';
import type { Topic } from '../../../lib/topics.ts';
import { settings } from '../../../settings.ts';

export const getStaticPaths = whenCards(topicPaths);

export const GET: APIRoute = async ({ props }) => {
  const { topic } = props as { topic: Topic };
  const count = (await loadDigest()).byTopic.get(topic.id)?.length ?? 0;
  return cardResponse(topicCard(topic, count, settings.title));
};
