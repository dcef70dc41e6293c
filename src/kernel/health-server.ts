import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from './logger';

/** How long one check may take before it counts as failed: a hung dependency must not hang the probe. */
const CHECK_TIMEOUT_MS = 2_000;

/** One named dependency check: resolves when healthy, throws (or times out) when not. */
export type HealthCheck = () => Promise<void>;

/** What GET /healthz answers: `ok` only when every check passed, with each check's result. */
export interface HealthReport {
  status: 'ok' | 'fail';
  checks: Record<string, { ok: boolean; ms: number; error?: string }>;
}

/** A listening health server and how to close it. */
export interface HealthServer {
  /** `http://host:port`, with the port actually bound (HEALTH_PORT 0 picks a free one). */
  readonly url: string;
  close(): Promise<void>;
}

/** Runs every check at once, each bounded by a timeout, and reports them all. */
export async function runHealthChecks(checks: Record<string, HealthCheck>, timeoutMs = CHECK_TIMEOUT_MS): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [name, { ok: true, ms: Date.now() - started }] as const;
      } catch (err) {
        return [name, { ok: false, ms: Date.now() - started, error: err instanceof Error ? err.message : String(err) }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const report: HealthReport = { status: 'ok', checks: {} };
  for (const [name, result] of entries) {
    report.checks[name] = result;
    if (!result.ok) report.status = 'fail';
  }
  return report;
}

/** A Redis client's PING as a health check. */
export function redisCheck(redis: { ping(): Promise<string> }): HealthCheck {
  return async () => {
    const reply = await redis.ping();
    if (reply !== 'PONG') throw new Error(`PING answered ${reply}`);
  };
}

/** A MongoDB connection's `ping` command as a health check; a connection that is not open fails at once. */
export function mongoCheck(conn: { readyState: number; db?: { command(cmd: Record<string, unknown>): Promise<unknown> } | undefined }): HealthCheck {
  return async () => {
    // mongoose's readyState 1 is "connected"; anything else means commands would only be buffered.
    if (conn.readyState !== 1 || !conn.db) throw new Error('not connected');
    await conn.db.command({ ping: 1 });
  };
}

/**
 * Serves `GET /healthz` on its own small server (not the web chat's): 200 with the report when
 * every check passes, 503 otherwise, for container healthchecks and monitors. It binds to
 * `host` (loopback by default) and answers nothing else.
 */
export async function startHealthServer(options: { host: string; port: number; checks: Record<string, HealthCheck>; log: Logger }): Promise<HealthServer> {
  const app: FastifyInstance = Fastify({ logger: false });
  app.get('/healthz', async (_request, reply) => {
    const report = await runHealthChecks(options.checks);
    if (report.status !== 'ok') options.log.warn({ checks: report.checks }, 'health check failed');
    return reply.code(report.status === 'ok' ? 200 : 503).header('cache-control', 'no-store').send(report);
  });
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  // Debug only: start-up may still fail after this (one line, no log); the runtime names the URL in its "started" line.
  options.log.debug({ host: options.host, port }, `health check at http://${host}:${port}/healthz`);
  return { url: `http://${host}:${port}`, close: () => app.close() };
}
