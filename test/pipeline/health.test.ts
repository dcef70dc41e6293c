/**
 * GET /healthz against real and unreachable dependencies: the checks the bot and worker
 * processes serve answer 200 when Redis and MongoDB answer, and 503 when either is pointed at
 * a closed port; the worker runtime serves it on its own.
 */
import net from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { Redis } from 'ioredis';
import pino from 'pino';
import { mongoCheck, redisCheck, startHealthServer, type HealthServer } from '../../src/kernel/health-server';
import { AdjustableClock } from '../../src/kernel/clock';
import { connectMongo } from '../../src/stores/connect-mongo';
import { createRedis } from '../../src/queue/redis-connection';
import type { WorkerRuntime } from '../../bots/worker-runtime';
import { startTestWorker, testConfig } from '../support/test-bot';
import { dropDatabase, mongoUriFor, redisUrl } from '../support/test-env';

const log = pino({ level: 'silent' });

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe('/healthz with real and unreachable Redis and MongoDB', () => {
  const servers: HealthServer[] = [];
  const redises: Redis[] = [];
  const conns: Connection[] = [];
  const dbs: string[] = [];
  let worker: WorkerRuntime | null = null;

  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const r of redises) r.disconnect();
    for (const c of conns) await c.close().catch(() => undefined);
    await worker?.stop();
    for (const db of dbs) await dropDatabase(db);
  });

  async function serve(redis: Redis, conn: Connection): Promise<HealthServer> {
    const server = await startHealthServer({ host: '127.0.0.1', port: 0, checks: { redis: redisCheck(redis), mongodb: mongoCheck(conn) }, log });
    servers.push(server);
    return server;
  }

  it('answers 200 with every check ok when both answer', async () => {
    const uri = mongoUriFor('health');
    dbs.push(uri);
    const redis = createRedis(redisUrl());
    const conn = await connectMongo(uri);
    redises.push(redis);
    conns.push(conn);
    const res = await fetch(`${(await serve(redis, conn)).url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { redis: { ok: true }, mongodb: { ok: true } } });
  });

  it('answers 503 naming Redis when Redis is on a closed port', async () => {
    const uri = mongoUriFor('health');
    dbs.push(uri);
    // The bot's client options (keeps retrying, so PING waits: the check's timeout answers); a short
    // disconnectTimeout, since ioredis otherwise holds a 2 s timer after disconnect() of a refused socket.
    const redis = new Redis(`redis://127.0.0.1:${await closedPort()}`, { maxRetriesPerRequest: null, enableReadyCheck: true, disconnectTimeout: 10 });
    redis.on('error', () => undefined);
    const conn = await connectMongo(uri);
    redises.push(redis);
    conns.push(conn);
    const res = await fetch(`${(await serve(redis, conn)).url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'fail', checks: { redis: { ok: false }, mongodb: { ok: true } } });
  });

  it('answers 503 naming MongoDB when MongoDB is on a closed port', async () => {
    const redis = createRedis(redisUrl());
    const conn = mongoose.createConnection(`mongodb://127.0.0.1:${await closedPort()}/cb_health_down`, { serverSelectionTimeoutMS: 500 });
    conn.asPromise().catch(() => undefined);
    redises.push(redis);
    conns.push(conn);
    const res = await fetch(`${(await serve(redis, conn)).url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'fail', checks: { redis: { ok: true }, mongodb: { ok: false } } });
  });

  it('the worker runtime serves /healthz with Redis and MongoDB', async () => {
    const config = testConfig('healthworker');
    dbs.push(config.MONGODB_URI);
    worker = await startTestWorker(config, new AdjustableClock());
    expect(worker.healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${worker.healthUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', checks: { redis: { ok: true }, mongodb: { ok: true } } });
  });
});
