import { weekKey, withNeighbours } from '../lib/digest.ts';
import { loadDigest } from './digest.ts';

/** Static paths of the digest days, `/YYYY/MM/DD/`, each with its neighbours. */
export async function dayPaths() {
  const digest = await loadDigest();
  return withNeighbours(digest.days).map(({ item, previous, next }) => {
    const [year, period, day] = item.key.split('-');
    return { params: { year, period, day }, props: { group: item, previous, next } };
  });
}

/** Static paths of the ISO weeks, `/YYYY/wWW/`, each with its neighbours and its days. */
export async function weekPaths() {
  const digest = await loadDigest();
  return withNeighbours(digest.weeks).map(({ item, previous, next }) => {
    const [year, period] = item.key.split('-');
    const days = digest.days.filter((d) => weekKey(d.key) === item.key);
    return { params: { year, period }, props: { kind: 'week' as const, group: item, days, previous, next } };
  });
}

/** Static paths of the months, `/YYYY/MM/`, each with its neighbours and its days. */
export async function monthPaths() {
  const digest = await loadDigest();
  return withNeighbours(digest.months).map(({ item, previous, next }) => {
    const [year, period] = item.key.split('-');
    const days = digest.days.filter((d) => d.key.startsWith(item.key));
    return { params: { year, period }, props: { kind: 'month' as const, group: item, days, previous, next } };
  });
}
