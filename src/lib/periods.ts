import { formatDay } from './dates.ts';

/** How a period key reads: a day, an ISO week (`2025-w11` → "Week 11, 2025"), a month or a year. */
export function periodLabel(key: string, lang = 'en'): string {
  const week = /^(\d{4})-w(\d{2})$/.exec(key);
  if (week) return `Week ${Number(week[2])}, ${week[1]}`;
  return formatDay(key, lang);
}

/** The first and last day of an ISO week key, as `YYYY-MM-DD`. */
export function weekRange(key: string): { first: string; last: string } {
  const [, year, week] = /^(\d{4})-w(\d{2})$/.exec(key)!;
  const jan4 = new Date(Date.UTC(Number(year), 0, 4));
  const monday = new Date(
    jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (Number(week) - 1) * 7 * 86_400_000,
  );
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { first: monday.toISOString().slice(0, 10), last: sunday.toISOString().slice(0, 10) };
}
