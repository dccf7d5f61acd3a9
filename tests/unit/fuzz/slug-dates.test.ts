import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateFromFileName,
  dayOf,
  isIsoDay,
  isoDate,
  isoWeek,
  monthNumber,
  parseDateLine,
} from '../../../src/lib/dates.ts';
import { isoDay, paperSchema } from '../../../src/lib/paper-schema.ts';
import { maxSlugLength, slugFromTitle, uniqueSlug } from '../../../src/lib/slug.ts';
import { anyText, dateText, runs } from './arbitraries.ts';

const slugShape = paperSchema.shape.slug;

describe('slugFromTitle', () => {
  it('always gives a valid slug no longer than the limit', () => {
    fc.assert(
      fc.property(anyText(60), fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }), (title, max) => {
        const slug = slugFromTitle(title, max);
        expect(slugShape.safeParse(slug).success).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(max ?? maxSlugLength);
        expect(slugFromTitle(title, max)).toBe(slug);
      }),
      runs(500),
    );
  });

  it('cuts long titles on a word boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 20 }), (words) => {
        const slug = slugFromTitle(words.join(' '));
        const full = words.join('-');
        expect(full === slug || full.startsWith(`${slug}-`) || slug.length === maxSlugLength).toBe(true);
      }),
      runs(300),
    );
  });
});

describe('uniqueSlug', () => {
  it('gives a free slug built on the base', () => {
    fc.assert(
      fc.property(anyText(10), fc.array(fc.nat({ max: 6 }), { maxLength: 8 }), (title, suffixes) => {
        const base = slugFromTitle(title);
        const taken = new Set([base, ...suffixes.map((n) => `${base}-${n}`)]);
        const slug = uniqueSlug(base, taken);
        expect(taken.has(slug)).toBe(false);
        expect(slug).toMatch(new RegExp(`^${base}-\\d+$`));
        expect(slugShape.safeParse(slug).success).toBe(true);
      }),
      runs(300),
    );
  });
});

describe('dates', () => {
  const anyNumber = fc.oneof(
    fc.integer({ min: -100, max: 12000 }),
    fc.integer(),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -0),
  );

  it('isoDate gives a real YYYY-MM-DD day or nothing', () => {
    const month = fc.oneof(fc.integer({ min: 1, max: 12 }), anyNumber);
    const dayOfMonth = fc.oneof(fc.integer({ min: 1, max: 31 }), anyNumber);
    fc.assert(
      fc.property(anyNumber, month, dayOfMonth, (y, m, d) => {
        const day = isoDate(y, m, d);
        if (day === undefined) return;
        expect(isIsoDay(day)).toBe(true);
        expect(day.split('-').map(Number)).toEqual([y, m, d]);
      }),
      runs(500),
    );
  });

  it('isoDate, isIsoDay and dayOf agree on every real day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(isIsoDay(day)).toBe(true);
        expect(dayOf(d.toISOString())).toBe(day);
        expect(isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
        expect(dateFromFileName(`${day}-papers.txt`)).toBe(day);
        const { week } = isoWeek(day);
        expect(week >= 1 && week <= 53).toBe(true);
      }),
      runs(500),
    );
  });

  it('dayOf and dateFromFileName give a day the schema accepts, or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, anyText()), (text) => {
        for (const day of [dayOf(text), dateFromFileName(text)]) {
          if (day === undefined) continue;
          expect(isIsoDay(day)).toBe(true);
          expect(isoDay.safeParse(day).success).toBe(true);
        }
      }),
      runs(500),
    );
  });

  it('parseDateLine and monthNumber give real month numbers, or nothing', () => {
    const dateLine = fc
      .tuple(
        fc.constantFrom('Jan', 'Feb.', 'March', 'sept', 'Sep', 'Septem', 'Mär', 'Foo', 'May', 'DECEMBER'),
        fc.integer({ min: 0, max: 99 }),
        fc.option(fc.integer({ min: 0, max: 99999 }), { nil: undefined }),
      )
      .map(([m, d, y]) => `${m} ${d}${y === undefined ? '' : `, ${y}`}`);
    fc.assert(
      fc.property(fc.oneof(dateLine, anyText()), (text) => {
        const parsed = parseDateLine(text);
        if (parsed) {
          expect(parsed.month >= 1 && parsed.month <= 12).toBe(true);
          expect(Number.isInteger(parsed.day)).toBe(true);
        }
        const month = monthNumber(text);
        if (month !== undefined) expect(month >= 1 && month <= 12).toBe(true);
      }),
      runs(500),
    );
  });
});
