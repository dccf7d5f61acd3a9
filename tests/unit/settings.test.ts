import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/settings.ts';

describe('settings from the environment', () => {
  it.each([
    { env: {}, expected: { searchShardPapers: 25_000, searchMonthApart: 5_000, pageSize: 20, cards: true } },
    {
      env: { PAPERBOY_SEARCH_SHARD: '10', PAPERBOY_SEARCH_MONTH_APART: '1', PAPERBOY_PAGE_SIZE: '7' },
      expected: { searchShardPapers: 10, searchMonthApart: 1, pageSize: 7 },
    },
    // Not a whole number of papers above zero: the default stands.
    {
      env: { PAPERBOY_SEARCH_SHARD: '0', PAPERBOY_SEARCH_MONTH_APART: 'many', PAPERBOY_PAGE_SIZE: '2.5' },
      expected: { searchShardPapers: 25_000, searchMonthApart: 5_000, pageSize: 20 },
    },
    { env: { PAPERBOY_CARDS: 'off' }, expected: { cards: false } },
    {
      env: { SITE_URL: 'https://digest.example/', BASE_PATH: 'papers' },
      expected: { url: 'https://digest.example', base: '/papers/' },
    },
  ])('$env', ({ env, expected }) => {
    expect(loadSettings(env)).toMatchObject(expected);
  });
});
