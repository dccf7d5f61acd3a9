import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerMessage } from 'astro';
import { afterEach, describe, expect, it, vi } from 'vitest';
import buildLog from '../../src/build-log.ts';

/** Astro's events for a page, as `generate.js` logs them: its path without a line end, then what became of it. */
const path = (file: string): AstroLoggerMessage => ({
  label: null,
  level: 'info',
  message: `  ├─ ${file}`,
  newLine: false,
});
const after = (text: string): AstroLoggerMessage => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: ` ${text}`,
  newLine: true,
});
const done: AstroLoggerMessage = { label: null, level: 'info', message: '✓ Completed in 1.20s.', newLine: true };
const other: AstroLoggerMessage = {
  label: 'build',
  level: 'info',
  message: 'Rearranging server assets...',
  newLine: true,
};

/** A fixed time, and how Astro's log prints it in this locale: removed from what is printed. */
const now = new Date(2026, 10, 26, 12, 34, 56);
const stamp = new Intl.DateTimeFormat([], {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
}).format(now);

/** What the log prints for these events (flushed at the end when asked), timestamps removed. */
function printed(events: AstroLoggerMessage[], flush = false): string {
  let out = '';
  vi.useFakeTimers({ now });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const log = buildLog();
  for (const event of events) log.write(event);
  if (flush) void log.flush?.();
  return stripVTControlCharacters(out).replaceAll(`${stamp} `, '');
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('buildLog', () => {
  it.each([
    [
      'a rendered page as Astro prints it',
      [path('/a/index.html'), after('(+12ms)'), done],
      '  ├─ /a/index.html (+12ms)\n✓ Completed in 1.20s.\n',
    ],
    [
      'kept pages counted, not listed',
      [
        path('/a/index.html'),
        after('(cached)'),
        path('/b/index.html'),
        after('(restored)'),
        path('/c.xml'),
        after('(+3ms)'),
        done,
      ],
      '  ├─ /c.xml (+3ms)\n  └─ 2 pages unchanged since the last build, kept\n✓ Completed in 1.20s.\n',
    ],
    [
      'one kept page',
      [path('/a/index.html'), after('(cached)'), done],
      '  └─ 1 page unchanged since the last build, kept\n✓ Completed in 1.20s.\n',
    ],
    // Four pages at once: a rendered page's time can come after other pages.
    [
      'pages rendered at once',
      [path('/a/'), path('/b/'), after('(cached)'), after('(+5ms)'), done],
      '  ├─ /a/ (+5ms)\n  └─ 1 page unchanged since the last build, kept\n✓ Completed in 1.20s.\n',
    ],
    ['other lines as they were', [other, done], '[build] Rearranging server assets...\n✓ Completed in 1.20s.\n'],
  ])('%s', (_name, events, expected) => {
    expect(printed(events)).toBe(expected);
  });

  it("writes out a page's path it still holds when flushed", () => {
    expect(printed([path('/a/index.html')], true)).toBe('  ├─ /a/index.html');
  });
});
