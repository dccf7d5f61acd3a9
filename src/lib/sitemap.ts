/** One URL of the sitemap and the day its content last changed. */
export interface SitemapEntry {
  loc: string;
  lastmod?: string;
}

/** The most URLs one sitemap file holds (the protocol allows 50,000). */
export const sitemapLimit = 45_000;

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);

/** A `<urlset>` document for some entries. */
export function urlset(entries: SitemapEntry[]): string {
  const urls = entries.map(
    (e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** A `<sitemapindex>` pointing at the part files, each with the newest lastmod of its entries. */
export function sitemapIndex(parts: { loc: string; entries: SitemapEntry[] }[]): string {
  const items = parts.map((p) => {
    const newest = p.entries.reduce((max, e) => (e.lastmod && e.lastmod > max ? e.lastmod : max), '');
    return `  <sitemap><loc>${escapeXml(p.loc)}</loc>${newest ? `<lastmod>${newest}</lastmod>` : ''}</sitemap>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** Entries split into sitemap-sized parts. */
export function chunk<T>(items: T[], size = sitemapLimit): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts.length ? parts : [[]];
}
