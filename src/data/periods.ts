import { weekKey, withNeighbours, type DateGroup } from '../lib/digest.ts';
import { listKey } from '../lib/page-key.ts';
import { loadDigest, loadIntros } from './digest.ts';

/**
 * A date page's key for incremental builds: its papers, its neighbours, the days it lists and their
 * intros. The day's page, newsletter and BibTeX file share it.
 */
async function dateKey(group: DateGroup, days: DateGroup[], previous?: DateGroup, next?: DateGroup) {
  const [digest, intros] = await Promise.all([loadDigest(), loadIntros()]);
  return listKey(group.papers, digest.topics, {
    key: group.key,
    days: days.map((d) => [d.key, d.papers.length, intros.get(d.key)?.digest]),
    previous: previous?.key,
    next: next?.key,
  });
}

/** Static paths of the digest days, `/YYYY/MM/DD/`, each with its neighbours. */
export async function dayPaths() {
  const digest = await loadDigest();
  return Promise.all(
    withNeighbours(digest.days).map(async ({ item, previous, next }) => {
      const [year, period, day] = item.key.split('-');
      return {
        params: { year, period, day },
        props: { group: item, previous, next },
        cacheKey: await dateKey(item, [item], previous, next),
      };
    }),
  );
}

/** Static paths of the ISO weeks, `/YYYY/wWW/`, each with its neighbours and its days. */
export async function weekPaths() {
  const digest = await loadDigest();
  return Promise.all(
    withNeighbours(digest.weeks).map(async ({ item, previous, next }) => {
      const [year, period] = item.key.split('-');
      const days = digest.days.filter((d) => weekKey(d.key) === item.key);
      return {
        params: { year, period },
        props: { kind: 'week' as const, group: item, days, previous, next },
        cacheKey: await dateKey(item, days, previous, next),
      };
    }),
  );
}

/** Static paths of the months, `/YYYY/MM/`, each with its neighbours and its days. */
export async function monthPaths() {
  const digest = await loadDigest();
  return Promise.all(
    withNeighbours(digest.months).map(async ({ item, previous, next }) => {
      const [year, period] = item.key.split('-');
      const days = digest.days.filter((d) => d.key.startsWith(item.key));
      return {
        params: { year, period },
        props: { kind: 'month' as const, group: item, days, previous, next },
        cacheKey: await dateKey(item, days, previous, next),
      };
    }),
  );
}

/** Static paths of the years, `/YYYY/`, each with its months and their days. */
export async function yearPaths() {
  const digest = await loadDigest();
  return Promise.all(
    withNeighbours(digest.years).map(async ({ item, previous, next }) => {
      const months = digest.months
        .filter((m) => m.key.startsWith(item.key))
        .map((m) => ({ month: m, days: digest.days.filter((d) => d.key.startsWith(m.key)) }));
      return {
        params: { year: item.key },
        props: { group: item, months, previous, next },
        cacheKey: await dateKey(
          item,
          months.flatMap((m) => m.days),
          previous,
          next,
        ),
      };
    }),
  );
}
