import type { Card } from './og-card.ts';
import type { Paper } from './paper-schema.ts';
import type { Topic } from './topics.ts';
import { formatDay } from './dates.ts';
import { plural } from './format.ts';
import { plainText } from './math.ts';

/** The social card of a paper: its title, its topics above, the site and day below. */
export function paperCard(paper: Paper, topics: Topic[], siteTitle: string): Card {
  return {
    kind: 'paper',
    title: plainText(paper.title),
    eyebrow: topics.map((t) => t.name).join(' · ') || 'Paper',
    footer: `${siteTitle} · ${formatDay(paper.date)}`,
  };
}

/** The social card of a digest day. */
export function dayCard(day: string, count: number, siteTitle: string): Card {
  return { kind: 'day', title: formatDay(day), eyebrow: `Digest · ${plural(count, 'paper')}`, footer: siteTitle };
}

/** The social card of a topic. */
export function topicCard(topic: Topic, count: number, siteTitle: string): Card {
  return { kind: 'topic', title: topic.name, eyebrow: `Topic · ${plural(count, 'paper')}`, footer: siteTitle };
}
