import { basename } from 'node:path';
import matter from 'gray-matter';
import { CORE_SCHEMA, load } from 'js-yaml';
import { Document, isScalar, parse, visit } from 'yaml';
import { paperKeyOrder, type PaperInput } from './paper-schema.ts';

/**
 * YAML 1.2 core schema: js-yaml first (six times faster on 10k entries, and the same data for every
 * one); `yaml` for what js-yaml refuses but `yaml` reads, such as a control character pasted into
 * a hand-edited entry, and for the error message when neither can.
 */
function readYaml(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return parse(text, { schema: 'core' });
  }
}

/**
 * YAML for frontmatter. Reading uses the YAML 1.2 core schema, so `date: 2025-03-12` stays a string.
 * Writing uses `yaml` with YAML 1.1 quoting, so no reader sees a date, a boolean or a number where
 * we meant text.
 */
const yamlEngine = {
  parse: (text: string) => (readYaml(text) ?? {}) as object,
  stringify: (data: object) => {
    const doc = new Document(data, { schema: 'yaml-1.1' });
    visit(doc, {
      // YAML 1.2 reads `0o17` as a number; YAML 1.1 has no such form, so it would be written plain.
      Scalar: (_key, node) => {
        // js-yaml refuses U+FFFE/U+FFFF written raw; double quotes escape them.
        if (isScalar(node) && typeof node.value === 'string' && /^[-+]?0o[0-7]+$|[\uFFFE\uFFFF]/i.test(node.value)) {
          node.type = 'QUOTE_DOUBLE';
        }
      },
    });
    return doc.toString({ lineWidth: 0, minContentWidth: 0 });
  },
};

/** An entry file split into its frontmatter data and the curator's body, byte for byte. */
export function parseEntry(text: string): { data: Record<string, unknown>; body: string } {
  // Passing options turns off gray-matter's cache, which would keep every file in memory.
  const file = matter(text, { engines: { yaml: yamlEngine }, language: 'yaml' });
  return { data: file.data, body: file.content };
}

/** Entry files: `.mdx` (or `.md`). */
export const entryFile = /\.mdx?$/;

/**
 * An entry's data with the slug it was created with among its aliases: the file is named after
 * it, so when the curator renames the slug, the old permalink redirects. The entry's own slug is
 * never one of its aliases (a slug renamed back would redirect to itself); aliases that are not a
 * list are left for the schema to name.
 */
export function withFileAlias(data: Record<string, unknown>, path: string): Record<string, unknown> {
  if (data.aliases !== undefined && !Array.isArray(data.aliases)) return data;
  const born = basename(path).replace(entryFile, '');
  const aliases = new Set([...((data.aliases as unknown[] | undefined) ?? []), born]);
  aliases.delete(data.slug);
  return aliases.size ? { ...data, aliases: [...aliases] } : data;
}

/** What gray-matter hands a YAML engine that is not asked to read anything. */
const skipYaml = { parse: () => ({}), stringify: () => '' };

/** An entry's body alone, split exactly as `parseEntry` splits it, without reading the YAML. */
export function entryBody(text: string): string {
  return matter(text, { engines: { yaml: skipYaml }, language: 'yaml' }).content;
}

/** Empty values are left out so entries stay short. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/** Frontmatter data in the schema's key order, empty values dropped. */
export function orderedData(data: PaperInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of paperKeyOrder) {
    const value = data[key];
    if (isEmpty(value)) continue;
    out[key] =
      key === 'links' ? Object.fromEntries(Object.entries(value as object).filter(([, v]) => !isEmpty(v))) : value;
  }
  return out;
}

/** The text of an entry file: frontmatter, then the body exactly as given. */
export function serializeEntry(data: PaperInput, body: string): string {
  return `---\n${yamlEngine.stringify(orderedData(data))}---\n${body}`;
}
