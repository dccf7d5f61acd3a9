import type { APIRoute } from 'astro';
import { sitemapParts } from '../data/site-map.ts';
import { sitemapIndex } from '../lib/sitemap.ts';
import { absolute, page } from '../lib/urls.ts';

/** The sitemap index: it lists `sitemap-1.xml`, `sitemap-2.xml` … so a digest of any size fits the protocol. */
export const GET: APIRoute = async () => {
  const parts = await sitemapParts();
  const xml = sitemapIndex(parts.map((entries, i) => ({ loc: absolute(page(`sitemap-${i + 1}.xml`)), entries })));
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
