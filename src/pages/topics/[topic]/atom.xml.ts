import { topicFeed, topicPaths } from '../../../data/feeds.ts';

export const getStaticPaths = topicPaths;
export const GET = topicFeed('atom');
