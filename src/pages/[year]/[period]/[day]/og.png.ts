import type { APIRoute } from 'astro';
import { cardResponse, whenCards } from '../../../../data/cards.ts';
import { dayPaths } from '../../../../data/periods.ts';
import type { DateGroup } from '../../../../lib/digest.ts';
import { dayCard } from '../../../../lib/site-cards.ts';
import { settings } from '../../../../settings.ts';

export const getStaticPaths = whenCards(dayPaths);

export const GET: APIRoute = ({ props }) => {
  const { group } = props as { group: DateGroup };
  return cardResponse(dayCard(group.key, group.papers.length, settings.title));
};
