import { siteFeed } from '../data/feeds.ts';

export const GET = siteFeed('rss');
