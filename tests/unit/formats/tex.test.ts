import { describe, expect, it } from 'vitest';
import { texToUnicode } from '../../../src/lib/tex.ts';

describe('texToUnicode', () => {
  it.each([
    // accents, every way BibTeX files write them
    ['{\\\'e}t{\\"u}de', 'étüde'],
    ["\\'{e} \\'e \\' e", 'é é é'],
    ['Sch{\\"u}tze, G\\"{o}del, Na\\"ive', 'Schütze, Gödel, Naïve'],
    ["{\\v{S}}ediv{\\'y}, Bro\\v{n}a, \\v S", 'Šedivý, Broňa, Š'],
    [
      'Fran\\c{c}ois, Fran\\c cois, It\\^o, Erd\\H{o}s, \\k{a}, \\r{a}, \\~n, \\=a, \\.z, \\u{g}',
      'François, François, Itô, Erdős, ą, å, ñ, ā, ż, ğ',
    ],
    ['\\\'{\\i}, \\"\\i', 'í, ï'],
    // special letters and escapes
    ["{\\O}bro, Stra{\\ss}e, {\\ae}, \\o{}, \\L{}\\'od\\'z, {\\I}lhan", 'Øbro, Straße, æ, ø, Łódź, İlhan'],
    ['50\\% \\& \\$5 \\#1 a\\_b \\{x\\}', '50% & $5 #1 a_b {x}'],
    // dashes, quotes, ties
    ["1--2, a---b, ``quoted''", '1–2, a—b, “quoted”'],
    ['A.~Smith', 'A.\u00a0Smith'],
    ['about ~500 km, x ~ y, Fig.~1', 'about ~500 km, x ~ y, Fig.~1'],
    // protective braces and text commands
    ['The {B}ayesian {GAN}s', 'The Bayesian GANs'],
    ['\\emph{a} \\textbf{b} {\\em c} {\\bf d} \\textsc{Lévy}', 'a b c d Lévy'],
    ['\\url{https://a.b/~x--y_z} and \\href{https://x.org}{the site}', 'https://a.b/~x--y_z and the site'],
    ['\\LaTeX{} and \\TeX\\ too', 'LaTeX and TeX too'],
  ])('%s', (tex, expected) => {
    expect(texToUnicode(tex)).toBe(expected);
  });

  it.each([
    '$\\alpha$-GANs -- {x}',
    '$$ a -- b_{i} $$',
    '\\(x^{2}\\) and \\[y--z\\]',
    'Cost $O(n \\log n)$ vs. $O(n^2)$',
  ])('keeps math as written: %s', (tex) => {
    const math = tex.match(/\$\$[^$]*\$\$|\$[^$]*\$|\\\(.*?\\\)|\\\[.*?\\\]/g) ?? [];
    const out = texToUnicode(tex);
    for (const m of math) expect(out).toContain(m);
  });

  it.each([
    ['\\pi\\pi scattering', '\\pi\\pi scattering'],
    ['as shown in \\cite{hajac}', 'as shown in \\cite{hajac}'],
    ['an unclosed $ sign', 'an unclosed $ sign'],
    ['a trailing backslash \\', 'a trailing backslash \\'],
    ['unbalanced { brace', 'unbalanced  brace'],
  ])('keeps what it does not know: %s', (tex, expected) => {
    expect(texToUnicode(tex)).toBe(expected);
  });

  it('leaves plain Unicode text alone', () => {
    const plain = 'Zetta ζ: An Efficient Harness — “quoted”, 90.8% & 11.1x';
    expect(texToUnicode(plain)).toBe(plain);
  });
});
