import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from './serve.ts';

/** Debian's Chromium; Playwright's own browser download does not work on our machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when a browser is there to run the tests that need one. */
export const hasChromium = existsSync(chromiumPath);

/** The flags our closed network needs: without them Chromium keeps calling home. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Chromium with the flags our closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/** A built site served on localhost and a browser, for the tests of one `describe`: `url` ends with the base path. */
export function useSiteInBrowser(dist: () => string, base = '/'): { browser: Browser; url: string } {
  const state = {} as { browser: Browser; url: string };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const site = await serveStatic(dist(), base);
    close = site.close;
    state.url = site.url;
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await close?.();
  });
  return state;
}
