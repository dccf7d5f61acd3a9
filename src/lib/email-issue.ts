import { formatDay, isoWeek } from './dates.ts';
import { authorLine, excerpt, plural } from './format.ts';
import { plainText } from './math.ts';
import type { Paper } from './paper-schema.ts';

/**
 * What a newsletter issue says, shared by the HTML and plain-text renderings: every piece of
 * text from data read out as plain Unicode (`plainText`, since mail clients run no KaTeX) and
 * every link checked to be http(s). The renderers only lay this out; the HTML one escapes it.
 */

/** One newsletter issue: a digest day or an ISO week. Every URL absolute. */
export interface EmailIssue {
  /** The issue's headline, e.g. "Today's papers"; also the HTML `<title>`. */
  title: string;
  /** A note from the curator, plain text; blank lines separate paragraphs. */
  intro?: string;
  /** When the issue is for: `dayLabel('2025-03-12')` or `weekLabel('2025-03-12')`. */
  periodLabel: string;
  /** The papers, in the order they are shown. */
  papers: Paper[];
  /** The site title, e.g. "Paperboy Digest". */
  siteTitle: string;
  /** The site's home page, e.g. `https://papers.example.org/`. */
  siteUrl: string;
  /** The web version of this issue, e.g. `https://papers.example.org/2025/03/12/`. */
  webUrl: string;
  /** A paper's absolute permalink, e.g. `https://papers.example.org/papers/<slug>/`. */
  urlOf: (paper: Paper) => string;
  /** A topic's display name, or undefined for an unknown id (which is then left out). */
  topicName: (id: string) => string | undefined;
}

/** One paper as the newsletter shows it: plain text and a checked link. */
export interface EmailItem {
  title: string;
  /** The permalink, or undefined when it is not an http(s) URL (the title is shown unlinked). */
  url?: string;
  /** "A, B and C" or "A, B, C et al."; empty when no authors are known. */
  authors: string;
  topics: string[];
  /** The source's summary, else the abstract cut to ~300 characters; may be empty. */
  summary: string;
  /** "42 upvotes", when the source counts them. */
  upvotes?: string;
}

/** The issue's content, ready to lay out. */
export interface EmailContent {
  title: string;
  intro: string[];
  periodLabel: string;
  /** "76 papers". */
  count: string;
  siteTitle: string;
  siteUrl?: string;
  webUrl?: string;
  items: EmailItem[];
}

/** How long an abstract may run before it is cut, in characters. */
export const summaryLength = 300;

/** The URL when it is absolute http(s) with nothing that could break out of an attribute, else undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>"'`\\]+$/i.test(url)) return undefined;
  return URL.canParse(url) ? url : undefined;
}

/** "March 12, 2025" for a digest day. */
export function dayLabel(day: string): string {
  return formatDay(day);
}

/** "Week 11, 2025 · March 10–16" for the ISO week holding `day`; the range names every month and year it spans. */
export function weekLabel(day: string): string {
  const { year, week } = isoWeek(day);
  const monday = new Date(`${day}T00:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  const part = (d: Date, withMonth: boolean, withYear: boolean) =>
    new Intl.DateTimeFormat('en', {
      timeZone: 'UTC',
      day: 'numeric',
      ...(withMonth && { month: 'long' }),
      ...(withYear && { year: 'numeric' }),
    }).format(d);
  const sameYear = monday.getUTCFullYear() === sunday.getUTCFullYear();
  const sameMonth = sameYear && monday.getUTCMonth() === sunday.getUTCMonth();
  const range = `${part(monday, true, !sameYear)}–${part(sunday, !sameMonth, !sameYear)}`;
  return `Week ${week}, ${year} · ${range}`;
}

/** One paper's plain-text facts for the newsletter. */
export function emailItem(paper: Paper, issue: Pick<EmailIssue, 'urlOf' | 'topicName'>): EmailItem {
  const summary = paper.summary?.trim()
    ? plainText(paper.summary)
    : excerpt(plainText(paper.abstract ?? ''), summaryLength);
  return {
    title: plainText(paper.title),
    url: safeUrl(issue.urlOf(paper)),
    authors: plainText(authorLine(paper.authors, 3)),
    topics: paper.topics.flatMap((id) => {
      const name = issue.topicName(id);
      return name ? [plainText(name)] : [];
    }),
    summary,
    upvotes: paper.upvotes === undefined ? undefined : plural(paper.upvotes, 'upvote'),
  };
}

/** The whole issue as plain text and checked links, papers in the order given. */
export function emailContent(issue: EmailIssue): EmailContent {
  return {
    title: plainText(issue.title),
    intro: (issue.intro ?? '')
      .split(/\n\s*\n/)
      .map(plainText)
      .filter(Boolean),
    periodLabel: plainText(issue.periodLabel),
    count: plural(issue.papers.length, 'paper'),
    siteTitle: plainText(issue.siteTitle),
    siteUrl: safeUrl(issue.siteUrl),
    webUrl: safeUrl(issue.webUrl),
    items: issue.papers.map((p) => emailItem(p, issue)),
  };
}

/** The inbox preview line: the intro, else the first titles. */
export function preheader(content: EmailContent, max = 140): string {
  const text = content.intro[0] ?? `${content.count}: ${content.items.map((i) => i.title).join(' · ')}`;
  return excerpt(text, max);
}
