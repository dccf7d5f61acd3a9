import type { LogLine } from './measure.ts';

/** Where a build's wall time went, in seconds per phase, in pipeline order. */
export type Phases = [name: string, seconds: number][];

/** The line that ends each phase of `npm run build`, in order; a phase whose line is missing folds into the next. */
const boundaries: [string, RegExp][] = [
  // The import runs on a worker beside Astro's start, and Astro prints its content-sync lines only
  // once the sync (which waits for the import) is done, so the three are one phase.
  ['astro start, import beside it, content sync + types', /Building static entrypoints/],
  ['bundle (vite)', /generating static routes/],
  ['render routes', /✓ Completed in/],
];

/** After rendering, each of our integrations' first line (`[paperboy:cards] …`) ends that integration's phase. */
const integrationLine = /\[paperboy:([\w-]+)\]/;

/** Astro's own figure for the content sync and type generation, in seconds, when it prints one. */
function syncSeconds(lines: LogLine[]): number | undefined {
  for (const { text } of lines) {
    const m = /\[types\] Generated (\d+(?:\.\d+)?)(m?s)/.exec(text);
    if (m) return Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
  }
  return undefined;
}

/** Splits a build's log into phases by the lines Astro and our integrations print. */
export function buildPhases(lines: LogLine[], totalSeconds: number): Phases {
  const phases: Phases = [];
  let from = 0;
  let index = 0;
  for (const [name, pattern] of boundaries) {
    const found = lines.findIndex((l, i) => i >= index && pattern.test(l.text));
    if (found < 0) continue;
    phases.push([name, (lines[found].at - from) / 1000]);
    from = lines[found].at;
    index = found + 1;
  }
  const seen = new Set<string>();
  for (const line of lines.slice(index)) {
    const name = integrationLine.exec(line.text)?.[1];
    if (!name || seen.has(name)) continue;
    seen.add(name);
    phases.push([name.replace(/-/g, ' '), (line.at - from) / 1000]);
    from = line.at;
  }
  phases.push(['finish', Math.max(0, totalSeconds - from / 1000)]);
  const sync = syncSeconds(lines);
  const at = phases.findIndex(([name]) => name.startsWith('astro start')) + 1;
  if (sync !== undefined && at > 0) phases.splice(at, 0, ['↳ of which content sync + types (Astro)', sync]);
  return phases;
}

/** Render time summed per kind of route, from Astro's `├─ /path (+12ms)` lines. */
export interface RouteCost {
  kind: string;
  routes: number;
  ms: number;
}

/** Which kind of output a built path is. */
export function routeKind(path: string): string {
  if (path.endsWith('/og.png')) return path.startsWith('/papers/') ? 'paper cards' : 'other cards';
  if (/\.(xml|json)$/.test(path)) return /sitemap/.test(path) ? 'sitemaps' : 'feeds';
  if (path.endsWith('.bib')) return 'bibtex';
  if (path.startsWith('/papers/')) return 'paper pages';
  if (path.startsWith('/topics/')) return 'topic pages';
  if (/^\/\d{4}\//.test(path)) return 'date pages';
  return 'other pages';
}

/** Sums the per-route render times Astro prints, by kind of route, costliest first. */
export function routeCosts(lines: LogLine[]): RouteCost[] {
  const costs = new Map<string, RouteCost>();
  // A warning can land between a route's path and its time, pushing the time onto a line of its own.
  let pending: string | undefined;
  for (const { text } of lines) {
    const path = /[├└]─ (\/\S*?\.(?:html|png|xml|json|bib|txt))/.exec(text)?.[1];
    const time = /\(\+(\d+(?:\.\d+)?)(m?s)\)/.exec(text);
    if (path) pending = path;
    if (!time || !pending) continue;
    const kind = routeKind(pending);
    const cost = costs.get(kind) ?? { kind, routes: 0, ms: 0 };
    cost.routes++;
    cost.ms += Number(time[1]) * (time[2] === 's' ? 1000 : 1);
    costs.set(kind, cost);
    pending = undefined;
  }
  return [...costs.values()].sort((a, b) => b.ms - a.ms);
}
