/**
 * How a bench file runs as a program: `main` with the command line and the environment's
 * MONGODB_URI and REDIS_URL, exit status 1 on a failure, a watchdog that gives up after
 * `timeoutMs` (the 'exit' listeners a bench installs kill its children and stop a private
 * FerretDB), and SIGINT/SIGTERM ending the process the same way.
 */
export function runBench(name: string, timeoutMs: number, main: (argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }) => Promise<unknown>): void {
  const watchdog = setTimeout(() => {
    process.stderr.write(`[bench] ${name} gave up after ${timeoutMs / 1000} s\n`);
    process.exit(1);
  }, timeoutMs);
  watchdog.unref();
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  main(process.argv.slice(2), { MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL }).catch((err: unknown) => {
    process.stderr.write(`[bench] ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
