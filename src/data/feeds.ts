import type { APIRoute } from 'astro';
import { buildFeeds, type Feeds } from '../lib/feeds.ts';
import { listKey } from '../lib/page-key.ts';
import type { Paper } from '../lib/paper-schema.ts';
import type { Topic } from '../lib/topics.ts';
import { absolute, page, paperUrl, topicUrl } from '../lib/urls.ts';
import { settings } from '../settings.ts';
import { loadDigest } from './digest.ts';

const types = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' } as const;
export type FeedKind = keyof typeof types;

const built = new Map<string, Promise<Feeds>>();

/** The three feeds of the whole site (`folder` empty) or of one topic (`topics/<id>/`), built once for all three endpoints. */
function feedsFor(folder: string, papers: Paper[], topic?: Topic): Promise<Feeds> {
  let feeds = built.get(folder);
  if (!feeds) built.set(folder, (feeds = buildFeedsFor(folder, papers, topic)));
  return feeds;
}

async function buildFeedsFor(folder: string, papers: Paper[], topic?: Topic): Promise<Feeds> {
  const digest = await loadDigest();
  return buildFeeds({
    title: topic ? `${settings.title} — ${topic.name}` : settings.title,
    description: topic?.description || settings.description,
    siteUrl: absolute(page(folder)),
    feedUrls: {
      rss: absolute(page(`${folder}rss.xml`)),
      atom: absolute(page(`${folder}atom.xml`)),
      json: absolute(page(`${folder}feed.json`)),
    },
    papers,
    topicsById: digest.topicById,
    urlOf: (p) => absolute(paperUrl(p.slug)),
    topicUrlOf: (id) => absolute(topicUrl(id)),
    lang: settings.lang,
  });
}

/** An endpoint for one kind of the site's feeds. */
export function siteFeed(kind: FeedKind): APIRoute {
  return async () => {
    const digest = await loadDigest();
    const feeds = await feedsFor('', digest.papers);
    return new Response(feeds[kind], { headers: { 'content-type': `${types[kind]}; charset=utf-8` } });
  };
}

/** An endpoint for one kind of a topic's feeds; the topic comes in the props. */
export function topicFeed(kind: FeedKind): APIRoute {
  return async ({ props }) => {
    const { topic } = props as { topic: Topic };
    const digest = await loadDigest();
    const feeds = await feedsFor(`topics/${topic.id}/`, digest.byTopic.get(topic.id) ?? [], topic);
    return new Response(feeds[kind], { headers: { 'content-type': `${types[kind]}; charset=utf-8` } });
  };
}

let topicKeys: Map<string, string> | undefined;

/**
 * Static paths for per-topic endpoints (feeds, BibTeX): one per topic. Their keys are made once
 * for all four endpoints; the paths are made anew for each, as Astro keeps its own.
 */
export async function topicPaths() {
  const digest = await loadDigest();
  const keys = (topicKeys ??= new Map(
    digest.topics.map((t) => [t.id, listKey(digest.byTopic.get(t.id) ?? [], digest.topics, { topic: t })]),
  ));
  return digest.topics.map((topic) => ({
    params: { topic: topic.id },
    props: { topic },
    cacheKey: keys.get(topic.id),
  }));
}
