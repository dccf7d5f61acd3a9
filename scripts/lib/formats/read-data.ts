import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Problem, SourceFile } from './types.ts';

/** Parsed data, or the one problem that stops the whole file. */
export type Parsed = { ok: true; value: unknown } | { ok: false; problem: Problem };

// Sniffing and parsing read the same file; parse each file's text once per format kind.
const jsonCache = new WeakMap<SourceFile, { text: string; result: Parsed }>();
const yamlCache = new WeakMap<SourceFile, { text: string; result: Parsed }>();
const stringYamlCache = new WeakMap<SourceFile, { text: string; result: Parsed }>();

/** The first `size` characters, where sniffers look. */
export function head(file: SourceFile, size = 20_000): string {
  return file.text.slice(0, size);
}

/** The 1-based line a character offset falls on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Where V8 puts an "Unexpected token" error that gives no position: it quotes the text around it
 * (`..."ten before X ten after"...`), so the quote is found in the text.
 */
function quotedOffset(raw: string, text: string): number | undefined {
  const m = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(raw);
  const at = m ? text.indexOf(m[3]) : -1;
  if (!m || at < 0) return undefined;
  return at + (m[2] ? 10 : Math.max(0, m[3].indexOf(m[1])));
}

/** A JSON.parse error as a short message and the line it names (V8 quotes the input; drop that). */
export function jsonError(error: unknown, text: string): { line?: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const lineCol = /\(line (\d+) column \d+\)/.exec(raw);
  const position = /at position (\d+)/.exec(raw);
  const offset = position ? Number(position[1]) : quotedOffset(raw, text);
  const line = lineCol ? Number(lineCol[1]) : offset !== undefined ? lineAt(text, offset) : undefined;
  const message = raw
    .replace(/,\s*(\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '')
    .replace(/\s*in JSON at position \d+(\s*\(line \d+ column \d+\))?/, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of file (is it cut short?)');
  return { line: line ?? (/end of/i.test(message) ? lineAt(text, text.length) : undefined), message };
}

/** The file's text as JSON, parsed once per file. */
export function readJson(file: SourceFile): Parsed {
  const hit = jsonCache.get(file);
  if (hit && hit.text === file.text) return hit.result;
  let result: Parsed;
  try {
    result = { ok: true, value: JSON.parse(file.text) };
  } catch (error) {
    const { line, message } = jsonError(error, file.text);
    result = { ok: false, problem: { file: file.path, line, message: `not valid JSON: ${message}` } };
  }
  jsonCache.set(file, { text: file.text, result });
  return result;
}

/** A YAML text parsed (every scalar a string when `strings`), or the problem naming the line it fails on. */
export function parseYamlText(text: string, path: string, lineOffset = 0, strings = false): Parsed {
  try {
    // Warnings (an unknown tag or directive) would go to stderr with no file name: the data is read as is.
    const options = { prettyErrors: true, schema: strings ? 'failsafe' : 'core', logLevel: 'error' } as const;
    return { ok: true, value: parseYaml(text, options) };
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
    const message = (error instanceof Error ? error.message : String(error))
      .split('\n')[0]
      .replace(/ at line \d+, column \d+:?$/, '');
    return {
      ok: false,
      problem: {
        file: path,
        line: line === undefined ? undefined : line + lineOffset,
        message: `not valid YAML: ${message}`,
      },
    };
  }
}

/** The file's text as YAML, parsed once per file; `strings` keeps every scalar as written (ids like 2501.10100 stay intact). */
export function readYaml(file: SourceFile, strings = false): Parsed {
  const cache = strings ? stringYamlCache : yamlCache;
  const hit = cache.get(file);
  if (hit && hit.text === file.text) return hit.result;
  const result = parseYamlText(file.text, file.path, 0, strings);
  cache.set(file, { text: file.text, result });
  return result;
}

/** One non-blank line of a JSON Lines file, parsed or not. */
export interface JsonLine {
  /** 1-based line number. */
  line: number;
  /** 1-based count of non-blank lines, the record's position. */
  record: number;
  value?: unknown;
  error?: string;
}

/** Every non-blank line of a JSON Lines file, each parsed on its own. */
export function jsonLines(file: SourceFile): JsonLine[] {
  const out: JsonLine[] = [];
  file.text.split(/\r?\n/).forEach((text, i) => {
    if (!text.trim()) return;
    const entry: JsonLine = { line: i + 1, record: out.length + 1 };
    try {
      entry.value = JSON.parse(text);
    } catch (error) {
      entry.error = jsonError(error, text).message;
    }
    out.push(entry);
  });
  return out;
}

/** The first non-blank line parsed as JSON, for sniffing JSON Lines; undefined if it is not JSON. */
export function firstJsonLine(file: SourceFile): unknown {
  const line = /^\s*(\S[^\n]*)/.exec(head(file, 200_000))?.[1];
  if (!line || !line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
