import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/lib/entry-file.ts';
import { plainText, renderMath, splitMath } from '../../src/lib/math.ts';

const papersDir = fileURLToPath(new URL('../../content/papers', import.meta.url));
const realEntries = readdirSync(papersDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => parseEntry(readFileSync(join(papersDir, f), 'utf8')).data as { title: string; abstract?: string });

describe('splitMath', () => {
  it.each([
    ['no math here', [{ math: false, text: 'no math here' }]],
    [
      'a $x^2$ b',
      [
        { math: false, text: 'a ' },
        { math: true, tex: 'x^2', display: false, raw: '$x^2$' },
        { math: false, text: ' b' },
      ],
    ],
    ['$$\\sum_i x_i$$', [{ math: true, tex: '\\sum_i x_i', display: true, raw: '$$\\sum_i x_i$$' }]],
    ['\\(a\\)', [{ math: true, tex: 'a', display: false, raw: '\\(a\\)' }]],
    ['\\[a\\]', [{ math: true, tex: 'a', display: true, raw: '\\[a\\]' }]],
    // Prices and lone dollars are text (pandoc's rules: no space inside the delimiters, no digit after).
    ['costs $5 and $10 each', [{ math: false, text: 'costs $5 and $10 each' }]],
    ['from $ 5 to $ 6', [{ math: false, text: 'from $ 5 to $ 6' }]],
    ['unclosed $x and \\(y', [{ math: false, text: 'unclosed $x and \\(y' }]],
    ['an escaped \\$x$ dollar', [{ math: false, text: 'an escaped \\$x$ dollar' }]],
    ['$$', [{ math: false, text: '$$' }]],
    [
      '$a$$b$',
      [
        { math: true, tex: 'a', display: false, raw: '$a$' },
        { math: true, tex: 'b', display: false, raw: '$b$' },
      ],
    ],
    [
      '$$x$',
      [
        { math: false, text: '$' },
        { math: true, tex: 'x', display: false, raw: '$x$' },
      ],
    ],
    ['', []],
  ])('%j', (text, expected) => {
    expect(splitMath(text)).toEqual(expected);
  });
});

describe('plainText', () => {
  it.each([
    ['DPO Meets PPO: Reinforced Token Optimization for RLHF', 'DPO Meets PPO: Reinforced Token Optimization for RLHF'],
    ['an oracle complexity of $\\mathcal{O}(\\epsilon^{-3})$', 'an oracle complexity of O(ε⁻³)'],
    ['$\\mathcal{O}(\\varepsilon^{-s}d^s)$ actions', 'O(ε⁻ˢdˢ) actions'],
    ['Given $M\\in\\mathbb{R}^{m\\times n}$', 'Given M∈ℝ^(m×n)'],
    ['$UV^\\top$ and $x_{i}$, $x_{ij}$, $x_{\\max}$, $x_{\\beta}$', 'UVᵀ and xᵢ, xᵢⱼ, xₘₐₓ, x_β'],
    ['$q^{2}$ and $x^{q}$ and $x^{\\alpha}$', 'q² and x^q and x^α'],
    ['$\\alpha$, $\\beta$-VAE, $\\Omega(n)$', 'α, β-VAE, Ω(n)'],
    ['$\\frac{1}{2}$, $\\frac{a+b}{c}$, $\\sqrt{n}$, $\\sqrt[3]{x+1}$', '1/2, (a+b)/c, √n, ³√(x+1)'],
    ['$\\hat{\\theta}$ and $\\bar{x}$ and $\\hat{xy}$', 'θ̂ and x̄ and xy'],
    ['$\\left( \\frac{n}{k} \\right)$ and $\\left. f \\right|_{x}$', '( n/k ) and f |ₓ'],
    ["$90^\\circ$ and $f'(x)$", '90° and f′(x)'],
    ['$\\operatorname*{argmax}_x f$ and $\\text{top-}k$', 'argmaxₓ f and top-k'],
    ['$\\log n \\leq \\sqrt{n}$', 'log n ≤ √n'],
    ['$a\\,b\\;c\\quad d$, $\\{x\\}$, $50\\%$', 'a b c d, {x}, 50%'],
    ['unknown $\\foo{bar}$ commands', 'unknown bar commands'],
    ['display $$\\sum_{i=1}^{n} x_i$$ math', 'display ∑ᵢ₌₁ⁿ xᵢ math'],
    ['inline \\(x^2\\) and \\[y_0\\]', 'inline x² and y₀'],
    // Bare TeX the sources really contain, outside dollars.
    ['S^{2}FT: Efficient, Scalable', 'S²FT: Efficient, Scalable'],
    ['speeds up by 1.26\\times over', 'speeds up by 1.26× over'],
    ['from a single or a few 360{\\deg} views', 'from a single or a few 360° views'],
    ['using O(epsilon^{-3}) accesses', 'using O(epsilon⁻³) accesses'],
    ['R^{m\\times n} matrices', 'R^(m×n) matrices'],
    ['price \\$5 flat', 'price $5 flat'],
    // Text outside math is left as it is: plain text is never markup, unknown commands stay.
    ['<script>alert(1)</script> & co', '<script>alert(1)</script> & co'],
    ['costs $5 and $10', 'costs $5 and $10'],
    ['a {\\it single-loop} method', 'a {\\it single-loop} method'],
    ['  spread\nover   lines ', 'spread over lines'],
    // Names of Object's own properties are not symbols.
    ['a \\constructor b $\\toString{x}$ $\\hasOwnProperty$', 'a \\constructor b x'],
  ])('%j → %j', (text, expected) => {
    expect(plainText(text)).toBe(expected);
  });

  it.each([
    '$\\mathcal{O}(\\epsilon^{-3})$',
    '$\\frac{\\partial L}{\\partial \\theta}$',
    '$\\mathbb{E}_{x\\sim p}[\\log q(x)]$',
    '$$\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}$$',
    '\\(\\left\\{ x \\middle| x > 0 \\right\\}\\)',
    '$\\foo\\bar{\\baz}$',
    '$\\mathrm{a}\\!\\,b\\\\c\\left.x\\right\\}$',
  ])('leaves no dollar or backslash from %j', (text) => {
    expect(plainText(text)).not.toMatch(/[$\\]/);
  });
});

describe('renderMath', () => {
  it.each([
    ['Plain Title', 'Plain Title'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Mutual Choice & Feature Choice', 'Mutual Choice &amp; Feature Choice'],
    ['"quoted" \'single\'', '&quot;quoted&quot; &apos;single&apos;'],
    ['already &amp; escaped', 'already &amp;amp; escaped'],
    ['costs $5 and $10', 'costs $5 and $10'],
    // A segment KaTeX cannot parse is shown escaped, delimiters and all.
    ['a $\\undefinedcommand{<b>}$ b', 'a $\\undefinedcommand{&lt;b&gt;}$ b'],
    ['a $x^{$ b', 'a $x^{$ b'],
    // Bare TeX outside dollars.
    ['S^{2}FT: Efficient', 'S<sup>2</sup>FT: Efficient'],
    ['x_{<i>} and y^{\\alpha}', 'x<sub>&lt;i&gt;</sub> and y<sup>α</sup>'],
    ['1.26\\times faster, 360{\\deg}', '1.26× faster, 360°'],
    ['unknown \\command{<x>} stays', 'unknown \\command{&lt;x&gt;} stays'],
    ['price \\$5', 'price $5'],
    ['\\constructor and \\toString{x} and y^{\\valueOf}', '\\constructor and \\toString{x} and y<sup>\\valueOf</sup>'],
  ])('%j → %j', (text, expected) => {
    expect(renderMath(text)).toBe(expected);
  });

  it.each([
    ['$x^2$', false],
    ['$$\\sum_i x_i$$', true],
    ['\\(\\alpha\\)', false],
    ['\\[\\alpha\\]', true],
  ])('renders %j with KaTeX (display: %s)', (text, display) => {
    const html = renderMath(text);
    expect(html).toMatch(/^<span class="katex(-display)?">/);
    expect(html.includes('katex-display')).toBe(display);
    expect(html).toContain('<math'); // MathML for screen readers; the HTML copy is aria-hidden
    expect(html).toContain('aria-hidden="true"');
  });

  it('renders math between escaped text', () => {
    const html = renderMath('<b> $\\mathcal{O}(\\epsilon^{-3})$ & more');
    expect(html.startsWith('&lt;b&gt; <span class="katex">')).toBe(true);
    expect(html.endsWith('</span> &amp; more')).toBe(true);
  });

  it.each([
    '$<img src=x onerror=alert(1)>$',
    '$\\href{javascript:alert(1)}{x}$',
    '$\\url{javascript:alert(1)}$',
    '$\\htmlClass{x}{y}$ $\\htmlData{onclick=alert(1)}{y}$',
    '$\\text{<script>alert(1)</script>}$',
  ])('never lets markup through in %j', (text) => {
    const html = renderMath(text);
    expect(html).not.toMatch(/<(script|img|a)\b/i);
    // The MathML annotation keeps the TeX source as escaped text; nothing else may mention a handler.
    const annotations = [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map(
      (m) => m[1],
    );
    for (const tex of annotations) expect(tex).not.toMatch(/[<>"]/);
    // No link, no data attribute, no handler: such TeX is shown as the source wrote it, as text.
    expect(html.replace(/<annotation[\s\S]*?<\/annotation>/g, '')).not.toMatch(/<a\b|\shref=|\sdata-|\son\w+=/i);
  });
});

describe('the real entries', () => {
  it('have titles and abstracts with nothing unsafe and no TeX left in plain text', () => {
    expect(realEntries.length).toBeGreaterThan(50);
    for (const { title, abstract = '' } of realEntries) {
      for (const text of [title, abstract]) {
        expect(renderMath(text)).not.toMatch(/<(?!\/?(span|sup|sub)\b)/);
        expect(plainText(text)).not.toMatch(/\$\S[^$]*\S\$/);
      }
    }
    const s2ft = realEntries.find((e) => e.title.startsWith('S^{2}FT'));
    expect(plainText(s2ft!.title)).toBe(
      'S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
    );
  });
});
