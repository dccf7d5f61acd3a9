import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { listFilesSync, statIfAny } from '../../../src/lib/files.ts';

/**
 * A fingerprint of everything an import reads — each source and entry file's path, size and
 * modification time, the taxonomy, the options — so a build can skip an import that would change
 * nothing. Any edit, new file or checkout changes it.
 */
export function importFingerprint(paths: string[], papersDir: string, topicsFile: string, options: object): string {
  const hash = createHash('sha256').update(JSON.stringify({ paths, options }));
  const files = [
    ...paths.flatMap((p) => listFilesSync(p, /./)),
    ...paths.filter((p) => !p.endsWith('/')),
    ...listFilesSync(papersDir, /./),
    topicsFile,
  ];
  for (const file of files) {
    const info = statIfAny(file);
    if (info?.isFile()) hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The fingerprint the last clean import left, if any. */
export async function lastFingerprint(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

/** Records the fingerprint of a clean import. */
export async function rememberFingerprint(fingerprint: string, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, fingerprint);
}
