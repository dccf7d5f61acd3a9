const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const fullMonthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` for a year, month (1–12) and day, or undefined if that day does not exist. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 0 || year > 9999) return undefined; // no four-digit form (CSL date-parts may hold any number)
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True when `value` is a real `YYYY-MM-DD` day. */
export function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isoDate(+m[1], +m[2], +m[3]) === value;
}

/** Month number (1–12) of an English month name or abbreviation, e.g. "Mar", "March". */
export function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const i = monthNames.indexOf(lower.slice(0, 3));
  if (i < 0) return undefined;
  return lower.length === 3 || fullMonthNames[i].startsWith(lower) ? i + 1 : undefined;
}

/** A listing's date line ("Mar 12", "March 12, 2025") as month, day and maybe year. */
export function parseDateLine(line: string): { month: number; day: number; year?: number } | undefined {
  const m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/.exec(line.trim());
  if (!m) return undefined;
  const month = monthNumber(m[1]);
  if (!month) return undefined;
  return { month, day: Number(m[2]), year: m[3] ? Number(m[3]) : undefined };
}

/** The first `YYYY-MM-DD` day named in a file name, if any. */
export function dateFromFileName(name: string): string | undefined {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(name);
  return m ? isoDate(+m[1], +m[2], +m[3]) : undefined;
}

/** The day part of an ISO timestamp or date string, if it is a real day. */
export function dayOf(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return m ? isoDate(+m[1], +m[2], +m[3]) : undefined;
}

/** The month (`YYYY-MM`) of a day (`YYYY-MM-DD`). */
export const monthOf = (day: string): string => day.slice(0, 7);

/** ISO 8601 week of a day: the week-year and week number (weeks start on Monday). */
export function isoWeek(day: string): { year: number; week: number } {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 3); // Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = 1 + Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return { year, week };
}

// A build formats the same few thousand days ~150k times (each paper page and list item shows
// one): 0.5 s of Astro's thread at 12k papers, formatted once each instead.
const formattedDays = new Map<string, string>();

/** "March 12, 2025" style (in English) for a `YYYY-MM-DD` day (or `YYYY-MM` month, `YYYY` year). */
export function formatDay(value: string, lang = 'en'): string {
  const key = `${lang}|${value}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
    text = dayFormatter(lang, m ? (d ? 'day' : 'month') : 'year').format(date);
    formattedDays.set(key, text);
  }
  return text;
}

/** Two `YYYY-MM-DD` days as one span, "March 3 – 18, 2025" style (in English); one day when they are the same. */
export function formatDayRange(first: string, last: string, lang = 'en'): string {
  const at = (value: string) => new Date(`${value}T00:00:00Z`);
  return first === last ? formatDay(first, lang) : dayFormatter(lang, 'day').formatRange(at(first), at(last));
}

// Building a formatter costs far more than using one, and a build formats tens of thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a language and precision, made once. */
function dayFormatter(lang: string, precision: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${lang}|${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (precision !== 'year') options.month = 'long';
    if (precision === 'day') options.day = 'numeric';
    formatters.set(key, (formatter = new Intl.DateTimeFormat(lang, options)));
  }
  return formatter;
}
