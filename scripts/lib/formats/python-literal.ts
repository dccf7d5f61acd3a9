/**
 * A reader for Python literals as `repr()` writes them (`{'a': [1, None, True]}`), so data saved
 * that way can be read as data without ever evaluating it. Dicts, lists, tuples, sets, strings
 * (quotes, prefixes, escapes, implicit concatenation), numbers, True, False and None.
 */

/** A Python literal as data, or where and why it cannot be read. */
export type PythonLiteral = { ok: true; value: unknown } | { ok: false; offset: number; message: string };

class LiteralError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const simpleEscapes: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};
const keywords: Record<string, unknown> = { True: true, False: false, None: null };

/** Reads one Python literal that makes up the whole text. */
export function parsePythonLiteral(text: string): PythonLiteral {
  let i = 0;
  const fail = (message: string): never => {
    throw new LiteralError(message, i);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };

  const readString = (): string => {
    const prefix = /^[rRbBuUfF]{0,2}/.exec(text.slice(i, i + 2))![0];
    const raw = /r/i.test(prefix);
    i += prefix.length;
    if (text[i] !== "'" && text[i] !== '"') fail('expected a quote');
    const quote = text.startsWith(text[i].repeat(3), i) ? text[i].repeat(3) : text[i];
    i += quote.length;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('string is not closed');
      if (text.startsWith(quote, i)) {
        i += quote.length;
        return out;
      }
      const ch = text[i];
      if (quote.length === 1 && ch === '\n') fail('line break inside a string');
      if (ch !== '\\') {
        out += ch;
        i++;
        continue;
      }
      const next = text[i + 1] ?? '';
      if (raw) {
        out += ch + next;
        i += 2;
        continue;
      }
      if (next in simpleEscapes) {
        out += simpleEscapes[next];
        i += 2;
      } else if (next === '\n') i += 2;
      else if (next === 'x' || next === 'u' || next === 'U') {
        const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + width);
        if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) fail(`bad \\${next} escape`);
        out += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + width;
      } else if (/[0-7]/.test(next)) {
        const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(oct, 8));
        i += 1 + oct.length;
      } else {
        out += ch + next; // Python keeps unknown escapes as written
        i += 2;
      }
    }
  };

  const readItems = (close: string): unknown[] => {
    const items: unknown[] = [];
    for (;;) {
      skipSpace();
      if (text[i] === close) {
        i++;
        return items;
      }
      items.push(readValue());
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] !== close) fail(`expected "," or "${close}"`);
    }
  };

  const readDict = (): unknown => {
    i++; // {
    const out: Record<string, unknown> = {};
    const items: unknown[] = [];
    let isSet = false;
    for (;;) {
      skipSpace();
      if (text[i] === '}') {
        i++;
        return isSet ? items : out;
      }
      const key = readValue();
      skipSpace();
      if (text[i] === ':' && !isSet) {
        i++;
        out[String(key)] = readValue();
      } else if (Object.keys(out).length === 0) {
        isSet = true; // {1, 2} is a set; read it as a list
        items.push(key);
      } else fail('expected ":"');
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail('expected "," or "}"');
    }
  };

  function readValue(): unknown {
    skipSpace();
    const ch = text[i];
    if (ch === undefined) fail('unexpected end of text');
    if (ch === '{') return readDict();
    if (ch === '[') {
      i++;
      return readItems(']');
    }
    if (ch === '(') {
      i++;
      return readItems(')');
    }
    if (/^[rRbBuUfF]{0,2}['"]/.test(text.slice(i, i + 3))) {
      let out = readString();
      // 'a' 'b' is one string in Python
      for (;;) {
        const save = i;
        skipSpace();
        if (!/^[rRbBuUfF]{0,2}['"]/.test(text.slice(i, i + 3))) {
          i = save;
          return out;
        }
        out += readString();
      }
    }
    const number = /^[-+]?(\d[\d_]*\.?[\d_]*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|inf|nan)/.exec(text.slice(i, i + 64));
    if (number) {
      i += number[0].length;
      return Number(number[0].replace(/_/g, '').replace(/inf/, 'Infinity').replace(/nan/, 'NaN'));
    }
    const word = /^[A-Za-z_]\w*/.exec(text.slice(i, i + 16))?.[0];
    if (word && word in keywords) {
      i += word.length;
      return keywords[word];
    }
    return fail(`unexpected ${word ? `"${word}"` : `"${ch}"`}`);
  }

  try {
    const value = readValue();
    skipSpace();
    if (i < text.length) fail('unexpected text after the value');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof LiteralError) return { ok: false, offset: error.offset, message: error.message };
    return { ok: false, offset: i, message: (error as Error).message };
  }
}
