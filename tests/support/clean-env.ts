const testRunnerVars = new Set(['NODE_ENV', 'TEST', 'PROD', 'DEV', 'BASE_URL', 'MODE', 'SSR']);

/** The environment without the test runner's own variables (NODE_ENV=test, PROD, MODE, VITEST…), which change how Astro and Vite build and serve. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !testRunnerVars.has(k) && !k.startsWith('VITEST')),
  );
  return { ...env, ...extra };
}
