// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { settings } from './src/settings.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { serviceWorkerIntegration } from './src/integrations/service-worker.ts';

export default defineConfig({
  site: settings.url,
  base: settings.base,
  trailingSlash: 'always',
  // Order matters: the service worker lists the files the search index wrote.
  integrations: [mdx(), pagefindIntegration(settings), serviceWorkerIntegration(settings)],
});
