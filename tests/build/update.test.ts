import { execFileSync } from 'node:child_process';
import { readFile, rename, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../support/browser.ts';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';
import { serveStatic } from '../support/serve.ts';

const entry = 'content/papers/2025/03/instantsplat-unbounded-sparse-view-pose-free-gaussian.mdx';
const before = 'InstantSplat: Unbounded Sparse-view Pose-free Gaussian Splatting in 40 Seconds';
const after = 'InstantSplat Second Edition';

/** Two builds of the sample, the second with one title changed, published in turn at one address. */
describe.skipIf(!hasChromium)('publishing a new build to readers who have the old one offline', () => {
  let project: Awaited<ReturnType<typeof copyProject>>;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let context: BrowserContext;
  let live: string;
  /** Pagefind files a reader's browser failed to get. */
  const missing: string[] = [];

  const build = () =>
    execFileSync('npx', ['astro', 'build'], {
      cwd: project.dir,
      env: cleanEnv({ PAPERBOY_CARDS: 'off', SITE_URL: '', BASE_PATH: '' }),
      stdio: 'pipe',
    });
  const publish = async (folder: string) => {
    await unlink(live).catch(() => undefined);
    await symlink(join(project.dir, folder), live);
  };
  const search = async (tab: Page, query: string) => {
    await tab.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
    await tab.locator('.result').first().waitFor({ timeout: 20_000 });
    return tab.locator('.result__title').allTextContents();
  };
  const caches = (tab: Page) => tab.evaluate(() => window.caches.keys());

  beforeAll(async () => {
    project = await copyProject();
    build();
    await rename(join(project.dir, 'dist'), join(project.dir, 'first'));
    const file = join(project.dir, entry);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, `title: ${after}`));
    build();
    live = join(project.dir, 'live');
    await publish('first');
    site = await serveStatic(live);
    browser = await launchBrowser();
    context = await browser.newContext();
    context.on('response', (response) => {
      if (response.url().includes('/pagefind/') && response.status() >= 400) missing.push(response.url());
    });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await project?.remove();
  });

  it('keeps the old build whole while a reader still has it open', async () => {
    const tab = await context.newPage();
    await tab.goto(site.url);
    await tab.locator('[data-offline-status]', { hasText: 'Available offline' }).waitFor({ timeout: 20_000 });
    const [oldCache] = await caches(tab);
    await publish('dist');
    // The open site searches the index it came with, and every file of it is still there.
    expect(await search(tab, 'DUSt3R')).toContain(before);
    expect(missing).toEqual([]);
    // Meanwhile the browser has fetched the new worker, which waits with the new build stored.
    await expect
      .poll(() => tab.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting), {
        timeout: 30_000,
      })
      .toBe(true);
    expect(await caches(tab)).toContain(oldCache);
    await tab.close();
  });

  it('switches whole to the new build on the next visit: new index, old cache gone', async () => {
    const tab = await context.newPage();
    await tab.goto(site.url);
    const version = () =>
      tab.evaluate(async () => (await window.caches.keys()).filter((k) => k.startsWith('paperboy-')));
    await expect.poll(version, { timeout: 20_000 }).toHaveLength(1);
    const titles = await search(tab, 'DUSt3R');
    expect(titles).toContain(after);
    expect(titles).not.toContain(before);
    expect(missing).toEqual([]);
    // And offline it is still the new build.
    await context.setOffline(true);
    expect(await search(tab, 'DUSt3R')).toContain(after);
    await context.setOffline(false);
  });
});
