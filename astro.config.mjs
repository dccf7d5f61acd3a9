// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import rehypeExternalLinks from 'rehype-external-links';
import { settings } from './src/settings.ts';
import { csp } from './src/security.ts';
import { pagefindIntegration, searchIndexFolder } from './src/integrations/pagefind.ts';
import { serviceWorkerFile, serviceWorkerIntegration } from './src/integrations/service-worker.ts';
import { cardsIntegration, placedCards } from './src/integrations/cards.ts';
import { keepBuildIntegration } from './src/integrations/keep-build.ts';

export default defineConfig({
  site: settings.url,
  base: settings.base,
  trailingSlash: 'always',
  // Four pages at once: pages wait on disk, and on 2 cores 4 beat 1, 2, 8 and 16 (10k papers, A/B runs).
  // Styles (one sheet for the whole site, 11 KB gzipped) and scripts are files, never inlined:
  // Astro hashes each inline one for the page's Content-Security-Policy on every page it renders
  // (~1.9 s for 13.8k pages at 12k papers), and a file is fetched once for all pages.
  build: { concurrency: 4, inlineStylesheets: 'never' },
  vite: {
    build: { cssCodeSplit: false, assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
  },
  security: { csp },
  // Shiki colours code with inline styles, which the Content-Security-Policy does not allow.
  markdown: {
    syntaxHighlight: false,
    rehypePlugins: [[rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] }]],
  },
  // Pages whose data (their cacheKey) and code are unchanged are kept from the last build; Astro's
  // cache lives in the project's own .cache/ (not in node_modules, which copies share).
  cacheDir: './.cache/astro',
  experimental: { incrementalBuild: true },
  // Astro's console log, with the pages kept from the last build counted instead of listed.
  logger: { entrypoint: './src/build-log.ts' },
  // Order matters: stale files are removed once cards and index are in place, and the service
  // worker then lists what is left.
  integrations: [
    mdx(),
    cardsIntegration(settings),
    pagefindIntegration(settings),
    keepBuildIntegration({ rewritten: [searchIndexFolder, serviceWorkerFile], placed: placedCards }),
    serviceWorkerIntegration(settings),
  ],
});
