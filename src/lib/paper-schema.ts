import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD`, that exists. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a real calendar day',
  );

/** Only http(s) links are ever kept: `javascript:` and `data:` URLs are dropped. */
export const httpUrl = z.string().regex(/^https?:\/\/[^\s<>"]+$/i, 'expected an http(s) URL');

/** A URL segment: lowercase ASCII words joined by hyphens. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lowercase ASCII words joined by hyphens');

/** Links about a paper, each optional. */
export const linksSchema = z
  .object({
    /** The abstract page, e.g. on arXiv. */
    abs: httpUrl.optional(),
    /** The PDF. */
    pdf: httpUrl.optional(),
    /** Source code repository. */
    code: httpUrl.optional(),
    /** Project page. */
    project: httpUrl.optional(),
    /** The paper's Hugging Face page. */
    hf: httpUrl.optional(),
  })
  .strict();

/** The frontmatter of one paper entry: every imported fact plus the curator's switches. */
export const paperSchema = z
  .object({
    /** Identity: `arxiv:<id without version>`, `doi:<doi>`, or `title:<hash>`. */
    id: z.string().min(1),
    /** The permalink segment: readable, ASCII, unique; frozen once written. */
    slug: slugSchema,
    /** Title as plain text; `$…$` math is kept for rendering. */
    title: z.string().min(1),
    /** Authors in source order, "Given Family". */
    authors: z.array(z.string().min(1)).default([]),
    /** Abstract as plain text; absent for many bibliography records. */
    abstract: z.string().optional(),
    /** The digest day this paper appears on. */
    date: isoDay,
    /** The paper's own publication day, when a source gives it. */
    published: isoDay.optional(),
    /** Topic ids; set by the import from the taxonomy, the curator's edit wins. */
    topics: z.array(z.string().min(1)).default([]),
    /** Links, only http(s). */
    links: linksSchema.default({}),
    /** Upvotes on the source's list, where it counts them. */
    upvotes: z.number().int().nonnegative().optional(),
    /** Comment count on the source's page. */
    comments: z.number().int().nonnegative().optional(),
    /** Stars of the code repository. */
    stars: z.number().int().nonnegative().optional(),
    /** Thumbnail image URL. */
    thumbnail: httpUrl.optional(),
    /** Keywords from the source. */
    keywords: z.array(z.string().min(1)).optional(),
    /** One-line summary from the source. */
    summary: z.string().optional(),
    /** Organization that submitted the paper, where the source says. */
    organization: z.string().optional(),
    /** Where the facts came from: source file names. */
    sources: z.array(z.string()).default([]),
    /** Curator switch: keep the entry but leave it off the site. */
    hidden: z.boolean().optional(),
    /** Curator switch: show the paper first on its day. */
    featured: z.boolean().optional(),
    /** Earlier slugs of this paper: their URLs redirect to the current one, so shared links keep working. */
    aliases: z.array(slugSchema).optional(),
  })
  .strict();

/** A paper entry as written in frontmatter. */
export type PaperInput = z.input<typeof paperSchema>;
/** A validated paper entry. */
export type Paper = z.output<typeof paperSchema>;

/** Frontmatter keys in the order entries are written, so files diff cleanly. */
export const paperKeyOrder = Object.keys(paperSchema.shape) as (keyof Paper)[];
