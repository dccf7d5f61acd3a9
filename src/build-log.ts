import type { AstroLoggerDestination, AstroLoggerLevel, AstroLoggerMessage } from 'astro';
import nodeLog from 'astro/logger/node';

/**
 * Astro's own console log, with the pages an incremental build kept from the last one counted
 * instead of listed: a day added to 14k papers renders ~600 pages and keeps ~15k, whose lines
 * buried the ones that changed and cost Astro's thread ~0.5 s of writing to a pipe. Loaded by
 * Astro from `astro.config.mjs` (`logger`) as a file Node runs as it is, stripping its types (Node
 * 22.18 and later; `npm run` puts the project's Node 22 first): should it fail to load, Astro logs
 * as it always did.
 */
export default function buildLog(config: { level?: AstroLoggerLevel } = {}): AstroLoggerDestination {
  const console = nodeLog(config);
  // A page's path, written without its line's end until Astro says what became of the page. Astro
  // 7.3 logs a kept page's path and "(cached)" or "(restored)" one right after the other
  // (`generatePathWithPrerenderer`); a rendered page's time can come after other pages' lines.
  let path: AstroLoggerMessage | undefined;
  const release = () => {
    if (path) console.write(path);
    path = undefined;
  };
  let kept = 0;
  return {
    write(message) {
      if (path && message.label === 'SKIP_FORMAT' && /\((cached|restored)\)/.test(message.message)) {
        path = undefined;
        kept++;
        return;
      }
      release();
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
    flush: () => {
      release();
      return console.flush?.();
    },
    close: () => {
      release();
      return console.close?.();
    },
  };
}
