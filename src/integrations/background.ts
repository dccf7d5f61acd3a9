/** Work a build step starts early and a later hook awaits: until then, its failure must not count as unhandled. */
export function inBackground<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}
