import { z } from 'zod';

/** One topic of the taxonomy. */
export const topicSchema = z
  .object({
    /** URL segment and the value entries store, e.g. `mixture-of-experts`. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase ASCII words joined by hyphens'),
    /** Display name. */
    name: z.string().min(1),
    /** One line saying what belongs here. */
    description: z.string().default(''),
    /** Case-insensitive regular expressions tried on title and abstract. */
    match: z.array(z.string()).default([]),
    /** Expressions that veto the topic when they match. */
    exclude: z.array(z.string()).default([]),
    /** Points needed: a title hit scores 2, an abstract hit 1. */
    threshold: z.number().int().positive().default(2),
  })
  .strict();

/** The taxonomy file: a list of topics. */
export const taxonomySchema = z.array(topicSchema).superRefine((topics, ctx) => {
  const seen = new Set<string>();
  topics.forEach((t, i) => {
    if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate topic id "${t.id}"` });
    seen.add(t.id);
  });
});

export type Topic = z.output<typeof topicSchema>;

/** A topic with its rules compiled once. */
export interface TopicMatcher {
  topic: Topic;
  match: RegExp[];
  exclude: RegExp[];
}

/** Compiles the taxonomy's rules; an invalid expression names its topic. */
export function compileTaxonomy(topics: Topic[]): TopicMatcher[] {
  const compile = (topic: Topic, source: string) => {
    try {
      return new RegExp(source, 'iu');
    } catch (error) {
      throw new Error(`topic "${topic.id}": invalid match rule /${source}/: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  return topics.map((topic) => ({
    topic,
    match: topic.match.map((s) => compile(topic, s)),
    exclude: topic.exclude.map((s) => compile(topic, s)),
  }));
}

/** Most topics a paper gets from the rules. */
export const maxTopicsPerPaper = 3;

/** Topic ids whose rules a paper's title and abstract satisfy, best first. */
export function classify(matchers: TopicMatcher[], paper: { title: string; abstract?: string }): string[] {
  const abstract = paper.abstract ?? '';
  const scored: { id: string; score: number; order: number }[] = [];
  matchers.forEach(({ topic, match, exclude }, order) => {
    const text = `${paper.title}\n${abstract}`;
    if (exclude.some((re) => re.test(text))) return;
    const score = match.reduce((sum, re) => sum + (re.test(paper.title) ? 2 : re.test(abstract) ? 1 : 0), 0);
    if (score >= topic.threshold) scored.push({ id: topic.id, score, order });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, maxTopicsPerPaper)
    .map((s) => s.id);
}
