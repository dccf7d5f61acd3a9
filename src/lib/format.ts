/** "A, B and C" or "A, B, C et al." for the first `max` authors. */
export function authorLine(authors: string[], max = 3): string {
  if (authors.length === 0) return '';
  if (authors.length > max) return `${authors.slice(0, max).join(', ')} et al.`;
  if (authors.length === 1) return authors[0];
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** "1 paper", "76 papers". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The text cut to at most `max` characters on a word boundary, with an ellipsis. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,;:.]+$/, '')}…`;
}
