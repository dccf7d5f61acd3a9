import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/serve.ts';
import { cleanEnv } from '../support/clean-env.ts';

const instantSplat = '/papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/';

describe.skipIf(!hasChromium)('search, as a reader uses it', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let context: BrowserContext;
  let tab: Page;

  beforeAll(async () => {
    site = await serveStatic('dist');
    browser = await launchBrowser();
    context = await browser.newContext();
    tab = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const resultTitles = () => tab.locator('.result__title').allTextContents();
  /** Paths the tab asks for while `action` runs. */
  const requestsDuring = async (action: () => Promise<void>): Promise<string[]> => {
    const paths: string[] = [];
    const onRequest = (request: { url: () => string }) => void paths.push(new URL(request.url()).pathname);
    tab.on('request', onRequest);
    await action();
    tab.off('request', onRequest);
    return paths;
  };

  it('shows results in the header box as you type, after "/" focuses it', async () => {
    await tab.goto(site.url);
    expect(await tab.evaluate(() => [...document.scripts].some((s) => s.src.includes('pagefind')))).toBe(false);
    const fetched = await requestsDuring(async () => {
      await tab.keyboard.press('/');
      await tab.keyboard.type('gaussian splatting');
      await tab.locator('.hit').first().waitFor();
    });
    // The header box searches on the page's own thread: its first search needs no worker script.
    expect(fetched).toContain('/pagefind/pagefind.js');
    expect(fetched.filter((path) => path.endsWith('pagefind-worker.js'))).toEqual([]);
    const hits = await tab.locator('.hit__title').allTextContents();
    expect(hits[0]).toMatch(/InstantSplat|Gaussian/);
    expect(await tab.locator('.hit__meta').first().textContent()).toMatch(/2025 · .*Sparse-view 3D reconstruction/);
    expect(await tab.locator('.hit mark').count()).toBeGreaterThan(0);
  });

  it('ranks a word in a title above the same word in abstracts', async () => {
    const titles = (await tab.evaluate(`(async () => {
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      await pagefind.init();
      const search = await pagefind.search('distillation');
      const data = await Promise.all(search.results.slice(0, 4).map((r) => r.data()));
      return data.map((d) => d.meta.title);
    })()`)) as string[];
    expect(titles.slice(0, 2).every((t) => /distillation/i.test(t))).toBe(true);
    expect(titles.length).toBeGreaterThan(2);
  });

  it('goes to the search page on Enter, with the query in the URL', async () => {
    const fetched = await requestsDuring(async () => {
      await tab.keyboard.press('Enter');
      await tab.waitForURL(/\/search\/\?q=gaussian\+splatting/);
      await tab.locator('.result').first().waitFor();
    });
    // The search page counts every facet value per search: that runs in Pagefind's web worker.
    expect(fetched).toContain('/pagefind/pagefind-worker.js');
    const titles = await resultTitles();
    expect(titles).toEqual(
      expect.arrayContaining([expect.stringMatching(/^InstantSplat/), expect.stringMatching(/^LM-Gaussian/)]),
    );
  });

  it('filters by a topic, with counts beside each value, and keeps it in the URL', async () => {
    await tab.fill('#q', 'sparse');
    await tab.locator('.search__summary', { hasText: '“sparse”' }).waitFor();
    const facet = tab.locator('.search__facets label', { hasText: 'Mixture of experts' });
    expect(Number(await facet.locator('.count').textContent())).toBeGreaterThan(0);
    await facet.locator('input').check();
    await tab.waitForURL(/topic=Mixture\+of\+experts/);
    // The filtered results replace the others once the search has run.
    await expect.poll(async () => (await resultTitles()).some((t) => t.startsWith('InstantSplat'))).toBe(false);
    await expect.poll(resultTitles).toEqual(expect.arrayContaining([expect.stringMatching(/^MomentumSMoE/)]));
  });

  it('sorts by newest, in the URL too', async () => {
    await tab.selectOption('select[name="sort"]', 'newest');
    await tab.waitForURL(/sort=newest/);
    // The list is cleared while the sorted search runs.
    await expect.poll(async () => (await resultTitles()).length).toBeGreaterThan(0);
  });

  it('opens a result, and the back button restores the search', async () => {
    const first = tab.locator('.result__title').first();
    const title = await first.textContent();
    await first.click();
    await tab.waitForURL(/\/papers\//);
    expect(await tab.locator('h1').textContent()).toBe(title);
    await tab.goBack();
    await tab.waitForURL(/sort=newest/);
    await tab.locator('.result').first().waitFor();
    expect(await tab.inputValue('#q')).toBe('sparse');
    expect(await tab.locator('.search__facets input[value="Mixture of experts"]').isChecked()).toBe(true);
  });

  it('loads a shared link with its whole state', async () => {
    await tab.goto(`${site.url}search/?q=pruning&year=2025&sort=newest`);
    await tab.locator('.result').first().waitFor();
    expect(await tab.inputValue('#q')).toBe('pruning');
    expect(await tab.locator('.search__facets input[value="2025"]').isChecked()).toBe(true);
    expect(await tab.inputValue('select[name="sort"]')).toBe('newest');
  });

  it('keeps working offline after a first visit: search, then open a paper', async () => {
    await tab.goto(site.url);
    await tab.locator('[data-offline-status]', { hasText: 'Available offline' }).waitFor({ timeout: 20_000 });
    await context.setOffline(true);
    await tab.goto(`${site.url}search/?q=DUSt3R`);
    await tab.locator('.result').first().waitFor();
    const href = await tab.locator('.result__title').first().getAttribute('href');
    expect(href).toBe(instantSplat);
    await tab.locator('.result__title').first().click();
    await tab.waitForURL(new RegExp(instantSplat));
    expect(await tab.locator('h1').textContent()).toMatch(/^InstantSplat/);
    await context.setOffline(false);
  });
});

describe.skipIf(!hasChromium)('search under npm run dev', () => {
  let dev: ChildProcess;
  let browser: Browser;
  const port = 4391;
  beforeAll(async () => {
    dev = spawn('npx', ['astro', 'dev', '--port', String(port)], { stdio: 'ignore', detached: true, env: cleanEnv() });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (
        await fetch(`http://localhost:${port}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (dev?.pid) process.kill(-dev.pid);
  });

  it('finds a paper on the dev server', async () => {
    const tab = await browser.newPage();
    await tab.goto(`http://localhost:${port}/search/?q=DUSt3R`);
    await tab.locator('.result').first().waitFor({ timeout: 60_000 });
    expect(await tab.locator('.result__title').first().getAttribute('href')).toBe(instantSplat);
  }, 90_000);
});
