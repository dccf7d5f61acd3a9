/** A small seeded PRNG, so a corpus of a given size is the same on every run and every machine. */
export type Random = () => number;

/** mulberry32: a fast 32-bit generator, uniform in [0, 1). */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for item `index` of stream `stream`: item i is the same whatever the corpus size. */
export function seededFor(stream: number, index: number): Random {
  return seeded(Math.imul(stream ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

/** An integer in [min, max]. */
export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One item, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** An index in [0, n) skewed towards 0 (power law), so a few items are common and most are rare. */
export function skewed(random: Random, n: number, power = 2.2): number {
  return Math.min(n - 1, Math.floor(n * random() ** power));
}
