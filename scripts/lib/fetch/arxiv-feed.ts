import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FetchError, preview } from './errors.ts';

/** One page of an arXiv API answer, kept as text so the file we write holds arXiv's own markup. */
export interface AtomPage {
  /** Everything before the first `<entry>`: the XML declaration, `<feed …>` with its namespaces, feed metadata. */
  header: string;
  /** Each `<entry>…</entry>` as it came. */
  entries: string[];
  /** Each entry's `<id>`, in the same order. */
  ids: string[];
  /** `opensearch:totalResults`: how many results the whole query has. */
  total: number | undefined;
}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'entry' });

const entryPattern = /<entry[\s>][\s\S]*?<\/entry>/g;

/** A child element's text, whether the parser gave a string or an object with `#text`. */
function text(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  const inner = (node as { '#text'?: unknown } | undefined)?.['#text'];
  return typeof inner === 'string' ? inner.trim() : '';
}

/**
 * Reads one arXiv API answer; throws a one-line FetchError when it is not an Atom feed, or when arXiv
 * reports an error the way it does: an `<entry>` whose id is `http://arxiv.org/api/errors#…`.
 */
export function readAtomPage(body: string): AtomPage {
  const notAtom = () =>
    new FetchError(`export.arxiv.org answered with something other than an Atom feed: ${preview(body)}`);
  if (XMLValidator.validate(body) !== true) throw notAtom();
  const feed = (parser.parse(body) as { feed?: unknown }).feed;
  if (typeof feed !== 'object' || feed === null) throw notAtom();
  const { entry, totalResults } = feed as { entry?: unknown[]; totalResults?: unknown };
  const parsed = (entry ?? []).map((e) => (typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {}));
  const error = parsed.find((e) => /\/api\/errors/.test(text(e.id)));
  if (error) throw new FetchError(`the arXiv API answered with an error: ${text(error.summary) || text(error.id)}`);
  const entries = body.match(entryPattern) ?? [];
  if (entries.length !== parsed.length) throw notAtom();
  const first = entries[0] === undefined ? body.lastIndexOf('</feed>') : body.indexOf(entries[0]);
  const total = Number(text(totalResults));
  return {
    header: body.slice(0, first),
    entries,
    ids: parsed.map((e) => text(e.id)),
    total: text(totalResults) && Number.isInteger(total) ? total : undefined,
  };
}

/** The pages as one Atom feed: the first page's header, every entry once (pages may overlap), `</feed>`. */
export function joinAtomPages(pages: AtomPage[]): { text: string; count: number } {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const page of pages)
    for (const [i, entry] of page.entries.entries()) {
      if (seen.has(page.ids[i])) continue;
      seen.add(page.ids[i]);
      entries.push(entry);
    }
  const header = pages[0]?.header ?? '';
  const eol = header.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]*)$/.exec(header)?.[1] ?? '';
  return { text: `${header}${entries.join(eol + indent)}${eol}</feed>${eol}`, count: entries.length };
}
