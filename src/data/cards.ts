import type { APIRoute } from 'astro';
import { cachedCard, type Card } from '../lib/og-card.ts';
import { settings } from '../settings.ts';

/** Cards are kept across builds by content hash, so an unchanged page costs no drawing. */
const cacheDir = '.cache/og';

/** A PNG response for a social card. */
export async function cardResponse(card: Card): Promise<Response> {
  const png = await cachedCard(card, cacheDir);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
}

/** An endpoint serving the card its props hold. */
export const cardRoute: APIRoute = ({ props }) => cardResponse((props as { card: Card }).card);

/** Static paths for card endpoints: none when cards are switched off in the settings. */
export function whenCards<T>(paths: () => Promise<T[]>): () => Promise<T[]> {
  return async () => (settings.cards ? paths() : []);
}
