import type { APIRoute } from 'astro';
import { absolute, page } from '../lib/urls.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute(page('sitemap.xml'))}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
