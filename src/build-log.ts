import type { AstroLoggerDestination, AstroLoggerLevel, AstroLoggerMessage } from 'astro';
import nodeLog from 'astro/logger/node';

/**
 * Astro's own console log, with the pages an incremental build kept from the last one counted
 * instead of listed: a day added to 14k papers renders ~600 pages and keeps ~15k, whose lines
 * buried the ones that changed and cost Astro's thread ~0.5 s of writing to a pipe. Loaded by
 * Astro from `astro.config.mjs` (`logger`), as a file Node runs as it is.
 */
export default function buildLog(config: { level?: AstroLoggerLevel } = {}): AstroLoggerDestination {
  const console = nodeLog(config);
  // A page's path, written without its line's end until Astro says what became of the page.
  let path: AstroLoggerMessage | undefined;
  let kept = 0;
  return {
    write(message) {
      if (path) {
        const held = path;
        path = undefined;
        if (message.label === 'SKIP_FORMAT' && /\((cached|restored)\)/.test(message.message)) {
          kept++;
          return;
        }
        console.write(held);
      }
      if (message.label === null && !message.newLine && message.message.includes('├─')) {
        path = message;
        return;
      }
      // Astro's line after the pages: how long they took.
      if (kept && message.message.includes('Completed in')) {
        const pages = kept === 1 ? '1 page' : `${kept} pages`;
        const line = `  └─ ${pages} unchanged since the last build, kept`;
        console.write({ label: 'SKIP_FORMAT', level: 'info', message: line, newLine: true });
        kept = 0;
      }
      console.write(message);
    },
    flush: () => console.flush?.(),
    close: () => console.close?.(),
  };
}
