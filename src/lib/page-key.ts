import { createHash } from 'node:crypto';
import { settings } from '../settings.ts';

/** A short hash of what a page shows and where it is published, for incremental builds. */
export function pageKey(data: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ data, url: settings.url, base: settings.base, cards: settings.cards }))
    .digest('hex')
    .slice(0, 24);
}
