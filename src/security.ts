import type { AstroUserConfig } from 'astro';

type Csp = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/**
 * The Content-Security-Policy every page carries (as a meta tag; Astro adds hashes for its own
 * scripts and styles). Pagefind compiles WebAssembly and may start a worker from a blob;
 * KaTeX sizes formulas with inline `style` attributes; thumbnails come from other https hosts.
 */
export const csp: Csp = {
  directives: [
    "default-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: {
    resources: [
      { resource: "'self'", kind: 'element' },
      { resource: "'unsafe-inline'", kind: 'attribute' },
    ],
  },
};
