import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapParts } from '../data/site-map.ts';
import { urlset, type SitemapEntry } from '../lib/sitemap.ts';

export const getStaticPaths = (async () =>
  (await sitemapParts()).map((entries, i) => ({
    params: { part: String(i + 1) },
    props: { entries },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(urlset((props as { entries: SitemapEntry[] }).entries), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
