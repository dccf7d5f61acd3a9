import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../support/clean-env.ts';
import { copyProject } from '../support/project-copy.ts';
import { findBrokenLinks } from '../support/links.ts';
import { hasChromium, useSiteInBrowser } from '../support/browser.ts';

const site = 'https://lab.example.org';
const base = '/digest/';
const oldSlug = 'instantsplat-unbounded-sparse-view-pose-free-gaussian';
const newSlug = 'instantsplat';

let project: Awaited<ReturnType<typeof copyProject>>;
let dist: string;
const read = (path: string) => readFile(join(dist, path), 'utf8');

beforeAll(async () => {
  project = await copyProject();
  dist = join(project.dir, 'dist');
  // A curator renames a published slug: the old permalink must keep working.
  const entry = join(project.dir, 'content/papers/2025/03', `${oldSlug}.mdx`);
  await writeFile(entry, (await readFile(entry, 'utf8')).replace(`slug: ${oldSlug}`, `slug: ${newSlug}`));
  execFileSync('npm', ['run', 'build'], {
    cwd: project.dir,
    stdio: 'pipe',
    env: cleanEnv({ SITE_URL: site, BASE_PATH: base }),
  });
}, 300_000);

afterAll(() => project?.remove());

describe('a site built for a project page: SITE_URL and BASE_PATH=/digest/', () => {
  it('has no broken local link, asset or fragment under the base path', async () => {
    const { broken, links } = await findBrokenLinks(dist, base);
    expect(links).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it('keeps the old permalink of a renamed paper as a redirect', async () => {
    const html = await read(`papers/${oldSlug}/index.html`);
    expect(html).toContain(`${base}papers/${newSlug}/`);
    expect(html).toMatch(/http-equiv="refresh"/);
    expect(await read(`papers/${newSlug}/index.html`)).toMatch(/<h1[^>]*>InstantSplat/);
  });

  it('puts the site URL and base path in feeds, cards, canonical links and the sitemap', async () => {
    const page = await read(`papers/${newSlug}/index.html`);
    expect(page).toContain(`<link rel="canonical" href="${site}${base}papers/${newSlug}/">`);
    expect(page).toContain(`content="${site}${base}papers/${newSlug}/og.png"`);
    expect(await read('rss.xml')).toContain(`<link>${site}${base}papers/${newSlug}/</link>`);
    expect(await read('feed.json')).toContain(`"${site}${base}papers/${newSlug}/"`);
    expect(await read('robots.txt')).toContain(`Sitemap: ${site}${base}sitemap.xml`);
    expect(await read('sitemap-1.xml')).toContain(`<loc>${site}${base}papers/${newSlug}/</loc>`);
    expect(await read('2025/03/12/email.txt')).toContain(`${site}${base}papers/${newSlug}/`);
  });

  it('moves the redirect page out of search and the sitemap', async () => {
    expect(await read('sitemap-1.xml')).not.toContain(`papers/${oldSlug}/`);
  });
});

describe.skipIf(!hasChromium)('search under the base path', () => {
  const server = useSiteInBrowser(() => dist, base);

  it('finds a paper and links to its permalink under the base path', async () => {
    const tab = await server.browser.newPage();
    await tab.goto(`${server.url}search/?q=DUSt3R`);
    await tab.locator('.result').first().waitFor();
    expect(await tab.locator('.result__title').first().getAttribute('href')).toBe(`${base}papers/${newSlug}/`);
  });
});
