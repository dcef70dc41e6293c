import pino from 'pino';
import { mongoCheck, redisCheck, runHealthChecks, startHealthServer, type HealthServer } from '../../../src/kernel/health-server';

const log = pino({ level: 'silent' });
const never = () => new Promise<void>(() => undefined);

describe('runHealthChecks', () => {
  it('is ok only when every check passes, and reports each one', async () => {
    const report = await runHealthChecks({ a: async () => undefined, b: async () => Promise.reject(new Error('down')) });
    expect(report.status).toBe('fail');
    expect(report.checks.a).toMatchObject({ ok: true });
    expect(report.checks.b).toMatchObject({ ok: false, error: 'down' });
  });

  it('fails a check that does not answer within the timeout instead of hanging', async () => {
    const report = await runHealthChecks({ hung: never }, 50);
    expect(report).toMatchObject({ status: 'fail', checks: { hung: { ok: false, error: 'no answer within 50 ms' } } });
  });

  it('reads a PING answer other than PONG and a MongoDB connection that is not open as failures', async () => {
    const report = await runHealthChecks({
      redis: redisCheck({ ping: async () => 'LOADING' }),
      mongodb: mongoCheck({ readyState: 2, db: undefined }),
    });
    expect(report.checks.redis).toMatchObject({ ok: false });
    expect(report.checks.mongodb).toMatchObject({ ok: false, error: 'not connected' });
  });
});

describe('startHealthServer', () => {
  let server: HealthServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('answers GET /healthz with 200 and the report when all checks pass, 503 when one fails', async () => {
    let redisUp = true;
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      checks: { redis: redisCheck({ ping: async () => (redisUp ? 'PONG' : Promise.reject(new Error('ECONNREFUSED'))) }) },
      log,
    });
    const up = await fetch(`${server.url}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', checks: { redis: { ok: true } } });
    redisUp = false;
    const down = await fetch(`${server.url}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'fail', checks: { redis: { ok: false, error: 'ECONNREFUSED' } } });
  });

  it('binds where it is told (loopback here) and serves nothing but /healthz', async () => {
    server = await startHealthServer({ host: '127.0.0.1', port: 0, checks: {}, log });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
  });
});
