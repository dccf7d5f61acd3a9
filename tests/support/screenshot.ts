/**
 * Screenshots of the built site for looking at, desktop and phone, light and dark:
 * `npx tsx tests/support/screenshot.ts [path…]` → tests/.output/screens/*.png
 */
import { mkdir } from 'node:fs/promises';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './serve.ts';

const paths = process.argv.slice(2);
const pages = paths.length
  ? paths
  : [
      '',
      'papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/',
      'topics/',
      'topics/sparse-view-3d/',
      '2025/03/12/',
      'search/?q=gaussian+splatting',
      '404.html',
    ];
const out = 'tests/.output/screens';
await mkdir(out, { recursive: true });
const site = await serveStatic('dist');
const browser = await launchBrowser();
for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 375, height: 812 }],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    for (const path of pages) {
      await tab.goto(site.url + path, { waitUntil: 'networkidle' });
      await tab.waitForTimeout(path.startsWith('search') ? 800 : 50);
      const file = `${out}/${(path || 'home').replace(/[^a-z0-9]+/gi, '_').replace(/_+$/, '')}-${name}-${scheme}.png`;
      await tab.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
await site.close();
