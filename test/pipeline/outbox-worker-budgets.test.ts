/**
 * The outbox worker holds more jobs than it sends at once and takes their send budgets together
 * (DestinationRateLimiter.takeAll): every message still goes once, no more than `concurrency` at once, and
 * the per-group and per-account budgets still hold over messages whose budgets were taken in
 * one call.
 */
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import pino from 'pino';
import type { ChatTarget, OutgoingMessage } from '../../src/platform/chat-event';
import { Outbox, startOutboxWorker, type OutboxWorkerOptions } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import { redisUrl, uniqueName } from '../support/test-env';

const log = pino({ level: 'silent' });

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('outbox worker: budgets taken together still hold, each message goes once', () => {
  let queueRedis: Redis;
  let workerRedis: Redis;
  const prefixes: string[] = [];
  const open: { outbox: Outbox; worker: Worker }[] = [];

  /** An outbox and its worker on a fresh prefix; `sent` records each send as `group:text`. */
  async function start(options: OutboxWorkerOptions, send?: (target: ChatTarget, message: OutgoingMessage) => Promise<void>) {
    const prefix = uniqueName('outbox_budgets');
    prefixes.push(prefix);
    const sent: string[] = [];
    const outbox = new Outbox(queueRedis, prefix);
    const worker = startOutboxWorker(
      workerRedis,
      prefix,
      async (target, message) => {
        await send?.(target, message);
        sent.push(`${target.id}:${message.text}`);
      },
      log,
      options,
    );
    await worker.waitUntilReady();
    open.push({ outbox, worker });
    return { outbox, sent };
  }

  const message = (group: string, i: number) => ({ target: { kind: 'group' as const, id: group }, message: { text: `消息 ${i}` }, jobId: `m-${group}-${i}` });

  beforeAll(() => {
    queueRedis = createRedis(redisUrl());
    workerRedis = createRedis(redisUrl());
  });

  afterAll(async () => {
    for (const { outbox, worker } of open) {
      await worker.close();
      await outbox.close();
    }
    for (const prefix of prefixes) {
      const keys = [...(await queueRedis.keys(`${prefix}:*`)), ...(await queueRedis.keys(`{${prefix}:ratelimit}:*`))];
      if (keys.length > 0) await queueRedis.del(...keys);
    }
    queueRedis.disconnect();
    workerRedis.disconnect();
  });

  it('sends every message once, never more than `concurrency` at once', async () => {
    let inFlight = 0;
    let most = 0;
    const { outbox, sent } = await start({ concurrency: 2, perTarget: { limit: 100, windowMs: 60_000 }, perAccount: null }, async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    });
    const messages = Array.from({ length: 30 }, (_, i) => message(`room-${i}@chatroom`, i));
    await outbox.enqueueBulk(messages);
    await until(async () => (await outbox.queue.getJobCounts('completed')).completed === 30, 'all 30 completed');
    expect(sent.sort()).toEqual(messages.map((m) => `${m.target.id}:${m.message.text}`).sort());
    expect(most).toBeLessThanOrEqual(2);
  });

  it('holds the per-group budget: of six messages to one group, three go and three wait', async () => {
    const { outbox, sent } = await start({ perTarget: { limit: 3, windowMs: 60_000 }, perAccount: null });
    await outbox.enqueueBulk(Array.from({ length: 6 }, (_, i) => message('room-busy@chatroom', i)));
    await until(async () => (await outbox.queue.getJobCounts('delayed')).delayed === 3 && sent.length === 3, 'three sent, three delayed');
    expect(new Set(sent).size).toBe(3);
    const counts = await outbox.queue.getJobCounts('completed', 'delayed', 'waiting', 'active');
    expect(counts).toMatchObject({ completed: 3, delayed: 3 });
  });

  it('holds the account budget across groups: of ten messages to ten groups, four go and six wait', async () => {
    const { outbox, sent } = await start({ perTarget: { limit: 20, windowMs: 60_000 }, perAccount: { limit: 4, windowMs: 60_000 }, accountKey: 'bot-a' });
    await outbox.enqueueBulk(Array.from({ length: 10 }, (_, i) => message(`room-${i}@chatroom`, i)));
    await until(async () => (await outbox.queue.getJobCounts('delayed')).delayed === 6 && sent.length === 4, 'four sent, six delayed');
    expect(new Set(sent).size).toBe(4);
    expect(await outbox.queue.getJobCounts('completed', 'delayed')).toMatchObject({ completed: 4, delayed: 6 });
  });
});
