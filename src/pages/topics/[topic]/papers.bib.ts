import type { APIRoute } from 'astro';
import { topicPaths } from '../../../data/feeds.ts';
import { loadDigest } from '../../../data/digest.ts';
import { bibResponse } from '../../../data/bib.ts';
import type { Topic } from '../../../lib/topics.ts';

export const getStaticPaths = topicPaths;

export const GET: APIRoute = async ({ props }) => {
  const { topic } = props as { topic: Topic };
  return bibResponse((await loadDigest()).byTopic.get(topic.id) ?? []);
};
