import { createHash } from 'node:crypto';
import { splitMath } from './math.ts';
import type { Paper } from './paper-schema.ts';

/**
 * "Related papers": for each paper, the others most similar by TF-IDF cosine over its title
 * (counted twice) and abstract. Comparing every pair would be quadratic, so each paper only looks
 * at papers sharing one of its most telling terms (an inverted index over its top-weighted terms
 * that are neither unique nor common), then ranks those candidates by their full cosine.
 *
 * The word statistics (how rare each term is) come from the oldest papers only, as many as the
 * digest holds rounded down to two significant digits: counted over every paper, they move a
 * little with each day added, and a tenth of all related lists reshuffled daily over near-ties
 * (10k papers, and the real Hugging Face sample), each a page to build again. Counted this way
 * they change only when the digest passes the next round size (every 100 papers from 1k to 10k,
 * every 1,000 from 10k to 100k). On other days a list changes when a new paper belongs in it, or,
 * less often, when a new paper pulls a candidate of it into the shortlist in place of another.
 */

/** The fields similarity reads. */
export type RelatedInput = Pick<Paper, 'slug' | 'title' | 'date'> & { abstract?: string };

/** Tuning knobs; the defaults suit collections from a hundred to a hundred thousand papers. */
export interface RelatedOptions {
  /** How many of a paper's highest-weighted terms find its candidates (default 12). */
  topTerms?: number;
  /** Terms in more than this share of papers find no candidates (default 0.05)… */
  maxDocShare?: number;
  /** …nor terms in more than this many papers (default 2000)… */
  maxDocs?: number;
  /** …but a term in up to this many papers always may (default 50), so small collections work. */
  minDocLimit?: number;
  /** How many candidates per paper get their full cosine computed (default `3k + 10`). */
  candidates?: number;
  /** How many papers, oldest first, the word statistics count (default: `statisticsSize` of all). */
  statisticsPapers?: number;
}

/** Common English and boilerplate abstract words that say nothing about the topic. */
const stopWords = new Set(
  `a about above across after again against all almost along also although always am among an and another any are
  as at be because been before being below between both but by can cannot could did do does doing done down due
  during each either else enough especially etc even ever every few for from further had has have having here
  hence how however i if in into is it its itself just less like made make makes many may more moreover most much
  must near nearly neither no nor not now of off often on once one only onto or other others otherwise our ours out
  over own per perhaps rather same several shall should show shows shown since so some such than that the their
  theirs them then there thereby therefore these they this those though through thus to too toward towards under
  until up upon us use used uses using very via was we well were what when where whereas whether which while who
  whom whose why will with within without would yet you your paper propose proposed proposes present presents
  approach approaches method methods result results new novel based work existing also achieve achieves`.split(/\s+/),
);

/** Plural endings removed (after Harman's S-stemmer), so "views" meets "view". */
function stem(word: string): string {
  // Harman's rules, tried in order; all of them end in "s", so most words return at once.
  if (word.length < 4 || !word.endsWith('s')) return word;
  const before = word[word.length - 2];
  if (before === 'e') {
    const third = word[word.length - 3];
    if (third === 'i' && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
    if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
    return word.slice(0, -1);
  }
  if (/(us|ss|is|ias)$/.test(word)) return word;
  return word.slice(0, -1);
}

/**
 * Text with only ASCII characters (19 in 20 abstracts), split without Unicode tables: with the
 * stemmer's early return, tokenizing 13k papers went from 0.50 to 0.38 s.
 */
const ascii = /^[\0-\x7f]*$/;

/** Whether a word is all digits. */
function isNumber(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The words of a text that carry meaning: math dropped, lower case, no accents, stop words out, stemmed. */
export function terms(text: string): string[] {
  const plain = splitMath(text)
    .map((s) => (s.math ? ' ' : s.text))
    .join(' ');
  const words = ascii.test(plain)
    ? plain.toLowerCase().split(/[^a-z0-9]+/)
    : plain
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
  const kept: string[] = [];
  for (const w of words) if (w.length > 1 && !isNumber(w) && !stopWords.has(w)) kept.push(stem(w));
  return kept;
}

/** One paper as a sparse unit vector: term ids ascending, with their weights. */
interface DocVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** One paper's terms: their ids ascending, and how often each occurs (title terms count twice). */
interface TermCounts {
  ids: Int32Array;
  tf: Int32Array;
}

/** Term counts of each paper, tallied in one array indexed by term id, reset after each paper. */
function countTerms(papers: RelatedInput[], termIds: Map<string, number>): TermCounts[] {
  let tally = new Int32Array(1 << 16);
  return papers.map((paper) => {
    const seen: number[] = [];
    const add = (text: string | undefined, weight: number) => {
      for (const term of terms(text ?? '')) {
        let id = termIds.get(term);
        if (id === undefined) {
          termIds.set(term, (id = termIds.size));
          if (id === tally.length) {
            const grown = new Int32Array(2 * tally.length);
            grown.set(tally);
            tally = grown;
          }
        }
        if (tally[id] === 0) seen.push(id);
        tally[id] += weight;
      }
    };
    add(paper.title, 2);
    add(paper.abstract, 1);
    const ids = Int32Array.from(seen).sort();
    const tf = ids.map((id) => tally[id]);
    for (const id of seen) tally[id] = 0;
    return { ids, tf };
  });
}

/** How many of `n` papers the word statistics are counted over: `n` to two significant digits, rounded down. */
export function statisticsSize(n: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(n, 1))) - 1);
  return Math.floor(n / step) * step;
}

/** Oldest first: by digest day, then slug. */
const compareOldest = (a: RelatedInput, b: RelatedInput) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;

/** How many of the given papers hold each term. */
function documentFrequencies(counts: TermCounts[], termCount: number, papers: Iterable<number>) {
  const df = new Int32Array(termCount);
  for (const i of papers) for (const id of counts[i].ids) df[id]++;
  return df;
}

/** TF-IDF vectors, L2-normalized: weight = (1 + ln tf) · ln(1 + N / df), N the papers `df` counts (a term none has counts once). */
function vectors(counts: TermCounts[], df: Int32Array, n: number): DocVector[] {
  return counts.map(({ ids, tf }) => {
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      weights[i] = (1 + Math.log(tf[i])) * Math.log(1 + n / Math.max(1, df[ids[i]]));
      norm += weights[i] * weights[i];
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i] /= norm;
    return { ids, weights };
  });
}

/** An inverted index in flat arrays: the papers holding term `t` are `docs[start[t] … start[t + 1])`. */
function invertedIndex(vecs: DocVector[], termCount: number, usable: (id: number) => boolean) {
  const start = new Int32Array(termCount + 1);
  for (const { ids } of vecs) for (const id of ids) if (usable(id)) start[id + 1]++;
  for (let t = 0; t < termCount; t++) start[t + 1] += start[t];
  const fill = start.slice(0, termCount);
  const docs = new Int32Array(start[termCount]);
  const weights = new Float64Array(start[termCount]);
  vecs.forEach(({ ids, weights: w }, doc) =>
    ids.forEach((id, i) => {
      if (!usable(id)) return;
      docs[fill[id]] = doc;
      weights[fill[id]++] = w[i];
    }),
  );
  return { start, docs, weights };
}

/**
 * The `size` items of `items[0 … count)` with the highest `scores[item]`, best first, ties by
 * name: one pass keeping the best so far in a heap whose root is the worst of them, so most items
 * cost one comparison.
 */
function topScored(
  items: ArrayLike<number>,
  count: number,
  scores: Float64Array,
  size: number,
  name: (item: number) => string,
): number[] {
  const heap: number[] = [];
  // Whether item a ranks below item b: a lower score, or the same score and a later name.
  const below = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && name(a) > name(b));
  for (let n = 0; n < count; n++) {
    const item = items[n];
    if (heap.length < size) {
      let i = heap.length;
      heap.push(item);
      while (i > 0 && below(item, heap[(i - 1) >> 1])) {
        heap[i] = heap[(i - 1) >> 1];
        i = (i - 1) >> 1;
      }
      heap[i] = item;
    } else if (size > 0 && below(heap[0], item)) {
      let i = 0;
      for (let child = 1; child < size; child = 2 * i + 1) {
        if (child + 1 < size && below(heap[child + 1], heap[child])) child++;
        if (!below(heap[child], item)) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = item;
    }
  }
  return heap.sort((a, b) => (below(a, b) ? 1 : -1));
}

/** Related lists made away from the pages (on the build's worker), with the key of the papers they are of. */
export interface RelatedLists {
  key: string;
  related: [string, string[]][];
}

/** What `relatedPapers(papers, k)` depends on, hashed: tells whether lists made elsewhere are these papers'. */
export function relatedKey(papers: RelatedInput[], k = 5): string {
  const hash = createHash('sha256').update(String(k));
  for (const p of papers) hash.update(`\0${p.slug}\0${p.date}\0${p.title}\0${p.abstract ?? ''}`);
  return hash.digest('hex');
}

/** For every paper, the slugs of the `k` most similar others, best first (ties by slug). */
export function relatedPapers(papers: RelatedInput[], k = 5, options: RelatedOptions = {}): Map<string, string[]> {
  const { topTerms = 12, maxDocShare = 0.05, maxDocs = 2000, minDocLimit = 50, candidates = 3 * k + 10 } = options;
  const n = papers.length;
  const statistics = Math.min(n, options.statisticsPapers ?? statisticsSize(n));
  const termIds = new Map<string, number>();
  const counts = countTerms(papers, termIds);
  const termNames = [...termIds.keys()];
  const oldest = papers
    .map((_, i) => i)
    .sort((a, b) => compareOldest(papers[a], papers[b]))
    .slice(0, statistics);
  const df = documentFrequencies(counts, termIds.size, oldest);
  const vecs = vectors(counts, df, statistics);
  // A term new since the statistics (or in one of their papers) is judged by every paper holding it,
  // so new papers on a new subject find each other; lists without such a term do not move.
  const dfAll = documentFrequencies(counts, termIds.size, papers.keys());
  const holders = (id: number) => (df[id] >= 2 ? df[id] : dfAll[id]);
  const dfLimit = Math.min(maxDocs, Math.max(minDocLimit, Math.floor(maxDocShare * statistics)));
  // Only terms shared by a few papers find candidates: a unique term finds none, a common one too many.
  const usable = (id: number) => holders(id) >= 2 && holders(id) <= dfLimit;
  const index = invertedIndex(vecs, termIds.size, usable);

  const partial = new Float64Array(n); // dot products over the paper's top terms, reset after each paper
  const dense = new Float64Array(termIds.size); // the current paper's vector, spread out
  const cosine = new Float64Array(n);
  const slug = (doc: number) => papers[doc].slug;
  const related = new Map<string, string[]>();
  const touched = new Int32Array(n);
  const { start, docs, weights: postingWeights } = index;
  vecs.forEach(({ ids, weights }, self) => {
    let usableCount = 0;
    const own = new Int32Array(ids.length);
    for (let i = 0; i < ids.length; i++) if (usable(ids[i])) own[usableCount++] = i;
    const top = topScored(own, usableCount, weights, topTerms, (i) => termNames[ids[i]]);
    let count = 0;
    for (const i of top) {
      const weight = weights[i];
      for (let p = start[ids[i]], end = start[ids[i] + 1]; p < end; p++) {
        const other = docs[p];
        if (other === self) continue;
        if (partial[other] === 0) touched[count++] = other;
        partial[other] += weight * postingWeights[p];
      }
    }
    const shortlist = topScored(touched, count, partial, candidates, slug);
    for (let i = 0; i < count; i++) partial[touched[i]] = 0;

    // The shortlist ranked by full cosine, the paper's vector spread out for quick lookups.
    for (let i = 0; i < ids.length; i++) dense[ids[i]] = weights[i];
    for (const other of shortlist) {
      const v = vecs[other];
      let dot = 0;
      for (let i = 0; i < v.ids.length; i++) dot += dense[v.ids[i]] * v.weights[i];
      cosine[other] = dot;
    }
    for (let i = 0; i < ids.length; i++) dense[ids[i]] = 0;
    related.set(slug(self), topScored(shortlist, shortlist.length, cosine, k, slug).map(slug));
  });
  return related;
}
