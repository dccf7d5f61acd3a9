/**
 * `npm run fetch -- hf [--date D]` and `npm run fetch -- arxiv --ids … | --query … [--max N]`:
 * downloads one source file into content/sources/ for `npm run import` to read.
 */
import { fetchCli, localDay } from './lib/fetch/cli.ts';

fetchCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  today: () => localDay(),
  cwd: process.cwd(),
}).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`fetch failed: ${error.message}`);
    process.exitCode = 1;
  },
);
