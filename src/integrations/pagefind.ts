import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { Settings } from '../settings.ts';
import { serveDevSearch } from './dev-search.ts';

/** Turns Pagefind's error list into one thrown error. */
function check(step: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Indexes the built site's paper pages (those marked `data-pagefind-body`) into `<dir>/pagefind/`. */
export async function indexSite(dir: string, logger: AstroIntegrationLogger, language: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  check('createIndex', errors);
  try {
    // Only paper pages carry `data-pagefind-body`: the other pages need not be read at all.
    const added = await index!.addDirectory({ path: dir, glob: 'papers/**/index.html' });
    check('indexing', added.errors);
    const written = await index!.writeFiles({ outputPath: `${dir.replace(/\/$/, '')}/pagefind` });
    check('writing', written.errors);
    logger.info(`indexed ${added.page_count} pages for search`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/** Search with Pagefind: the index of the built site after `astro build`, and an in-memory one under `astro dev`. */
export function pagefindIntegration(settings: Settings): AstroIntegration {
  return {
    name: 'paperboy:pagefind',
    hooks: {
      'astro:server:setup': ({ server }) => serveDevSearch(server, settings),
      'astro:build:done': async ({ dir, logger }) => {
        await indexSite(fileURLToPath(dir), logger, settings.lang);
      },
    },
  };
}
