import { emailContent, type EmailIssue, type EmailItem } from './email-issue.ts';

/**
 * The newsletter as `text/plain`: the same content as the HTML version, wrapped for reading in
 * any mail client, each URL alone on its line so clients make it clickable and never break it.
 */

/** Column the text wraps at. */
export const textWidth = 72;

/** Characters as a reader counts them (code points, not UTF-16 units). */
const width = (s: string) => s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

/** A word cut into pieces of at most `max` characters, unless it is a URL, which must stay whole. */
function pieces(word: string, max: number): string[] {
  if (width(word) <= max || /^https?:\/\//i.test(word)) return [word];
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''));
  return out;
}

/** `text` wrapped at `columns`, the first line prefixed with `firstIndent`, the others with `indent`. */
export function wrap(text: string, columns = textWidth, indent = '', firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  // Widths are kept as the line grows: measuring the whole line for each word made a day's
  // newsletters cost ~0.5 s at 12k papers.
  let lineWidth = width(firstIndent);
  let empty = true;
  const words = text.split(/\s+/).filter(Boolean);
  for (const word of words.flatMap((w) => pieces(w, columns - width(indent)))) {
    const wordWidth = width(word);
    if (!empty && lineWidth + 1 + wordWidth > columns) {
      lines.push(line);
      line = indent;
      lineWidth = width(indent);
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    lineWidth += (empty ? 0 : 1) + wordWidth;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}

const rule = '-'.repeat(textWidth);

/** One paper, numbered, with a hanging indent: title, authors, topics, upvotes, summary, permalink. */
function paperText(item: EmailItem, n: number, count: number): string[] {
  const number = `${n}.`.padEnd(String(count).length + 2);
  const indent = ' '.repeat(number.length);
  const topics = item.topics.length ? `Topics: ${item.topics.join(' · ')}` : '';
  const meta = [item.authors, topics, item.upvotes && `▲ ${item.upvotes}`].filter(Boolean);
  return [
    ...wrap(item.title, textWidth, indent, number),
    ...meta.flatMap((line) => wrap(line as string, textWidth, indent)),
    ...(item.summary ? ['', ...wrap(item.summary, textWidth, indent)] : []),
    ...(item.url ? ['', `${indent}${item.url}`] : []),
  ];
}

/** The issue as plain text for the `text/plain` part, wrapped at ~72 columns. */
export function emailText(issue: EmailIssue): string {
  const content = emailContent(issue);
  const lines: string[] = [
    ...wrap(content.siteTitle.toUpperCase()),
    '',
    ...wrap(content.title),
    ...wrap(content.periodLabel),
    ...(content.webUrl ? ['', 'View on the web:', content.webUrl] : []),
    ...content.intro.flatMap((p) => ['', ...wrap(p)]),
    '',
    content.count,
    rule,
  ];
  content.items.forEach((item, i) => {
    lines.push('', ...paperText(item, i + 1, content.items.length));
  });
  lines.push('', rule, ...wrap(`${content.siteTitle} · ${content.periodLabel}`));
  if (content.siteUrl) lines.push(content.siteUrl);
  return `${lines.join('\n')}\n`;
}
