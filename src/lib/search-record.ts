import { escapeUTF8 as escapeHtml } from 'entities';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Paper } from './paper-schema.ts';
import { plainText } from './math.ts';
import { searchFields, type SearchFields } from './search-fields.ts';
import { squash } from './text.ts';

/** A paper page as Pagefind reads it: its URL under the site's base, and the HTML of what it indexes. */
export interface SearchPage {
  url: string;
  content: string;
}

/** Block-level Markdown nodes: their words must not run into the next block's. */
const blockTypes = new Set([
  'paragraph',
  'heading',
  'listItem',
  'blockquote',
  'code',
  'table',
  'tableRow',
  'tableCell',
]);

/** A chunk of MDX that is a top-level import or export, not prose that starts with the word. */
const esmBlock = /^(?:import\s[^\n]*?from\s*['"]|import\s*['"]|export\s+(?:const|let|var|function|class|default)\b)/;

/** The words of a Markdown node, blocks kept apart, HTML and MDX tags left out. */
function words(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node) return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (!('children' in node)) return '';
  return node.children.map((child) => (blockTypes.has(child.type) ? ` ${words(child)} ` : words(child))).join('');
}

/** A curator's notes as plain words: Markdown syntax, HTML, MDX tags and MDX imports/exports dropped. */
export function notesText(body: string): string {
  const markdown = body
    .split(/\n\s*\n/)
    .filter((chunk) => !esmBlock.test(chunk.trim()))
    .join('\n\n');
  return squash(words(fromMarkdown(markdown)));
}

/** One hidden span per meta, filter and sort value, the way Pagefind reads them off a page. */
function fieldSpans(fields: SearchFields): string {
  const spans = (kind: string, record: Record<string, string | string[]>) =>
    Object.entries(record).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        (v) => `<span data-pagefind-${kind}="${escapeHtml(key)}">${escapeHtml(v)}</span>`,
      ),
    );
  return [...spans('meta', fields.meta), ...spans('filter', fields.filters), ...spans('sort', fields.sort)].join('');
}

/**
 * The searchable part of a paper page, made from the paper's data rather than read back from the
 * built page, so the index can be built while pages render: the title as the page's heading
 * (Pagefind weighs headings above text), authors, topic names, summary, abstract and notes, each
 * as plain text, plus the fields results show and facets count.
 */
export function searchPage(
  paper: Paper,
  notes: string,
  topicName: (id: string) => string | undefined,
  language: string,
): SearchPage {
  const fields = searchFields(paper, topicName);
  const blocks = [
    paper.authors.join(', '),
    fields.filters.topic.join(' '),
    paper.summary && plainText(paper.summary),
    paper.abstract && plainText(paper.abstract),
    notes && notesText(notes),
  ];
  const content = [
    `<!doctype html><html lang="${escapeHtml(language)}"><head><title>${escapeHtml(fields.meta.title)}</title></head>`,
    `<body><main data-pagefind-body><h1>${escapeHtml(fields.meta.title)}</h1>`,
    ...blocks.filter(Boolean).map((text) => `<p>${escapeHtml(text as string)}</p>`),
    `<div hidden data-pagefind-ignore="index">${fieldSpans(fields)}</div>`,
    '</main></body></html>',
  ].join('\n');
  // Relative to the site's root: the browser adds the base path (`baseUrl`) to every result.
  return { url: `/papers/${paper.slug}/`, content };
}
