/**
 * `npm run lighthouse`: Lighthouse scores (performance, accessibility, best practices, SEO) and
 * layout shift for the home page, a paper page and search, on the built `dist/` served locally.
 * A budget, not a test: scores depend on the machine. Target: every score ≥ 95, no layout shift.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumFlags, chromiumPath } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/serve.ts';

const pages: [string, string][] = [
  ['home', ''],
  ['paper', 'papers/instantsplat-unbounded-sparse-view-pose-free-gaussian/'],
  ['search', 'search/?q=gaussian+splatting'],
];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const site = await serveStatic('dist');
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: chromiumFlags,
});
const rows: string[] = [
  '| page | ' + categories.join(' | ') + ' | CLS |',
  '|---|' + categories.map(() => '---:|').join('') + '---:|',
];
let failed = false;
try {
  for (const [name, path] of pages) {
    const result = await lighthouse(site.url + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
    });
    const lhr = result!.lhr;
    const scores = categories.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    const cls = lhr.audits['cumulative-layout-shift']?.numericValue ?? 0;
    if (scores.some((s) => s < 95) || cls > 0.01) failed = true;
    rows.push(`| ${name} | ${scores.join(' | ')} | ${cls.toFixed(3)} |`);
  }
} finally {
  await chrome.kill();
  await site.close();
}
console.log(rows.join('\n'));
if (failed) {
  console.log('\nbelow budget: every score should be ≥ 95 and CLS ≤ 0.01');
  process.exitCode = 1;
}
