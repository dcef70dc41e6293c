/**
 * Raised at start-up when a service the process needs (MongoDB, Redis, the puppet service) did
 * not answer in time. Its message is one line for the operator: which service, at which address,
 * which variable sets it, and the last error, without credentials and without a stack.
 */
export class DependencyUnavailableError extends Error {
  readonly code = 'DEPENDENCY_UNAVAILABLE';

  constructor(
    readonly service: string,
    readonly variable: string,
    readonly address: string,
    waitedMs: number,
    cause?: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : '';
    const last = detail ? ` (last error: ${oneLine(detail)})` : '';
    super(`cannot start: ${service} at ${address} (${variable}) did not answer within ${Math.round(waitedMs / 1000)} s${last}`);
    this.name = 'DependencyUnavailableError';
  }
}

/** The first line of an error message, without trailing separators. */
function oneLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/[\s.:;,-]+$/, '').trim();
}
