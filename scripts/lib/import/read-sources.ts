import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Problem, SourceFile } from '../formats/types.ts';

/** Files under the given paths (folders are walked, hidden files skipped), sorted for a stable order. */
export async function listSourceFiles(paths: string[], problems: Problem[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      problems.push({ file: path, message: 'no such file or folder' });
      return;
    }
    if (info.isDirectory()) await walkFolder(path);
    else found.push(path);
  };
  // A folder's entries say what they are, so only links need a stat (10k entries one stat at a time: 1 s).
  const walkFolder = async (path: string): Promise<void> => {
    const entries = (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) await walkFolder(child);
      else if (entry.isFile()) found.push(child);
      else await walk(child);
    }
  };
  for (const path of paths) await walk(path);
  return found;
}

/** Bytes as text: UTF-8 or UTF-16 by their BOM, otherwise UTF-8, falling back to Latin-1 when not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** True when bytes look like binary data rather than text. */
function isBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  const controls = text.slice(0, 8192).match(/[\u0000-\u0008\u000e-\u001a]/g)?.length ?? 0;
  return controls > 0;
}

/** Reads one source file, or reports why it cannot be read. */
export async function readSourceFile(path: string, problems: Problem[]): Promise<SourceFile | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    problems.push({
      file: path,
      message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
    return undefined;
  }
  if (bytes.length === 0) {
    problems.push({ file: path, message: 'file is empty' });
    return undefined;
  }
  const text = decodeText(bytes);
  if (isBinary(text)) {
    problems.push({ file: path, message: 'file is binary, not text' });
    return undefined;
  }
  return { path, name: basename(path), text };
}
