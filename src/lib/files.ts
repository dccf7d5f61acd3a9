import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` whose name matches `pattern`, walked depth-first in name order; hidden entries skipped. */
export function listFilesSync(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (pattern.test(entry.name)) out.push(child);
    }
  };
  walk(dir);
  return out;
}
