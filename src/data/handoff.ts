/**
 * Values the build's integrations hand to its pages. Both run in one process, but the pages load
 * their own copies of these modules (from Astro's bundle), so a value travels on the global object
 * under a registered symbol.
 */
const slot = (name: string) => Symbol.for(`paperboy.${name}`);

/** Hands `value` over under `name`; undefined takes it back. */
export function handOver(name: string, value: unknown): void {
  (globalThis as Record<symbol, unknown>)[slot(name)] = value;
}

/** What was handed over under `name`, if anything. */
export function handedOver<T>(name: string): T | undefined {
  return (globalThis as Record<symbol, unknown>)[slot(name)] as T | undefined;
}

/**
 * What was handed over under `name`, awaited; undefined when nothing was, or (said once on the
 * console, as the pages then do `what` themselves, slower) when the build's worker failed.
 */
export async function takeOver<T>(name: string, what: string): Promise<T | undefined> {
  return handedOver<Promise<T>>(name)?.catch((error: Error) => {
    console.warn(`[paperboy] the pages ${what} themselves: the build's worker failed (${error.message})`);
    return undefined;
  });
}
