/** A failure to tell the user in one line; the CLI prints `fetch: <message>` and exits 1. */
export class FetchError extends Error {
  override name = 'FetchError';
}

/** The server answered with a status we do not retry (a 4xx other than 429). */
export class HttpStatusError extends FetchError {
  override name = 'HttpStatusError';
  readonly status: number;
  readonly url: string;
  /** The response body, which may say why (arXiv explains a bad query in an Atom entry). */
  readonly body: string;

  constructor(status: number, url: string, body: string, statusText: string) {
    super(`${url} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}`);
    this.status = status;
    this.url = url;
    this.body = body;
  }
}

/** The first characters of a body, on one line, to show what came back instead. */
export function preview(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}

/** Errors that mean the host cannot be reached at all: no network, no DNS, nothing listening. */
const unreachable = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);

/** The system error code (`ECONNRESET`, `ENOTFOUND` …) behind a failed `fetch`, wherever undici put it. */
export function networkCode(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Happy Eyeballs tries several addresses and reports them together.
  if (Array.isArray(errors) && errors.length > 0) return networkCode(errors[0], depth + 1);
  return networkCode(cause, depth + 1);
}

/** True when the error says the host cannot be reached, so retrying now would only delay the same answer. */
export function isUnreachable(error: unknown): boolean {
  const code = networkCode(error);
  return code !== undefined && unreachable.has(code);
}

/** A short reason for a failed request, for retry lines and the give-up message. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const code = networkCode(error);
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return `connection closed mid-response (${code})`;
  if (code) return `network error (${code})`;
  return `network error (${error instanceof Error ? error.message : String(error)})`;
}
