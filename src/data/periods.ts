import { weekKey, withNeighbours, type DateGroup, type Digest } from '../lib/digest.ts';
import { listKey } from '../lib/page-key.ts';
import { loadDigest, loadIntros } from './digest.ts';

/**
 * Static paths of date groups, each with its neighbours and a key for incremental builds: its papers,
 * its neighbours, the days it lists and their intros. A day's page, newsletter and BibTeX file share it.
 */
async function datePaths<Params, Props extends { days: DateGroup[] }>(
  groups: (digest: Digest) => DateGroup[],
  describe: (group: DateGroup, digest: Digest) => { params: Params; props: Props },
) {
  const [digest, intros] = await Promise.all([loadDigest(), loadIntros()]);
  return withNeighbours(groups(digest)).map(({ item, previous, next }) => {
    const { params, props } = describe(item, digest);
    return {
      params,
      props: { ...props, group: item, previous, next },
      cacheKey: listKey(item.papers, digest.topics, {
        key: item.key,
        days: props.days.map((d) => [d.key, d.papers.length, intros.get(d.key)?.digest]),
        previous: previous?.key,
        next: next?.key,
      }),
    };
  });
}

/** Static paths of the digest days, `/YYYY/MM/DD/`, each with its neighbours. */
export const dayPaths = () =>
  datePaths(
    (digest) => digest.days,
    (day) => {
      const [year, period, dayOfMonth] = day.key.split('-');
      return { params: { year, period, day: dayOfMonth }, props: { days: [day] } };
    },
  );

/** Static paths of the ISO weeks, `/YYYY/wWW/`, each with its neighbours and its days. */
export const weekPaths = () =>
  datePaths(
    (digest) => digest.weeks,
    (week, digest) => {
      const [year, period] = week.key.split('-');
      const days = digest.days.filter((d) => weekKey(d.key) === week.key);
      return { params: { year, period }, props: { kind: 'week' as const, days } };
    },
  );

/** Static paths of the months, `/YYYY/MM/`, each with its neighbours and its days. */
export const monthPaths = () =>
  datePaths(
    (digest) => digest.months,
    (month, digest) => {
      const [year, period] = month.key.split('-');
      const days = digest.days.filter((d) => d.key.startsWith(month.key));
      return { params: { year, period }, props: { kind: 'month' as const, days } };
    },
  );

/** Static paths of the years, `/YYYY/`, each with its months and their days. */
export const yearPaths = () =>
  datePaths(
    (digest) => digest.years,
    (year, digest) => {
      const months = digest.months
        .filter((m) => m.key.startsWith(year.key))
        .map((m) => ({ month: m, days: digest.days.filter((d) => d.key.startsWith(m.key)) }));
      return { params: { year: year.key }, props: { months, days: months.flatMap((m) => m.days) } };
    },
  );
