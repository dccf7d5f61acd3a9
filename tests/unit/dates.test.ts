import { describe, expect, it } from 'vitest';
import {
  dateFromFileName,
  dayOf,
  formatDay,
  formatDayRange,
  isIsoDay,
  isoDate,
  isoWeek,
  monthNumber,
  parseDateLine,
} from '../../src/lib/dates.ts';

describe('isoDate', () => {
  it.each([
    [2025, 3, 12, '2025-03-12'],
    [2024, 2, 29, '2024-02-29'],
    [2025, 2, 29, undefined],
    [2025, 4, 31, undefined],
    [2025, 13, 1, undefined],
    [2025, 0, 10, undefined],
    [2025, 12, 31, '2025-12-31'],
  ])('isoDate(%i, %i, %i) is %s', (year, month, day, expected) => {
    expect(isoDate(year, month, day)).toBe(expected);
  });
});

describe('isIsoDay', () => {
  it.each([
    ['2025-03-12', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-3-12', false],
    ['2025-03-12T00:00:00Z', false],
    [' 2025-03-12', false],
    ['Mar 12', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isIsoDay(value)).toBe(expected);
  });
});

describe('monthNumber', () => {
  it.each([
    ['Mar', 3],
    ['March', 3],
    ['MARCH', 3],
    ['mar', 3],
    ['Sept', 9],
    ['September', 9],
    ['Dec', 12],
    ['Marc', 3],
    ['Marchy', undefined],
    ['Ma', undefined],
    ['Foo', undefined],
    ['', undefined],
  ])('%j → %s', (name, expected) => {
    expect(monthNumber(name)).toBe(expected);
  });
});

describe('parseDateLine', () => {
  it.each([
    // The real sample's date line.
    ['Mar 12', { month: 3, day: 12, year: undefined }],
    ['  Mar 12  ', { month: 3, day: 12, year: undefined }],
    ['March 12, 2025', { month: 3, day: 12, year: 2025 }],
    ['March 12 2025', { month: 3, day: 12, year: 2025 }],
    ['Mar. 5', { month: 3, day: 5, year: undefined }],
    ['Dec 31, 1999', { month: 12, day: 31, year: 1999 }],
    ['12 Mar', undefined],
    ['Subscribe', undefined],
    ['new', undefined],
    ['byAK and the research community', undefined],
    ['Foo 12', undefined],
    ['Mar 12 papers', undefined],
    ['2025-03-12', undefined],
  ])('%j → %j', (line, expected) => {
    expect(parseDateLine(line)).toEqual(expected);
  });
});

describe('dateFromFileName', () => {
  it.each([
    ['2025-03-12-papers.txt', '2025-03-12'],
    ['papers-2024-12-01.json', '2024-12-01'],
    ['2025-02-30-papers.txt', undefined],
    ['papers.txt', undefined],
    ['2025-03.txt', undefined],
  ])('%j → %s', (name, expected) => {
    expect(dateFromFileName(name)).toBe(expected);
  });
});

describe('dayOf', () => {
  it.each([
    ['2025-03-12', '2025-03-12'],
    ['2025-03-12T23:59:59Z', '2025-03-12'],
    ['  2025-03-12 ', '2025-03-12'],
    ['2025-13-01', undefined],
    ['Mar 12', undefined],
    ['', undefined],
    [undefined, undefined],
    [null, undefined],
  ])('%j → %s', (value, expected) => {
    expect(dayOf(value)).toBe(expected);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2025-03-12', { year: 2025, week: 11 }],
    ['2025-01-01', { year: 2025, week: 1 }],
    // Monday 30 Dec 2024 belongs to week 1 of 2025.
    ['2024-12-30', { year: 2025, week: 1 }],
    // Sunday 3 Jan 2021 belongs to week 53 of 2020.
    ['2021-01-03', { year: 2020, week: 53 }],
    ['2021-01-04', { year: 2021, week: 1 }],
    ['2026-12-31', { year: 2026, week: 53 }],
  ])('%s → %j', (day, expected) => {
    expect(isoWeek(day)).toEqual(expected);
  });
});

describe('formatDay', () => {
  it.each([
    ['2025-03-12', 'en-GB', '12 March 2025'],
    ['2025-03', 'en', 'March 2025'],
    ['2025', 'en', '2025'],
    ['2025-03-12', 'de', '12. März 2025'],
  ])('%s in %s → %s', (value, lang, expected) => {
    expect(formatDay(value, lang)).toBe(expected);
  });

  it('never shifts the day with the time zone', () => {
    expect(formatDay('2025-01-01', 'en-GB')).toBe('1 January 2025');
  });
});

describe('formatDayRange', () => {
  it.each([
    ['2025-03-03', '2025-03-18', 'en', 'March 3 – 18, 2025'],
    ['2025-02-27', '2025-03-04', 'en', 'February 27 – March 4, 2025'],
    ['2024-12-30', '2025-01-02', 'en-GB', '30 December 2024 – 2 January 2025'],
    ['2025-03-12', '2025-03-12', 'en', 'March 12, 2025'],
  ])('%s to %s in %s → %s', (first, last, lang, expected) => {
    expect(formatDayRange(first, last, lang).replace(/\u2009/g, ' ')).toBe(expected);
  });
});
