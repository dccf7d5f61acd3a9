import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Parser } from 'htmlparser2';
import { listFilesSync } from '../../src/lib/files.ts';

/** One local link that leads nowhere. */
export interface BrokenLink {
  page: string;
  href: string;
}

/** Links and ids of one HTML document. */
function scan(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(attrs.id);
      const url =
        name === 'a' || name === 'link'
          ? attrs.href
          : name === 'img' || name === 'script' || name === 'source'
            ? attrs.src
            : undefined;
      if (url !== undefined && !(name === 'link' && attrs.rel === 'canonical')) links.push(url);
    },
  });
  parser.write(html);
  parser.end();
  return { links, ids };
}

/** The file a site path resolves to in `dist`, if any. */
function resolveTarget(dist: string, base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const inside = join(dist, decodeURIComponent(path.slice(base.length)));
  if (path.endsWith('/')) return existsSync(join(inside, 'index.html')) ? join(inside, 'index.html') : undefined;
  return existsSync(inside) ? inside : undefined;
}

/** Every local link, asset and fragment in every HTML file of a build that does not resolve. */
export async function findBrokenLinks(
  dist: string,
  base = '/',
): Promise<{ pages: number; links: number; broken: BrokenLink[] }> {
  const files = listFilesSync(dist, /\.html$/);
  const idsByFile = new Map<string, Set<string>>();
  const linksByFile = new Map<string, string[]>();
  for (const file of files) {
    const { links, ids } = scan(await readFile(file, 'utf8'));
    idsByFile.set(file, ids);
    linksByFile.set(file, links);
  }
  const broken: BrokenLink[] = [];
  let count = 0;
  for (const [file, links] of linksByFile) {
    const pagePath = `${base}${relative(dist, file).replace(/index\.html$/, '')}`;
    for (const href of links) {
      const url = new URL(href, `http://site${pagePath}`);
      if (url.host !== 'site') continue; // external links are not checked offline
      count++;
      const target = resolveTarget(dist, base, url.pathname);
      const fragmentOk =
        !url.hash || (target !== undefined && idsByFile.get(target)?.has(decodeURIComponent(url.hash.slice(1))));
      if (!target || !fragmentOk) broken.push({ page: relative(dist, file), href });
    }
  }
  return { pages: files.length, links: count, broken };
}

/** Attributes of every element in a document whose name starts with `on` (inline event handlers). */
export function inlineHandlers(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      for (const attr of Object.keys(attrs)) if (/^on/i.test(attr)) found.push(`<${name} ${attr}>`);
    },
  });
  parser.write(html);
  parser.end();
  return found;
}

/** Every href and src of every element in a document. */
export function urlsOf(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(_name, attrs) {
      for (const key of ['href', 'src']) if (attrs[key] !== undefined) found.push(attrs[key]);
    },
  });
  parser.write(html);
  parser.end();
  return found;
}
