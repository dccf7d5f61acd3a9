// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { settings } from './src/settings.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: settings.url,
  base: settings.base,
  trailingSlash: 'always',
  integrations: [mdx(), pagefindIntegration({ language: settings.lang })],
});
