import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../../scripts/lib/formats/types.ts';

/** The folder of small format fixtures. */
export const fixtureDir = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));

/** A fixture file (path relative to tests/fixtures/formats/) as a source file. */
export function fixture(relativePath: string): SourceFile {
  const path = join(fixtureDir, relativePath);
  return { path, name: basename(path), text: readFileSync(path, 'utf8') };
}

/** A source file made from inline text. */
export function source(name: string, text: string): SourceFile {
  return { path: `sources/${name}`, name, text };
}
