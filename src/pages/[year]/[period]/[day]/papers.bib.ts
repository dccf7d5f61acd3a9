import type { APIRoute } from 'astro';
import { bibResponse } from '../../../../data/bib.ts';
import { dayPaths } from '../../../../data/periods.ts';
import type { DateGroup } from '../../../../lib/digest.ts';

export const getStaticPaths = dayPaths;

export const GET: APIRoute = ({ props }) => bibResponse((props as { group: DateGroup }).group.papers);
