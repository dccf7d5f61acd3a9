/** Bytes as MiB with no decimals, or GiB with one above 1 GiB. */
export function mem(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(2)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`;
}

/** Bytes as KB (1,000) with one decimal, or MB above a megabyte. */
export function size(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`;
}

/** Seconds with one decimal, and in minutes too from two minutes up. */
export function secs(seconds: number): string {
  return seconds >= 120 ? `${seconds.toFixed(1)} s (${(seconds / 60).toFixed(1)} min)` : `${seconds.toFixed(1)} s`;
}

/** A count with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A ratio as `1.23×`. */
export function times(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

/** A Markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
