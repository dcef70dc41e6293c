/**
 * The queue side of the bot on a Redis Cluster of three masters started here on loopback ports
 * (redis-server --cluster-enabled yes + redis-cli --cluster create): configuration puts every key
 * under one hash tag, and BullMQ's queues (the outbox and the work queue), the send budgets'
 * multi-key script, the event inbox's transaction, dedupe's scripts (mark and flood count, done
 * marks), the 认领管理员 attempt counter and the hot-state feed all work there. On a plain server the same code runs in every other test.
 */
import { Worker } from 'bullmq';
import type { Cluster } from 'ioredis';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/kernel/load-config';
import type { ChatTarget, OutgoingMessage } from '../../src/platform/chat-event';
import { takeClaimAttempt } from '../../src/features/admin/admin-claim';
import type { BotDeps } from '../../src/pipeline/bot-deps';
import { ChatContext } from '../../src/pipeline/chat-context';
import { dedupe } from '../../src/pipeline/middleware/dedupe';
import { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { DestinationRateLimiter } from '../../src/queue/destination-rate-limit';
import { EventInbox } from '../../src/queue/event-inbox';
import { Outbox, startOutboxWorker } from '../../src/queue/outbox';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import { createRedis, waitForRedis, type RedisClient } from '../../src/queue/redis-connection';
import { startHotState } from '../../src/stores/hot/redis-change-feed';
import { startRedisCluster, type RedisClusterHandle } from '../support/redis-cluster';
import { chatEvent } from '../support/chat-event';
import { uniqueName } from '../support/test-env';

const log = pino({ level: 'silent' });

const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the queues and keys on a three-master Redis Cluster', () => {
  let cluster: RedisClusterHandle;
  let config: Config;
  const connections: RedisClient[] = [];
  const open = async (): Promise<RedisClient> => {
    const redis = createRedis(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
    connections.push(redis);
    await waitForRedis(redis, config.REDIS_URL, 15_000);
    return redis;
  };

  beforeAll(async () => {
    cluster = await startRedisCluster();
    config = loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017/unused', REDIS_CLUSTER_NODES: cluster.nodes.join(','), QUEUE_PREFIX: uniqueName('cluster') });
  });

  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await cluster?.stop();
  });

  it('configuration wraps the key prefix in one hash tag, and the connection is a cluster of three masters', async () => {
    expect(config.QUEUE_PREFIX).toMatch(/^\{cb_cluster_[0-9a-f]+\}$/);
    const redis = (await open()) as Cluster;
    expect(redis.nodes('master')).toHaveLength(3);
  });

  it('the outbox: messages queued one by one and in bulk are sent once each by the outbox worker', async () => {
    const queueRedis = await open();
    const workerRedis = await open();
    const outbox = new Outbox(queueRedis, config.QUEUE_PREFIX);
    const sent: string[] = [];
    const worker = startOutboxWorker(workerRedis, config.QUEUE_PREFIX, async (_t: ChatTarget, m: OutgoingMessage) => void sent.push(m.text), log, {
      limiter: new DestinationRateLimiter(queueRedis, `${config.QUEUE_PREFIX}:ratelimit`),
      perAccount: null,
    });
    try {
      for (let i = 0; i < 5; i++) await outbox.enqueue({ kind: 'group', id: `room-${i}` }, { text: `提醒 ${i}` }, `one_${i}`);
      await outbox.enqueueBulk(Array.from({ length: 20 }, (_, i) => ({ target: { kind: 'private' as const, id: `u-${i}` }, message: { text: `日报 ${i}` }, jobId: `bulk_${i}` })));
      // The same ids again: kept once.
      await outbox.enqueue({ kind: 'group', id: 'room-0' }, { text: '提醒 0' }, 'one_0');
      await until(() => sent.length >= 25, 'all 25 messages');
      await new Promise((r) => setTimeout(r, 200));
      expect([...sent].sort()).toEqual([...Array.from({ length: 5 }, (_, i) => `提醒 ${i}`), ...Array.from({ length: 20 }, (_, i) => `日报 ${i}`)].sort());
    } finally {
      await worker.close();
      await outbox.close();
    }
  });

  it('the work queue: a planned job runs once at its time, a cancelled one never', async () => {
    const queueRedis = await open();
    const workerRedis = await open();
    const scheduler = new BullmqScheduler(queueRedis, config.QUEUE_PREFIX, WORK_QUEUE);
    const ran: string[] = [];
    const worker = new Worker(WORK_QUEUE, async (job) => void ran.push(job.id ?? ''), { connection: workerRedis, prefix: config.QUEUE_PREFIX });
    try {
      const soon = new Date(Date.now() + 300);
      await scheduler.schedule('daily-digest', { day: '2027-03-01' }, { jobId: 'digest-a', runAt: soon });
      await scheduler.schedule('daily-digest', { day: '2027-03-01' }, { jobId: 'digest-a', runAt: soon });
      await scheduler.schedule('daily-digest', { day: '2027-03-02' }, { jobId: 'digest-b', runAt: new Date(Date.now() + 60_000) });
      expect((await scheduler.plannedIds('digest-')).sort()).toEqual(['digest-a', 'digest-b']);
      await scheduler.cancel('digest-b');
      await until(() => ran.length >= 1, 'the planned job');
      await new Promise((r) => setTimeout(r, 300));
      expect(ran).toEqual(['digest-a']);
      expect(await scheduler.plannedIds('digest-')).toEqual([]);
    } finally {
      await worker.close();
      await scheduler.close();
    }
  });

  it('the send budgets: a take over two rules (four keys, one script) is all or nothing', async () => {
    // Its own key space: the outbox test above spent budget on the same group names.
    const limiter = new DestinationRateLimiter(await open(), `${config.QUEUE_PREFIX}:budgets`);
    const rules = [
      { key: 'chat:group:room-1', limit: 2, windowMs: 60_000 },
      { key: 'chat:account', limit: 3, windowMs: 60_000 },
    ];
    expect((await limiter.takeAll(rules)).allowed).toBe(true);
    expect((await limiter.takeAll(rules)).allowed).toBe(true);
    const third = await limiter.takeAll(rules);
    expect(third.allowed).toBe(false);
    expect(third.retryInMs).toBeGreaterThan(0);
    // The group's budget is spent; another group still has the account's last send.
    expect((await limiter.takeAll([{ key: 'chat:group:room-2', limit: 2, windowMs: 60_000 }, rules[1]!])).allowed).toBe(true);
  });

  it('the event inbox: a failing event moves to the failed journal in one transaction over two keys', async () => {
    const redis = await open();
    const key = `${config.QUEUE_PREFIX}:inbox:wechaty:test`;
    const event = chatEvent({ conversation: { kind: 'group', id: 'room-1' }, sender: { id: 'u-1', name: '学员' }, text: '签到' });
    const inbox = new EventInbox(redis, {
      key,
      log,
      retryDelaysMs: [5],
      handle: async () => {
        throw new Error('always fails');
      },
    });
    await inbox.resume();
    await inbox.receive(event);
    await until(async () => (await redis.xlen(`${key}:failed`)) === 1, 'the failed entry');
    expect(await redis.xlen(key)).toBe(0);
    await inbox.close();
  });

  it('dedupe: the mark with its flood count, and the done marks of events finishing together, are one script each over several keys', async () => {
    const redis = await open();
    const deps = { redis, config, log } as unknown as BotDeps;
    const events = [1, 2, 3].map((i) => chatEvent({ id: `dedupe-${i}`, sender: { id: `u-dedupe-${i}`, name: '学员' }, text: '签到' }));
    const handled: string[] = [];
    const counts: (number | undefined)[] = [];
    const deliverAll = () =>
      Promise.all(
        events.map((event) => {
          const ctx = new ChatContext(event, deps, new Date());
          return dedupe(ctx, async () => {
            handled.push(event.id);
            counts.push(await ctx.messagesInWindow()?.count);
          });
        }),
      );
    await deliverAll();
    await deliverAll();
    expect(handled.sort()).toEqual(['dedupe-1', 'dedupe-2', 'dedupe-3']);
    expect(counts).toEqual([1, 1, 1]);
    for (const event of events) expect(await redis.get(`${config.QUEUE_PREFIX}:seen:wechaty:${event.id}`)).toBe('done');
  });

  it('the claim attempt counter (MULTI) and the hot-state feed (pub/sub) work across the cluster', async () => {
    const redis = await open();
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) results.push(await takeClaimAttempt(redis, config.QUEUE_PREFIX, 'wechaty', 'u-claim', 3));
    expect(results).toEqual([true, true, true, false]);

    const keeper = await startHotState(await open(), config.QUEUE_PREFIX, log, { cache: true });
    const announcer = await startHotState(await open(), config.QUEUE_PREFIX, log, { cache: false });
    try {
      let loads = 0;
      await keeper.read('c:1', async () => ++loads);
      await keeper.read('c:1', async () => ++loads);
      expect(loads).toBe(1);
      announcer.changed({ kind: 'cohort', cohortId: '1', parts: ['cohort'] });
      await until(async () => (await keeper.read('c:1', async () => ++loads)) === 2, 'the change from the other process');
    } finally {
      await keeper.close();
      await announcer.close();
    }
  });
});
