import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { comparePapers } from '../../src/lib/digest.ts';
import { dayLabel, emailHtml, emailText, safeUrl, weekLabel, type EmailIssue } from '../../src/lib/email.ts';
import { wrap } from '../../src/lib/email-text.ts';
import { parseEntry } from '../../src/lib/entry-file.ts';
import { paperSchema, type Paper, type PaperInput } from '../../src/lib/paper-schema.ts';
import { taxonomySchema } from '../../src/lib/topics.ts';
import { hasChromium, launchBrowser } from '../support/browser.ts';

// The rendered sample and its screenshots land here to be looked at; the folder is gitignored.
const outDir = fileURLToPath(new URL('../.output/email/', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const site = 'https://papers.example.org/digest/';

/** A valid paper with `fields` changed. */
const paper = (slug: string, fields: Partial<PaperInput> = {}): Paper =>
  paperSchema.parse({
    id: `title:${slug}`,
    slug,
    title: `Paper ${slug}`,
    authors: ['Zhiwen Fan', 'Wenyan Cong'],
    abstract: `About ${slug}.`,
    date: '2025-03-12',
    topics: ['sparse-view-3d'],
    ...fields,
  });

const topicNames = new Map([
  ['sparse-view-3d', 'Sparse-view 3D'],
  ['llm-compression', 'LLM compression & quantization'],
]);

/** An issue of `papers` with `extra` changed. */
const issue = (papers: Paper[], extra: Partial<EmailIssue> = {}): EmailIssue => ({
  title: 'The day in papers',
  periodLabel: dayLabel('2025-03-12'),
  papers,
  siteTitle: 'Paperboy Digest',
  siteUrl: site,
  webUrl: `${site}2025/03/12/`,
  urlOf: (p) => `${site}papers/${p.slug}/`,
  topicName: (id) => topicNames.get(id),
  ...extra,
});

/** The document parsed as a browser-like reader would, and its elements. */
function parsed(html: string) {
  const doc = parseDocument(html);
  const elements = DomUtils.findAll(() => true, doc.children);
  return { doc, elements, text: DomUtils.textContent(doc) };
}

/** The `<a>` elements, their text and href. */
const links = (html: string) =>
  parsed(html)
    .elements.filter((e) => e.name === 'a')
    .map((a) => ({ text: DomUtils.textContent(a), href: a.attribs.href }));

/** Elements with text of their own (not only in children), in `<body>`. */
function textElements(elements: Element[]): Element[] {
  const body = elements.find((e) => e.name === 'body')!;
  const ownText = (e: Element) =>
    e.children.some((c: ChildNode) => c.type === 'text' && c.data.replace(/\s|\u034f|\u200c/g, ''));
  return DomUtils.findAll(ownText, [body]).concat(ownText(body) ? [body] : []);
}

describe('labels', () => {
  it.each([
    ['2025-03-12', 'Week 11, 2025 · March 10–16'],
    ['2025-03-10', 'Week 11, 2025 · March 10–16'],
    ['2025-03-16', 'Week 11, 2025 · March 10–16'],
    ['2025-03-31', 'Week 14, 2025 · March 31–April 6'],
    ['2024-12-30', 'Week 1, 2025 · December 30, 2024–January 5, 2025'],
    ['2021-01-03', 'Week 53, 2020 · December 28, 2020–January 3, 2021'],
    ['2024-02-29', 'Week 9, 2024 · February 26–March 3'],
  ])('week of %s is "%s"', (day, label) => {
    expect(weekLabel(day)).toBe(label);
  });

  it('names a day in full', () => {
    expect(dayLabel('2025-03-12')).toBe('March 12, 2025');
  });

  it.each([
    ['https://x.org/a?b=1&c=2', true],
    ['HTTP://X.ORG/', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' https://x.org/', false],
    ['//evil.org/', false],
    ['data:text/html,<b>x</b>', false],
    ['https://x.org/"onmouseover="alert(1)', false],
    ["https://x.org/'x", false],
    ['https://x.org/<b>', false],
    ['/papers/x/', false],
    ['', false],
  ])('safeUrl(%j) keeps it: %s', (url, kept) => {
    expect(safeUrl(url)).toBe(kept ? url : undefined);
  });
});

describe('emailHtml structure', () => {
  const papers = [
    paper('b-first', { upvotes: 42, topics: ['sparse-view-3d', 'llm-compression', 'no-such-topic'] }),
    paper('a-second', { authors: ['A One', 'B Two', 'C Three', 'D Four', 'E Five'], summary: 'A summary.' }),
    paper('c-third', { authors: [], abstract: undefined }),
  ];
  const html = emailHtml(issue(papers, { intro: 'Hello.\n\nSecond paragraph.' }));
  const { elements, text } = parsed(html);

  it('links each paper once to its permalink, in the order given', () => {
    const paperLinks = links(html).filter((l) => l.href.includes('/papers/'));
    expect(paperLinks).toEqual(papers.map((p) => ({ text: p.title, href: `${site}papers/${p.slug}/` })));
  });

  it('links the web version and the home page', () => {
    const hrefs = links(html).map((l) => l.href);
    expect(hrefs).toContain(`${site}2025/03/12/`);
    expect(hrefs).toContain(site);
    expect(links(html).find((l) => l.text === 'View on the web')?.href).toBe(`${site}2025/03/12/`);
  });

  it('has a hidden preheader first in the body, then the site title, period, headline and intro', () => {
    const body = elements.find((e) => e.name === 'body')!;
    const first = body.children.find((c): c is Element => c.type === 'tag')!;
    expect(first.attribs.style).toContain('display:none');
    expect(DomUtils.textContent(first)).toMatch(/^Hello\./);
    expect(text.indexOf('Paperboy Digest')).toBeLessThan(text.indexOf('March 12, 2025'));
    for (const s of ['The day in papers', 'Hello.', 'Second paragraph.', '3 papers']) expect(text).toContain(s);
  });

  it('shows authors (3 + et al.), known topic names, summaries and upvotes', () => {
    expect(text).toContain('Zhiwen Fan and Wenyan Cong');
    expect(text).toContain('A One, B Two, C Three et al.');
    expect(text).toContain('Sparse-view 3D · LLM compression & quantization');
    expect(text).not.toContain('no-such-topic');
    expect(text).toContain('A summary.');
    expect(text).not.toContain('About a-second.'); // the summary wins over the abstract
    expect(text).toContain('▲ 42 upvotes');
    expect(text.match(/upvote/g)).toHaveLength(1);
  });

  it('is a complete email document: doctype, colour schemes, presentation tables at most 600px', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const meta = (name: string) => elements.find((e) => e.name === 'meta' && e.attribs.name === name)?.attribs.content;
    expect(meta('color-scheme')).toBe('light dark');
    expect(meta('supported-color-schemes')).toBe('light dark');
    expect(html).toMatch(/@media \(prefers-color-scheme:dark\)\{.*\.pb-text\{color:#/);
    expect(elements.filter((e) => e.name === 'table').every((t) => t.attribs.role === 'presentation')).toBe(true);
    expect(html).toContain('max-width:600px');
  });

  it('colours every element with text inline, with the palette', () => {
    const missing = textElements(elements).filter((e) => !/(^|;)color:#[0-9a-f]{6}/.test(e.attribs.style ?? ''));
    expect(missing.map((e) => `<${e.name}> ${DomUtils.textContent(e).slice(0, 40)}`)).toEqual([]);
    const colours = new Set(html.match(/(?<=[;"]color:)#[0-9a-f]{6}/g));
    expect([...colours].sort()).toEqual(['#1c1d21', '#1f5fbf', '#5b5f6a', '#b4451f', '#fcfcfb']);
  });

  it('styles nothing through classes alone: the <style> block only holds dark mode and small-screen rules', () => {
    const css = DomUtils.textContent(elements.find((e) => e.name === 'style')!);
    const outsideMedia = css.replace(/@media[^{]*\{(?:[^{}]*\{[^}]*\})*\}/g, '');
    const rules = outsideMedia.match(/[^{}\n]+\{[^}]*\}/g) ?? [];
    for (const rule of rules) expect(rule).toMatch(/^(:root|body|a\[x-apple-data-detectors\]|\[data-ogs[bc]\] )/);
  });

  it('converts math to plain text and leaves no TeX', () => {
    const math = emailHtml(
      issue([
        paper('m', { title: 'Bounds on $\\alpha_k \\leq \\mathbb{R}^2$', abstract: 'Costs $\\mathcal{O}(n^2)$ time.' }),
      ]),
    );
    const t = parsed(math).text;
    expect(t).toContain('Bounds on αₖ ≤ ℝ²');
    expect(t).toContain('Costs O(n²) time.');
    expect(t).not.toMatch(/[$\\]/);
    expect(emailText(issue([paper('m', { title: 'Bounds on $\\alpha_k$' })]))).toContain('Bounds on αₖ');
  });

  it('cuts a long abstract to ~300 characters on a word boundary', () => {
    const abstract = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const t = parsed(emailHtml(issue([paper('long', { abstract })]))).text;
    const shown = /word0 .*?…/.exec(t)![0];
    expect(shown.length).toBeLessThanOrEqual(301);
    expect(shown.length).toBeGreaterThan(250);
    expect(shown).toMatch(/ word\d+…$/);
  });
});

/** Hostile strings in every field that reaches the email. */
const hostile = [
  '<script>alert(1)</script>',
  '</title><script>alert(2)</script>',
  '"><img src=x onerror=alert(3)>',
  "'><svg onload=alert(4)>",
  '<!-- --><a href="javascript:alert(5)">click</a>',
  '</style><style>body{display:none}</style>',
  '<![endif]--><iframe src=//evil.org>',
  '&lt;already escaped&gt; & <b>bold</b>',
];

describe('emailHtml escaping', () => {
  // Every element and attribute the template writes: with good links, and with links dropped.
  const benign = [
    issue([paper('ok', { upvotes: 1, summary: 'S' })], { intro: 'I' }),
    issue([paper('ok', { upvotes: 1 })], { intro: 'I', urlOf: () => 'x', webUrl: 'x', siteUrl: 'x' }),
  ].flatMap((i) => parsed(emailHtml(i)).elements);
  const shape = (elements: Element[]) =>
    new Set(elements.flatMap((e) => [e.name, ...Object.keys(e.attribs).map((a) => `${e.name}@${a}`)]));

  describe.each(hostile)('%s', (bad) => {
    const papers = [
      paper('t', { title: bad, authors: [bad, 'X'], summary: bad, upvotes: 1, topics: ['evil'] }),
      paper('a', { abstract: bad }),
    ];
    const html = emailHtml(
      issue(papers, {
        title: bad,
        intro: bad,
        periodLabel: bad,
        siteTitle: bad,
        topicName: () => bad,
        urlOf: (p) => (p.slug === 't' ? `javascript:alert(1)//${bad}` : `https://x.org/${bad}`),
        webUrl: `javascript:${bad}`,
        siteUrl: `data:text/html,${bad}`,
      }),
    );
    const { elements, text, doc } = parsed(html);

    it('adds no element or attribute', () => {
      expect([...shape(elements)].filter((x) => !shape(benign).has(x))).toEqual([]);
      expect(elements.filter((e) => e.name === 'style')).toHaveLength(1);
      expect(elements.filter((e) => e.name === 'title')).toHaveLength(1);
    });

    it('keeps the text as text', () => {
      expect(text.split(bad).length - 1).toBeGreaterThanOrEqual(6);
      const title = elements.find((e) => e.name === 'title')!;
      expect(DomUtils.textContent(title)).toBe(`${bad} · ${bad}`);
    });

    it('drops every link that is not http(s), keeping its text', () => {
      expect(links(html).map((l) => l.href)).toEqual([]);
      expect(text).toContain('View on the web');
      expect(html).not.toMatch(/href="(?!https?:\/\/)/i);
    });

    it('writes no comment from data', () => {
      const comments = DomUtils.filter((n) => n.type === 'comment', doc.children) as unknown as { data: string }[];
      for (const c of comments)
        expect(c.data).toMatch(/^\[if mso\]|^\[endif\]|^ \[html-validate-disable no-deprecated-attr:|^\s*$/);
    });
  });
});

describe('emailText', () => {
  const long = `${'Sparse '.repeat(30)}${'x'.repeat(120)}`;
  const papers = [
    paper('a', { title: long, abstract: long, authors: Array.from({ length: 9 }, (_, i) => `Author Number${i}`) }),
    paper('b', { upvotes: 3, topics: ['sparse-view-3d', 'llm-compression'] }),
  ];
  const text = emailText(issue(papers, { intro: long, urlOf: (p) => `${site}papers/${p.slug}/${'y'.repeat(80)}` }));
  const lines = text.split('\n');

  it('wraps every line at 78 columns, except URLs', () => {
    const over = lines.filter((l) => [...l].length > 78 && !/^\s*https?:\/\/\S+$/.test(l));
    expect(over).toEqual([]);
  });

  it('puts each URL alone on its line', () => {
    for (const url of [`${site}2025/03/12/`, site, ...papers.map((p) => `${site}papers/${p.slug}/${'y'.repeat(80)}`)]) {
      expect(lines.map((l) => l.trim())).toContain(url);
    }
    for (const l of lines) if (/https?:\/\//.test(l)) expect(l.trim()).toMatch(/^https?:\/\/\S+$/);
  });

  it('has the same content as the HTML', () => {
    for (const s of ['PAPERBOY DIGEST', 'The day in papers', 'March 12, 2025', '2 papers', '▲ 3 upvotes']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('Author Number0, Author Number1, Author Number2 et al.');
    expect(text.replace(/\s+/g, ' ')).toContain('Topics: Sparse-view 3D · LLM compression & quantization');
    expect(text).toMatch(/^1\. Sparse Sparse[^]*^2\. Paper b$/m);
  });

  it('drops unsafe URLs and keeps hostile text verbatim', () => {
    const t = emailText(issue([paper('h', { title: hostile[0] })], { urlOf: () => 'javascript:alert(1)' }));
    expect(t).toContain(hostile[0]);
    expect(t).not.toContain('javascript:');
  });
});

/** The real sample: every entry in content/papers/2025/03/, in the site's order for a day. */
function sampleIssue(): EmailIssue {
  const dir = `${root}content/papers/2025/03/`;
  const papers = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => paperSchema.parse(parseEntry(readFileSync(dir + f, 'utf8')).data));
  const topics = taxonomySchema.parse(parseYaml(readFileSync(`${root}content/topics.yaml`, 'utf8')));
  const names = new Map(topics.map((t) => [t.id, t.name]));
  const sorted = [...papers].sort(comparePapers); // as the day page orders them
  return issue(sorted, {
    title: 'The day in papers',
    intro:
      'Sparsity everywhere today: pruning, sparse attention, sparse views for 3D, and a fresh batch of sparse autoencoders.',
    topicName: (id) => names.get(id),
  });
}

/** A week issue with every field filled in: authors, upvotes, summaries, math; then real papers. */
function weekIssue(sample: EmailIssue): EmailIssue {
  const rich = [
    paper('instantsplat', {
      title: 'InstantSplat: Sparse-view Pose-free Gaussian Splatting in $\\sim 40$ Seconds',
      authors: ['Zhiwen Fan', 'Wenyan Cong', 'Kairun Wen', 'Kevin Wang', 'Jian Zhang'],
      summary: 'Reconstructs a 3D scene from a handful of unposed photos in under a minute.',
      upvotes: 128,
      topics: ['sparse-view-3d', 'llm-compression'],
    }),
    paper('s2ft', {
      title: 'S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity',
      authors: ['Xinyu Yang', 'Jixuan Leng'],
      abstract:
        'Fine-tuning costs $\\mathcal{O}(n^2)$ memory; we bring it to $\\mathcal{O}(n)$ by selecting sparse structures.',
      upvotes: 1,
      topics: ['llm-compression'],
    }),
  ];
  return {
    ...sample,
    title: 'The week in papers',
    intro: undefined,
    periodLabel: weekLabel('2025-03-12'),
    papers: [...rich, ...sample.papers.slice(0, 3)],
    webUrl: `${site}2025/w11/`,
    topicName: (id) => topicNames.get(id) ?? sample.topicName(id),
  };
}

describe('the real sample', () => {
  const day = sampleIssue();
  const week = weekIssue(day);
  const html = emailHtml(day);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}day.html`, html);
  writeFileSync(`${outDir}day.txt`, emailText(day));
  writeFileSync(`${outDir}week.html`, emailHtml(week));
  writeFileSync(`${outDir}week.txt`, emailText(week));

  it('links all 76 papers and stays under Gmail’s 102 KB clipping limit', () => {
    expect(links(html).filter((l) => l.href.includes('/papers/'))).toHaveLength(day.papers.length);
    expect(Buffer.byteLength(html)).toBeLessThan(102_000);
  });

  it.runIf(hasChromium)('renders in Chromium without overflow, light and dark, 600px and 375px', async () => {
    const browser = await launchBrowser();
    try {
      for (const name of ['day', 'week']) {
        const page = readFileSync(`${outDir}${name}.html`, 'utf8');
        for (const width of [600, 375]) {
          for (const colorScheme of ['light', 'dark'] as const) {
            const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
            const tab = await context.newPage();
            await tab.setContent(page);
            expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
            const bg = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
            expect(bg).toBe(colorScheme === 'dark' ? 'rgb(19, 20, 23)' : 'rgb(252, 252, 251)');
            const file = `${outDir}${name}-${width}-${colorScheme}`;
            await tab.screenshot({ path: `${file}.png` });
            if (name === 'day') await tab.screenshot({ path: `${file}-full.png`, fullPage: true });
            await context.close();
          }
        }
      }
    } finally {
      await browser.close();
    }
  });
});

describe('text wrapped for the plain-text newsletter', () => {
  it.each<[string, string, number, string, string | undefined, string[]]>([
    ['at the column', 'aaa bbb ccc', 7, '', undefined, ['aaa bbb', 'ccc']],
    ['with a hanging indent', 'aaa bbb ccc', 7, '  ', '1. ', ['1. aaa', '  bbb', '  ccc']],
    ['counting characters, not UTF-16 units', '𝔸𝔸𝔸 𝔹𝔹𝔹', 7, '', undefined, ['𝔸𝔸𝔸 𝔹𝔹𝔹']],
    ['a word longer than a line cut', 'abcdefghij', 4, '', undefined, ['abcd', 'efgh', 'ij']],
    ['an astral word cut whole characters', '𝔸𝔸𝔸𝔸𝔸', 2, '', undefined, ['𝔸𝔸', '𝔸𝔸', '𝔸']],
    [
      'a URL never cut',
      'see https://example.org/a/long/path',
      10,
      '',
      undefined,
      ['see', 'https://example.org/a/long/path'],
    ],
  ])('%s', (_case, text, columns, indent, first, lines) => {
    expect(wrap(text, columns, indent, first)).toEqual(lines);
  });
});
