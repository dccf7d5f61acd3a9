/**
 * TeX text made Unicode: accents (`{\'e}` → é), special letters (`\ss`), escapes (`\&`),
 * dashes and quotes, protective braces dropped. `$…$`, `$$…$$`, `\(…\)` and `\[…\]` math is
 * kept exactly as written, and commands this table does not know are kept as they are.
 */

/** Accent commands and the combining mark each stands for. */
const accents: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
};

/** Commands that stand for one character or a short text. */
// prettier-ignore
const symbols: Record<string, string> = {
  ss: 'ß', SS: 'SS', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å',
  l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ', I: 'İ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
  ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”',
  guillemotleft: '«', guillemotright: '»', textasciitilde: '~', textbackslash: '\\',
  textunderscore: '_', textbar: '|', textless: '<', textgreater: '>', textdegree: '°', deg: '°',
  copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™', S: '§', P: '¶',
  pounds: '£', euro: '€', textbullet: '•', textperiodcentered: '·', textmu: 'µ',
  TeX: 'TeX', LaTeX: 'LaTeX', BibTeX: 'BibTeX', slash: '/', textslash: '/', '\\': ' ',
};

/** Commands whose argument is the text itself (`\emph{x}` → x). */
// prettier-ignore
const wrappers = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'texttt', 'textrm', 'textsf', 'textsl', 'textup', 'textmd',
  'textnormal', 'text', 'mbox', 'hbox', 'uppercase', 'lowercase', 'MakeUppercase', 'MakeLowercase', 'NoCaseChange', 'nocase',
]);

/** Switches that change the font and print nothing (`{\em x}` → x). */
const switches = new Set([
  'em',
  'it',
  'bf',
  'sc',
  'tt',
  'rm',
  'sf',
  'sl',
  'itshape',
  'bfseries',
  'scshape',
  'upshape',
  'mdseries',
  'normalfont',
  'relax',
  'protect',
]);

/** Single-character escapes and what they print. */
// prettier-ignore
const escapes: Record<string, string> = {
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}',
  ' ': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '', '-': '', '/': '', '@': '',
};

const isLetter = (ch: string | undefined) => !!ch && /[a-zA-Z]/.test(ch);

/** The brace group opening at `start`: its end (exclusive) and what it holds. An unclosed group runs to the end. */
function group(text: string, start: number): { end: number; inner: string } {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { end: i + 1, inner: text.slice(start + 1, i) };
  }
  return { end: text.length, inner: text.slice(start + 1) };
}

/**
 * The end (exclusive) of the math span opening at `start`, or -1 when it never closes.
 * `unclosed` remembers, per closing delimiter, where a search already found none, so a text
 * full of openers (`\(\(\(…`) is not searched to its end once per opener.
 */
function mathEnd(text: string, start: number, unclosed: Map<string, number>): number {
  const open = text.startsWith('$$', start) ? '$$' : text[start] === '$' ? '$' : text.slice(start, start + 2);
  const close = open === '\\(' ? '\\)' : open === '\\[' ? '\\]' : open;
  if (start >= (unclosed.get(close) ?? Infinity)) return -1;
  for (let i = start + open.length; i < text.length; i++) {
    if (text.startsWith(close, i)) return i + close.length;
    if (text[i] === '\\') i++;
  }
  unclosed.set(close, start);
  return -1;
}

/** Puts a combining mark on the first letter of `base` (dotless i and j get their dot back). */
function accent(base: string, mark: string): string {
  if (!base) return mark;
  const letter = String.fromCodePoint(base.codePointAt(0)!); // a whole character, never half a surrogate pair
  const first = letter === 'ı' ? 'i' : letter === 'ȷ' ? 'j' : letter;
  return `${first}${mark}${base.slice(letter.length)}`.normalize('NFC');
}

/** TeX source of titles, names and abstracts as Unicode text, math left untouched. */
export function texToUnicode(text: string): string {
  return convert(text).normalize('NFC');
}

/** How deep accents may nest (`\'{\'{…}}`); deeper ones are kept as written, so no text exhausts the stack. */
const maxNesting = 16;

/** One pass over the text: math copied, commands expanded, braces dropped, ligatures made. */
function convert(text: string, depth = 0): string {
  let out = '';
  let i = 0;
  const unclosed = new Map<string, number>();
  while (i < text.length) {
    const ch = text[i];
    const isMath = ch === '$' || (ch === '\\' && (text[i + 1] === '(' || text[i + 1] === '['));
    if (isMath) {
      const end = mathEnd(text, i, unclosed);
      if (end > 0) {
        out += text.slice(i, end);
        i = end;
        continue;
      }
      if (ch === '$') {
        out += '$';
        i++;
        continue;
      }
    }
    if (ch === '\\') {
      const [piece, next] = command(text, i, depth);
      out += piece;
      i = next;
      continue;
    }
    if (ch === '{' || ch === '}') {
      i++;
      continue;
    }
    if (text.startsWith('---', i)) [out, i] = [out + '—', i + 3];
    else if (text.startsWith('--', i)) [out, i] = [out + '–', i + 2];
    else if (text.startsWith('``', i)) [out, i] = [out + '“', i + 2];
    else if (text.startsWith("''", i)) [out, i] = [out + '”', i + 2];
    else if (ch === '~') {
      // A tie between two words is a space; "~500" or "x ~ y" means "about" and stays.
      const tie = /\S/.test(text[i - 1] ?? ' ') && /[^\s\d]/.test(text[i + 1] ?? ' ');
      out += tie ? '\u00a0' : '~';
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** One command starting at `start` (a backslash): what it prints and where the text goes on. */
function command(text: string, start: number, depth: number): [string, number] {
  const name = isLetter(text[start + 1]) ? /^[a-zA-Z]+/.exec(text.slice(start + 1))![0] : (text[start + 1] ?? '');
  let i = start + 1 + name.length;
  if (!name) return ['\\', i];
  const letterName = isLetter(name[0]);
  // After a command word, one space (or an empty `{}`) only ends the name.
  const skipTerminator = () => {
    if (text.startsWith('{}', i)) i += 2;
    else if (letterName && text[i] === ' ') i++;
  };

  if (name in accents && (!letterName || !isLetter(text[i])) && depth < maxNesting) {
    while (text[i] === ' ') i++; // an accent's argument may follow a space, as in `\c c`
    let base: string;
    if (text[i] === '{') {
      const { end, inner } = group(text, i);
      base = convert(inner, depth + 1);
      i = end;
    } else if (text[i] === '\\') {
      const [piece, next] = command(text, i, depth + 1);
      base = piece;
      i = next;
    } else {
      base = i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : '';
      i += base.length;
    }
    return [accent(base, accents[name]), i];
  }
  if (!letterName && name in escapes) return [escapes[name], i];
  if (name in symbols) {
    skipTerminator();
    return [symbols[name], i];
  }
  if (switches.has(name)) {
    if (text[i] === ' ') i++;
    return ['', i];
  }
  if (name === 'url' && text[i] === '{') {
    const { end, inner } = group(text, i);
    return [inner, end]; // a URL is verbatim
  }
  if (wrappers.has(name)) return ['', i]; // the argument's braces are dropped as the text goes on
  if (name === 'href' && text[i] === '{') return ['', group(text, i).end]; // keep the link text, not the URL
  // Unknown: keep the command and its immediate argument exactly as written.
  const end = text[i] === '{' ? group(text, i).end : i;
  return [text.slice(start, end), end];
}
