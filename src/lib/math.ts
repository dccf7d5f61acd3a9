import { escapeUTF8 as escapeHtml } from 'entities';
import katex from 'katex';
import { squash } from './text.ts';

/**
 * LaTeX math in titles and abstracts: `$…$`, `$$…$$`, `\(…\)` and `\[…\]` segments rendered to
 * HTML by KaTeX at build time (`renderMath`), or read out as plain Unicode text (`plainText`) for
 * places that take no markup. Outside math the text is never markup: it is escaped, and only a few
 * bare TeX forms the sources really contain (`S^{2}FT`, `1.26\times`, `360{\deg}`) are understood.
 */

/** A run of plain text, or a math segment with its TeX and how it was written. */
export type Segment = { math: false; text: string } | { math: true; tex: string; display: boolean; raw: string };

/** A lookup table with no prototype, so `\constructor` or `\toString` finds nothing. */
const table = (entries: string[][]): Record<string, string> =>
  Object.assign(Object.create(null), Object.fromEntries(entries));
/** `name:value` pairs read into a table. */
const pairs = (list: string) => table(list.match(/\S+/g)!.map((pair) => pair.split(':')));
/** A table from each character of `from` to the character at the same place in `to`. */
const zip = (from: string, to: string) => table([...from].map((c, i) => [c, [...to][i]]));

/** Math commands that print one symbol or word. */
const symbols: Record<string, string> = pairs(`
  alpha:α beta:β gamma:γ delta:δ epsilon:ε varepsilon:ε zeta:ζ eta:η theta:θ vartheta:ϑ iota:ι kappa:κ lambda:λ
  mu:μ nu:ν xi:ξ pi:π varpi:ϖ rho:ρ varrho:ϱ sigma:σ varsigma:ς tau:τ upsilon:υ phi:ϕ varphi:φ chi:χ psi:ψ omega:ω
  Gamma:Γ Delta:Δ Theta:Θ Lambda:Λ Xi:Ξ Pi:Π Sigma:Σ Upsilon:Υ Phi:Φ Psi:Ψ Omega:Ω
  times:× cdot:· div:÷ pm:± mp:∓ ast:∗ star:⋆ circ:∘ bullet:• oplus:⊕ otimes:⊗ odot:⊙
  leq:≤ le:≤ geq:≥ ge:≥ neq:≠ ne:≠ approx:≈ sim:∼ simeq:≃ cong:≅ equiv:≡ propto:∝ ll:≪ gg:≫
  in:∈ notin:∉ subset:⊂ subseteq:⊆ supset:⊃ supseteq:⊇ cup:∪ cap:∩ setminus:∖ emptyset:∅ varnothing:∅
  to:→ rightarrow:→ leftarrow:← gets:← leftrightarrow:↔ Rightarrow:⇒ Leftarrow:⇐ Leftrightarrow:⇔ mapsto:↦
  implies:⟹ iff:⟺ uparrow:↑ downarrow:↓ infty:∞ partial:∂ nabla:∇ forall:∀ exists:∃ neg:¬ lnot:¬ land:∧ wedge:∧
  lor:∨ vee:∨ sum:∑ prod:∏ int:∫ oint:∮ top:⊤ bot:⊥ perp:⊥ prime:′ ell:ℓ hbar:ℏ Re:ℜ Im:ℑ aleph:ℵ
  ldots:… cdots:⋯ dots:… vdots:⋮ ddots:⋱ langle:⟨ rangle:⟩ lfloor:⌊ rfloor:⌋ lceil:⌈ rceil:⌉ mid:∣ vert:| Vert:‖
  log:log ln:ln exp:exp sin:sin cos:cos tan:tan max:max min:min arg:arg sup:sup inf:inf lim:lim det:det dim:dim
  deg:deg ker:ker Pr:Pr gcd:gcd argmax:argmax argmin:argmin
`);

/** Outside math, `\deg` is the degree sign the sources mean by it (`360{\deg}`). */
const bareSymbols = table([...Object.entries(symbols), ['deg', '°']]);

/** Commands whose argument is printed as it is (fonts, text, over- and underlines). */
const passThrough = new Set(
  `mathcal mathbf mathrm mathit mathsf mathtt mathfrak mathscr boldsymbol bm text textrm textit textbf textsf texttt
  mbox operatorname overline underline widehat widetilde overrightarrow emph`.split(/\s+/),
);

/** Accents and the combining mark each puts on a one-letter argument (`\hat{x}` → x̂). */
const accents: Record<string, string> = pairs(
  'hat:\u0302 tilde:\u0303 bar:\u0304 vec:\u20d7 dot:\u0307 ddot:\u0308 check:\u030c breve:\u0306 acute:\u0301 grave:\u0300',
);

/** Blackboard bold letters that have their own Unicode character. */
const doubleStruck: Record<string, string> = pairs('R:ℝ N:ℕ Z:ℤ Q:ℚ C:ℂ P:ℙ E:𝔼 H:ℍ 1:𝟙');

/** Characters with a Unicode superscript or subscript form. */
const superscripts = zip(
  '0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW⊤∘′',
  '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵀ°′',
);
const subscripts = zip('0123456789+-=()aehijklmnoprstuvx', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ');

/** `^x` / `_x` as Unicode super- or subscripts when every character has one, else `^x` / `^(xy)`. */
function script(content: string, kind: '^' | '_'): string {
  const table = kind === '^' ? superscripts : subscripts;
  const chars = [...content.replace(/\s+/g, '')];
  if (chars.length && chars.every((c) => c in table)) return chars.map((c) => table[c]).join('');
  return chars.length > 1 ? `${kind}(${chars.join('')})` : `${kind}${chars.join('')}`;
}

/** The end (exclusive) of the brace group opening at `start`, or the text's end if it never closes. */
function groupEnd(tex: string, start: number): number {
  let depth = 0;
  for (let i = start; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth === 0) return i + 1;
  }
  return tex.length;
}

/** The argument at `start` (after spaces): a brace group, a command or one character, and where it ends. */
function argument(tex: string, start: number): [string, number] {
  let i = start;
  while (tex[i] === ' ') i++;
  if (tex[i] === '{') {
    const end = groupEnd(tex, i);
    return [tex.slice(i + 1, tex[end - 1] === '}' ? end - 1 : end), end];
  }
  if (tex[i] === '\\') {
    const name = /^\\(?:[a-zA-Z]+|.?)/.exec(tex.slice(i))![0];
    return [name, i + name.length];
  }
  return [tex[i] ?? '', Math.min(i + 1, tex.length)];
}

/** Wraps a fraction's part in parentheses unless it is one word or number. */
const operand = (s: string) => (/^[\p{L}\p{N}.′]*$/u.test(s) ? s : `(${s})`);

/** TeX math as readable Unicode text: symbols converted, scripts raised, markup dropped. */
function mathToPlain(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const ch = tex[i];
    if (ch === '\\') {
      const name = /^\\(?:[a-zA-Z]+|.?)/.exec(tex.slice(i))![0].slice(1);
      i += 1 + name.length;
      if (name in symbols) out += symbols[name];
      else if (name === 'mathbb' || name in accents || passThrough.has(name)) {
        const [arg, next] = argument(tex, tex[i] === '*' ? i + 1 : i);
        const inner = mathToPlain(arg);
        if (name === 'mathbb') out += [...inner].map((c) => doubleStruck[c] ?? c).join('');
        else if (name in accents && [...inner].length === 1) out += inner + accents[name];
        else out += inner;
        i = next;
      } else if (/^[dt]?frac$/.test(name)) {
        const [num, afterNum] = argument(tex, i);
        const [den, afterDen] = argument(tex, afterNum);
        out += `${operand(mathToPlain(num))}/${operand(mathToPlain(den))}`;
        i = afterDen;
      } else if (name === 'sqrt') {
        const index = /^\[([^\]]*)\]/.exec(tex.slice(i));
        const [arg, next] = argument(tex, i + (index?.[0].length ?? 0));
        out += `${index ? script(mathToPlain(index[1]), '^') : ''}√${operand(mathToPlain(arg))}`;
        i = next;
      } else if (/^([,;: ~\\]|q?quad)$/.test(name)) out += ' ';
      else if (/^[{}%$&#_|]$/.test(name)) out += name;
      else if (/^(left|right|[bB]igg?[lr]?)$/.test(name) && tex[i] === '.') i++; // `\left.` is an invisible delimiter
      // Other sizing commands, unknown commands and `\!` print nothing; their arguments stay.
    } else if (ch === '^' || ch === '_') {
      const [arg, next] = argument(tex, i + 1);
      out += script(mathToPlain(arg), ch);
      i = next;
    } else {
      if (ch === '~') out += ' ';
      else if (ch === "'") out += '′';
      else if (ch !== '{' && ch !== '}') out += ch;
      i++;
    }
  }
  return out.normalize('NFC');
}

/** The end (exclusive) of a `$`-math span opening at `start`, or -1; pandoc's rules keep `$5 and $10` text. */
function dollarEnd(text: string, start: number): number {
  if (text.startsWith('$$', start)) {
    const close = text.indexOf('$$', start + 2);
    return close > start + 2 ? close + 2 : -1;
  }
  if (/\s|\$/.test(text[start + 1] ?? ' ')) return -1;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$') return /\s/.test(text[i - 1]) || /\d/.test(text[i + 1] ?? '') ? -1 : i + 1;
  }
  return -1;
}

/** Text split into plain runs and math segments; unclosed delimiters stay text. */
export function splitMath(text: string): Segment[] {
  const segments: Segment[] = [];
  const opener = /\\[$([]|\$/g; // `\$` is an escaped dollar: matched here so it is skipped as text
  let start = 0;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    if (m[0] === '\\$') continue;
    const i = m.index;
    const close = m[0] === '$' ? -1 : text.indexOf(m[0] === '\\(' ? '\\)' : '\\]', i + 2);
    const end = m[0] === '$' ? dollarEnd(text, i) : close < 0 ? -1 : close + 2;
    if (end < 0) {
      opener.lastIndex = i + 1;
      continue;
    }
    if (i > start) segments.push({ math: false, text: text.slice(start, i) });
    const raw = text.slice(i, end);
    const display = raw.startsWith('$$') || raw.startsWith('\\[');
    const delimiter = display || raw[0] === '\\' ? 2 : 1;
    segments.push({ math: true, tex: raw.slice(delimiter, -delimiter), display, raw });
    start = opener.lastIndex = end;
  }
  if (start < text.length) segments.push({ math: false, text: text.slice(start) });
  return segments;
}

/**
 * Bare TeX outside math: a known command (maybe braced) or a braced super-/subscript. A command
 * glued to a word (`C:\path\to`) is left as written: that is a path or an escape, not TeX.
 */
const bareTex = /\{\\([a-zA-Z]+)\}|(?<![A-Za-z])\\([a-zA-Z]+)(?![a-zA-Z])|([_^])\{([^{}$]{1,40})\}|\\\$/g;

/** Plain text with its bare TeX converted by `convert`, the rest passed through `literal`. */
function bare(text: string, literal: (s: string) => string, convert: (match: RegExpExecArray) => string | undefined) {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(bareTex)) {
    const converted = match[0] === '\\$' ? literal('$') : convert(match);
    if (converted === undefined) continue;
    out += literal(text.slice(last, match.index)) + converted;
    last = match.index + match[0].length;
  }
  return out + literal(text.slice(last));
}

const rendered = new Map<string, string>();

/** Commands that would make links, classes or images: KaTeX refuses them, so the segment is shown as written. */
const untrusted = /\\(href|url|htmlClass|htmlId|htmlStyle|htmlData|includegraphics)(?![a-zA-Z])/;

/** One math segment as KaTeX HTML (cached, since a title is rendered on many pages), or escaped as written. */
function renderSegment(tex: string, display: boolean, raw: string): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let html = rendered.get(key);
  if (html === undefined) {
    try {
      if (untrusted.test(tex)) throw new Error('untrusted command');
      html = katex.renderToString(tex, {
        throwOnError: true,
        output: 'htmlAndMathml',
        displayMode: display,
        strict: false,
      });
    } catch {
      html = escapeHtml(raw); // not TeX KaTeX can read: show it as the source wrote it
    }
    if (rendered.size > 10_000) rendered.clear();
    rendered.set(key, html);
  }
  return html;
}

/** A bare super- or subscript as HTML, its commands made symbols. */
const bareScript = (kind: string, content: string) => {
  const tag = kind === '^' ? 'sup' : 'sub';
  return `<${tag}>${bare(content, escapeHtml, (m) => bareSymbols[m[1] ?? m[2]])}</${tag}>`;
};

/** Safe HTML for a title or abstract: text escaped, math rendered by KaTeX. */
export function renderMath(text: string): string {
  return splitMath(text)
    .map((s) =>
      s.math
        ? renderSegment(s.tex, s.display, s.raw)
        : bare(s.text, escapeHtml, ([, braced, command, kind, content]) =>
            kind ? bareScript(kind, content) : bareSymbols[braced ?? command],
          ),
    )
    .join('');
}

/** Plain forms already made: a title is shown on its page and in lists, feeds, newsletters and cards. */
const plainForms = new Map<string, string>();
/** Entries kept before the memo starts afresh, so 100k papers do not hold every string twice. */
const plainFormsLimit = 50_000;

/** Readable plain text for `<title>`, meta descriptions, feeds and search: math as Unicode, no TeX left. */
export function plainText(text: string): string {
  let plain = plainForms.get(text);
  if (plain === undefined) {
    if (plainForms.size >= plainFormsLimit) plainForms.clear();
    plain = toPlain(text);
    plainForms.set(text, plain);
  }
  return plain;
}

function toPlain(text: string): string {
  const plain = splitMath(text)
    .map((s) =>
      s.math
        ? mathToPlain(s.tex)
        : bare(
            s.text,
            (t) => t,
            ([, braced, command, kind, content]) =>
              kind ? script(mathToPlain(content), kind as '^' | '_') : bareSymbols[braced ?? command],
          ),
    )
    .join('');
  return squash(plain);
}
