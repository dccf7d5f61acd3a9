import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import slugify from '@sindresorhus/slugify';
import { classify, compileTaxonomy, taxonomySchema, type TopicMatcher } from '../../../src/lib/topics.ts';

/** The taxonomy, compiled; a bad file is one error naming the file and the field. */
export async function loadTaxonomy(path: string): Promise<TopicMatcher[]> {
  let data: unknown;
  try {
    data = parse(await readFile(path, 'utf8')) ?? [];
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const result = taxonomySchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${path}: topic ${issue.path.join('.')}: ${issue.message}`);
  }
  try {
    return compileTaxonomy(result.data);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Topics for a new paper: the ones its source names that the taxonomy knows, then the rules' picks. */
export function assignTopics(
  matchers: TopicMatcher[],
  paper: { title: string; abstract?: string; sourceTopics: string[] },
): string[] {
  const known = new Map<string, string>();
  for (const { topic } of matchers) {
    known.set(topic.id, topic.id);
    known.set(slugify(topic.name), topic.id);
  }
  const fromSource = paper.sourceTopics.map((name) => known.get(slugify(name))).filter((id): id is string => !!id);
  return [...new Set([...fromSource, ...classify(matchers, paper)])];
}
