import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { settings } from './settings.ts';
import { filesWithNotes, papersLoader } from './loaders/papers-loader.ts';
import { topicSchema } from './lib/topics.ts';

/** Every paper, as data: the frontmatter of each entry under content/papers/. */
const papers = defineCollection({ loader: papersLoader(settings.papersDir) });

/** The curator's notes: the MDX bodies of the entries that have one, keyed by entry path. */
const notes = defineCollection({
  loader: glob({
    pattern: filesWithNotes(settings.papersDir),
    base: settings.papersDir,
    generateId: ({ data }) => String(data.slug),
  }),
  schema: z.object({ slug: z.string() }).passthrough(),
});

/** The taxonomy: content/topics.yaml. */
const topics = defineCollection({ loader: file(settings.topicsFile), schema: topicSchema });

/** Optional editor's intro for a digest day: content/digests/YYYY-MM-DD.mdx. */
const digests = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: 'content/digests' }),
  schema: z.object({ title: z.string().optional() }),
});

export const collections = { papers, notes, topics, digests };
