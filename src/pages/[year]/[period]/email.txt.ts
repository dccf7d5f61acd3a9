import { emailRoute } from '../../../data/email.ts';
import { weekPaths } from '../../../data/periods.ts';

// Weeks only: a month's newsletter would be too long to read.
export const getStaticPaths = weekPaths;
export const GET = emailRoute('week', 'txt');
