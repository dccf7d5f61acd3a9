import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { listFilesSync } from '../../src/lib/files.ts';
import { hasChromium, useSiteInBrowser } from '../support/browser.ts';
import { inlineHandlers } from '../support/links.ts';

const dist = 'dist';

/** One page of each kind a reader meets. */
const pageKinds: [string, string][] = [
  ['home', ''],
  ['paper', 'papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/'],
  ['paper with math', 'papers/s-2-ft-efficient-scalable-and-generalizable-llm-fine-tuning/'],
  ['topics', 'topics/'],
  ['topic', 'topics/sparse-training/'],
  ['day', '2025/03/12/'],
  ['week', '2025/w11/'],
  ['month', '2025/03/'],
  ['year', '2025/'],
  ['archive', 'archive/'],
  ['search', 'search/?q=gaussian+splatting'],
  ['not found', 'no-such-page/'],
];

describe('valid HTML', () => {
  it('every built HTML file passes html-validate (standard preset)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = listFilesSync(dist, /\.html$/);
    expect(files.length).toBeGreaterThan(90);
    const failures: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readFileSync(file, 'utf8'), file);
      for (const result of report.results) {
        for (const m of result.messages) failures.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  // Astro would hash an inline style or script for the page's CSP on every page it renders.
  it('links one stylesheet for the whole site, and inlines no style and no script but the theme and JSON-LD', () => {
    const sheets = new Set<string>();
    for (const file of listFilesSync(dist, /\.html$/)) {
      const html = readFileSync(file, 'utf8');
      if (file.endsWith('email.html') || /http-equiv="refresh"/.test(html)) continue; // mail, redirects
      const links = html.match(/<link rel="stylesheet" href="[^"]*"/g) ?? [];
      expect(links, file).toHaveLength(1);
      sheets.add(links[0]!);
      expect(html, file).not.toMatch(/<style[\s>]/);
      const inline = (html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).filter((tag) => !tag.includes('ld+json'));
      expect(inline, file).toEqual(['<script>']);
    }
    expect(sheets.size).toBe(1);
  });

  it('has no inline event handlers and marks external links noopener', () => {
    for (const file of listFilesSync(dist, /\.html$/)) {
      const html = readFileSync(file, 'utf8');
      expect(inlineHandlers(html), file).toEqual([]);
      for (const link of html.match(/<a [^>]*href="https?:\/\/[^"]*"[^>]*>/g) ?? []) {
        if (file.endsWith('email.html')) continue; // mail clients open links in a new context anyway
        expect(link, file).toMatch(/rel="[^"]*noopener/);
      }
    }
  });
});

describe.skipIf(!hasChromium)('in a real browser', () => {
  const site = useSiteInBrowser(() => dist);

  /** Opens a page and waits until it has settled (search results shown on the search page). */
  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    const context = await site.browser.newContext({
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: options.width ?? 1280, height: 900 },
      serviceWorkers: 'block',
    });
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await tab.goto(site.url + path);
    if (path.startsWith('search')) await tab.locator('.result').first().waitFor();
    return tab;
  }

  const axeCases = pageKinds.flatMap(([kind, path]) =>
    (['light', 'dark'] as const).map((scheme) => [kind, scheme, path] as const),
  );
  it.each(axeCases)('axe finds no serious or critical problem: %s, %s', async (_kind, colorScheme, path) => {
    const tab = await open(path, { colorScheme });
    const { violations } = await new AxeBuilder({ page: tab })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
    await tab.context().close();
  });

  it.each(pageKinds)(
    '%s: no horizontal scrolling at 375 px, tap targets of 24 px, no CSP violation',
    async (_kind, path) => {
      const tab = await open(path, { width: 375 });
      const overflow = await tab.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const small = await tab.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('button, input, select, nav a, .chips a, .links a, .prev-next a')]
          .filter((el) => el.offsetParent !== null)
          // A checkbox is tapped through its whole label.
          .map((el) => ({ el: el.outerHTML.slice(0, 80), box: (el.closest('label') ?? el).getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ el }) => el),
      );
      expect(small).toEqual([]);
      expect(await tab.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
      await tab.context().close();
    },
  );

  it('lets a keyboard reach the content: skip link first, visible focus', async () => {
    const tab = await open('');
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    const outline = await tab.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await tab.keyboard.press('Enter');
    expect(await tab.evaluate(() => location.hash)).toBe('#main');
    await tab.context().close();
  });

  it.each([
    ['Copy link', 'Link copied', /^http.*\/papers\/instantsplat-unbounded-sparse-view-pose-free-gaussian\/$/],
    ['Copy BibTeX', 'BibTeX copied', /^@misc\{.*InstantSplat/s],
  ])('copies from a paper page: %s', async (label, done, copied) => {
    const tab = await open('papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/');
    await tab.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    // Found by its label attribute: its name changes once clicked.
    const button = tab.locator(`button[data-label="${label}"]`);
    await button.click();
    await expect.poll(() => button.textContent()).toBe(done);
    expect(await tab.evaluate(() => navigator.clipboard.readText())).toMatch(copied);
    await tab.context().close();
  });

  it('remembers the theme a reader picks', async () => {
    const tab = await open('');
    await tab.click('[data-theme-toggle]');
    expect(await tab.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await tab.reload();
    expect(await tab.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await tab.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(19, 20, 23)');
    await tab.context().close();
  });
});
