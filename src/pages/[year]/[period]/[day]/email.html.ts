import { emailRoute } from '../../../../data/email.ts';
import { dayPaths } from '../../../../data/periods.ts';

export const getStaticPaths = dayPaths;
export const GET = emailRoute('day', 'html');
