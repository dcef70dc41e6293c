/**
 * Many bot accounts on one Redis (issue: a WeChat bot and a DingTalk bot each took the other's
 * messages from the one outbox queue). Each group binding records the account serving it, and
 * every queued message goes to that account's own outbox queue: each account's worker sends
 * exactly its own, once; a stopped account's messages wait for it and nobody else sends them; a
 * group bound before accounts were recorded goes through the shared queue until its bot hears
 * from it.
 */
import { PassThrough } from 'node:stream';
import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Cohort } from '../../src/domain/types';
import type { ChatTarget, OutgoingMessage } from '../../src/platform/chat-event';
import { accountId } from '../../src/platform/bot-account';
import { Outbox, startOutboxWorker, type BulkMessage } from '../../src/queue/outbox';
import { groupClaimer, OutboxRouter, storeRouteBook } from '../../src/queue/outbox-router';
import { findOutboxQueues } from '../../src/queue/outbox-queues';
import { OUTBOX_QUEUE, outboxQueueName } from '../../src/queue/queue-names';
import { createRedis } from '../../src/queue/redis-connection';
import { BindingStore } from '../../src/stores/binding-store';
import { runJobsCommand } from '../../bots/jobs-command';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { startRedisCluster, type RedisClusterHandle } from '../support/redis-cluster';
import { testLog } from '../support/test-bot';
import { mongoUriFor, uniqueName } from '../support/test-env';

const DT_CLIENT_ID = 'dingroutingtest';
const WX_GROUPS = ['wx-a@chatroom', 'wx-b@chatroom'];
const DT_GROUP = 'cidRoutingDingtalk==';
const BUDGET = { perTarget: { limit: 1_000, windowMs: 60_000 }, perAccount: { limit: 1_000, windowMs: 60_000 } };

/** Polls `check` until it holds; fails naming `what` after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Jobs waiting, running or held back in `queue`. */
async function pending(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

describe('outbox routing by bot account, two accounts on one Redis', () => {
  let p: Pipeline;
  let queueRedis: Redis;
  let workerRedis: Redis;
  let outbox: Outbox;
  let wx: string;
  let dt: string;
  let wxCohort: Cohort;
  let dtCohort: Cohort;
  const staff = { id: 'wx-staff', name: '周干事' };
  const workers = new Map<string, Worker>();
  /** What each account's worker sent: `kind:id:text`. */
  const sent = new Map<string, string[]>();

  const sentBy = (account: string) => sent.get(account) ?? [];
  const startAccount = async (account: string, queue: 'own' | 'shared' = 'own') => {
    const send = async (target: ChatTarget, message: OutgoingMessage) => void sent.set(account, [...sentBy(account), `${target.kind}:${target.id}:${message.text}`]);
    const worker = startOutboxWorker(workerRedis, p.deps.config.QUEUE_PREFIX, send, testLog, { ...BUDGET, ...(queue === 'own' ? { account } : { accountKey: account }) });
    await worker.waitUntilReady();
    workers.set(`${account}/${queue}`, worker);
  };
  const stopAccount = async (account: string, queue: 'own' | 'shared' = 'own') => {
    await workers.get(`${account}/${queue}`)?.close();
    workers.delete(`${account}/${queue}`);
  };
  const bothIdle = async () => (await pending(outbox.queueOf(wx))) === 0 && (await pending(outbox.queueOf(dt))) === 0;

  beforeAll(async () => {
    p = await startPipeline('outbox_routing', { ADMIN_IDS: staff.id });
    const { stores, config } = p.deps;
    queueRedis = createRedis(config.REDIS_URL);
    workerRedis = createRedis(config.REDIS_URL);
    // The pipeline's bot holds the WeChat account; a DingTalk robot is the second account.
    wx = accountId(config, 'wechaty');
    dt = accountId({ DINGTALK_CLIENT_ID: DT_CLIENT_ID }, 'dingtalk');
    let n = 0;
    const cohort = (name: string) => stores.cohorts.create({ name, startDate: '2027-03-01', endDate: '2027-03-05', location: '', timezone: 'Asia/Shanghai', createdBy: staff.id }, () => `RT${String(++n).padStart(4, '0')}`);
    wxCohort = await cohort('微信班');
    dtCohort = await cohort('钉钉班');
    // The WeChat groups are bound through the chat (#绑定 records the account that handled it);
    // the DingTalk robot's binding is written as its own #绑定 would write it.
    for (const g of WX_GROUPS) expect((await p.say(staff, `#绑定 ${wxCohort.code}`, g)).length).toBeGreaterThan(0);
    await stores.bindings.bind({ platform: 'dingtalk', groupId: DT_GROUP, cohortId: dtCohort.id, title: '钉钉群', boundBy: 'dt-staff', account: dt });
    await stores.members.enrolTrainees(wxCohort.id, 'wechaty', [{ id: 'wx-u1', name: '学员甲' }], p.clock.now());
    await stores.members.enrolTrainees(dtCohort.id, 'dingtalk', [{ id: 'dt-u1', name: '学员乙' }], p.clock.now());
    outbox = new Outbox(queueRedis, config.QUEUE_PREFIX, { router: new OutboxRouter(storeRouteBook(stores), testLog), log: testLog });
  });

  afterAll(async () => {
    for (const w of workers.values()) await w.close();
    for (const name of await findOutboxQueues(queueRedis, p.deps.config.QUEUE_PREFIX)) await outbox.queueOf(name === OUTBOX_QUEUE ? null : name.slice(`${OUTBOX_QUEUE}-`.length)).obliterate({ force: true }).catch(() => undefined);
    await outbox.close();
    const limits = await queueRedis.keys(`{${p.deps.config.QUEUE_PREFIX}:ratelimit}:*`);
    if (limits.length > 0) await queueRedis.del(...limits);
    queueRedis.disconnect();
    workerRedis.disconnect();
    await p.stop();
  });

  it('#绑定 records the account of the bot that handled it', async () => {
    for (const g of WX_GROUPS) expect((await p.deps.stores.bindings.findByGroup('wechaty', g))?.account).toBe(wx);
    expect(wx).toMatch(/^wechaty-[0-9a-f]{12}$/);
  });

  it('sends group messages, private messages (with and without a cohort) and a bulk of reminders each through its own account only, once', async () => {
    await startAccount(wx);
    await startAccount(dt);
    for (const g of [...WX_GROUPS, DT_GROUP]) await outbox.enqueue({ kind: 'group', id: g }, { text: '📅 明天的课程' }, `day_${g.replace(/[^a-z0-9]/gi, '_')}`);
    // Without a cohort: the cohort the trainee belongs to. With one: the account serving it
    // (the administrator belongs to no cohort).
    await outbox.enqueue({ kind: 'private', id: 'wx-u1' }, { text: '回访' }, 'follow-up_wx-u1');
    await outbox.enqueue({ kind: 'private', id: 'dt-u1' }, { text: '回访' }, 'follow-up_dt-u1');
    await outbox.enqueue({ kind: 'private', id: 'office' }, { text: '日报 微信班' }, 'digest_wx_office', { cohortId: wxCohort.id });
    await outbox.enqueue({ kind: 'private', id: 'office' }, { text: '日报 钉钉班' }, 'digest_dt_office', { cohortId: dtCohort.id });
    const reminders: BulkMessage[] = [];
    for (let i = 0; i < 5; i++) {
      for (const g of [...WX_GROUPS, DT_GROUP]) reminders.push({ target: { kind: 'group', id: g }, message: { text: `⏰ 提醒 ${i}` }, jobId: `remind_${i}_${g.replace(/[^a-z0-9]/gi, '_')}` });
    }
    await outbox.enqueueBulk(reminders);
    // The same bulk again (a retried job) adds nothing.
    await outbox.enqueueBulk(reminders);

    const wxExpected = [
      ...WX_GROUPS.map((g) => `group:${g}:📅 明天的课程`),
      'private:wx-u1:回访',
      'private:office:日报 微信班',
      ...[0, 1, 2, 3, 4].flatMap((i) => WX_GROUPS.map((g) => `group:${g}:⏰ 提醒 ${i}`)),
    ].sort();
    const dtExpected = [`group:${DT_GROUP}:📅 明天的课程`, 'private:dt-u1:回访', 'private:office:日报 钉钉班', ...[0, 1, 2, 3, 4].map((i) => `group:${DT_GROUP}:⏰ 提醒 ${i}`)].sort();
    await until(() => sentBy(wx).length >= wxExpected.length && sentBy(dt).length >= dtExpected.length, 'both accounts sent theirs');
    await until(bothIdle, 'both account queues drained');
    expect([...sentBy(wx)].sort()).toEqual(wxExpected);
    expect([...sentBy(dt)].sort()).toEqual(dtExpected);
    expect(await outbox.queue.getJobCounts('waiting', 'delayed', 'completed')).toEqual({ waiting: 0, delayed: 0, completed: 0 });
    // Each account's send budget is its own.
    const prefix = p.deps.config.QUEUE_PREFIX;
    expect(await queueRedis.exists(`{${prefix}:ratelimit}:chat:${wx}:log`, `{${prefix}:ratelimit}:chat:${dt}:log`)).toBe(2);
  });

  it('while one account is down its messages wait in its queue, nobody else sends them, and after its restart they arrive once', async () => {
    sent.clear();
    await stopAccount(dt);
    const bulk: BulkMessage[] = [...WX_GROUPS, DT_GROUP].map((g) => ({ target: { kind: 'group', id: g }, message: { text: '⏰ 5 分钟后上课' }, jobId: `remind-5_${g.replace(/[^a-z0-9]/gi, '_')}` }));
    await outbox.enqueueBulk(bulk);
    await outbox.enqueue({ kind: 'private', id: 'dt-u1' }, { text: '请填写反馈' }, 'survey_dt-u1', { cohortId: dtCohort.id });
    await until(() => sentBy(wx).length >= 2, 'the WeChat account sent its own');
    await until(async () => (await pending(outbox.queueOf(wx))) === 0, 'the WeChat queue drained');
    expect([...sentBy(wx)].sort()).toEqual(WX_GROUPS.map((g) => `group:${g}:⏰ 5 分钟后上课`).sort());
    expect(sentBy(dt)).toEqual([]);
    expect(await outbox.queueOf(dt).getJobCounts('waiting')).toEqual({ waiting: 2 });

    // The operator sees the backlog per account.
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    const env = { MONGODB_URI: p.deps.config.MONGODB_URI, REDIS_URL: p.deps.config.REDIS_URL, QUEUE_PREFIX: p.deps.config.QUEUE_PREFIX };
    expect(await runJobsCommand(['--failed', '0'], { env, out })).toBe(0);
    expect(text).toMatch(new RegExp(`^${outboxQueueName(dt)} \\(account ${dt}\\): waiting 2 `, 'm'));
    expect(text).toMatch(new RegExp(`^${outboxQueueName(wx)} \\(account ${wx}\\): waiting 0 `, 'm'));
    expect(text).toMatch(/^outbox: waiting 0 /m);

    await startAccount(dt);
    await until(() => sentBy(dt).length >= 2, 'the DingTalk account sent its backlog');
    await until(bothIdle, 'both account queues drained');
    expect([...sentBy(dt)].sort()).toEqual([`group:${DT_GROUP}:⏰ 5 分钟后上课`, 'private:dt-u1:请填写反馈']);
    expect(sentBy(wx)).toHaveLength(2);
  });

  it('a group bound before bindings recorded their account goes to the shared queue until its bot hears from it, then to that account', async () => {
    sent.clear();
    const { stores } = p.deps;
    const legacy = 'legacy@chatroom';
    await stores.bindings.bind({ platform: 'wechaty', groupId: legacy, cohortId: wxCohort.id, title: '老群', boundBy: staff.id });
    expect((await stores.bindings.findByGroup('wechaty', legacy))?.account).toBeUndefined();
    await outbox.enqueue({ kind: 'group', id: legacy }, { text: '旧的提醒' }, 'legacy_1');
    expect(await outbox.queue.getJob('legacy_1')).toBeDefined();
    expect(await outbox.queueOf(wx).getJob('legacy_1')).toBeUndefined();
    expect(await outbox.queueOf(dt).getJob('legacy_1')).toBeUndefined();

    // The WeChat bot receives a message from the group (bot-runtime runs the claimer before the pipeline).
    const claim = groupClaimer(stores.bindings, wx, testLog);
    await claim('wechaty', { kind: 'group', id: legacy });
    expect((await stores.bindings.findByGroup('wechaty', legacy))?.account).toBe(wx);
    // A DingTalk bot in the same group later does not take it over.
    await groupClaimer(stores.bindings, dt, testLog)('wechaty', { kind: 'group', id: legacy });
    expect((await stores.bindings.findByGroup('wechaty', legacy))?.account).toBe(wx);

    await outbox.enqueue({ kind: 'group', id: legacy }, { text: '新的提醒' }, 'legacy_2');
    expect(await outbox.queueOf(wx).getJob('legacy_2')).toBeDefined();
    await until(() => sentBy(wx).length >= 1, 'the WeChat account sent the group its new message');
    // Every bot process also drains the shared queue: the message queued before the claim goes too.
    await startAccount(wx, 'shared');
    await until(() => sentBy(wx).length >= 2, 'the shared queue drained');
    await until(async () => (await bothIdle()) && (await pending(outbox.queue)) === 0, 'all queues drained');
    expect([...sentBy(wx)].sort()).toEqual([`group:${legacy}:新的提醒`, `group:${legacy}:旧的提醒`]);
    expect(sentBy(dt)).toEqual([]);
  });

  it('reads nothing from the database for a message from a group whose binding already names its account', async () => {
    const { stores } = p.deps;
    const claims = jest.spyOn(stores.bindings, 'claimAccount');
    // The database read under the hot state.
    const databaseReads = jest.spyOn(BindingStore.prototype, 'findByGroup');
    const claim = groupClaimer(stores.bindings, wx, testLog);
    try {
      await stores.bindings.findByGroup('wechaty', WX_GROUPS[0]!);
      databaseReads.mockClear();
      for (let i = 0; i < 5; i++) await claim('wechaty', { kind: 'group', id: WX_GROUPS[0]! });
      expect(databaseReads).not.toHaveBeenCalled();
      expect(claims).not.toHaveBeenCalled();
    } finally {
      claims.mockRestore();
      databaseReads.mockRestore();
    }
  });
});

describe('the outbox queues per account on a Redis Cluster', () => {
  let cluster: RedisClusterHandle;

  beforeAll(async () => {
    cluster = await startRedisCluster();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('are found on the cluster and shown by cohort-bot jobs with their backlog', async () => {
    const prefix = `{${uniqueName('routing_cluster')}}`;
    const redis = createRedis('', cluster.nodes);
    const outbox = new Outbox(redis, prefix, { log: testLog });
    try {
      await outbox.enqueue({ kind: 'group', id: 'wx-a@chatroom' }, { text: '提醒' }, 'c1', { account: 'wechaty-aaaaaaaaaaaa' });
      await outbox.enqueueBulk(['d1', 'd2'].map((jobId) => ({ target: { kind: 'group', id: 'cidD' }, message: { text: '提醒' }, jobId, account: 'dingtalk-dingrobot' })));
      await outbox.enqueue({ kind: 'group', id: 'legacy@chatroom' }, { text: '提醒' }, 'shared-1');
      expect(await findOutboxQueues(redis, prefix)).toEqual([OUTBOX_QUEUE, outboxQueueName('dingtalk-dingrobot'), outboxQueueName('wechaty-aaaaaaaaaaaa')]);
      const out = new PassThrough();
      let text = '';
      out.on('data', (d: Buffer) => (text += d.toString()));
      const env = { MONGODB_URI: mongoUriFor('routing_cluster'), REDIS_CLUSTER_NODES: cluster.nodes.join(','), QUEUE_PREFIX: prefix };
      expect(await runJobsCommand(['--failed', '0'], { env, out })).toBe(0);
      expect(text).toMatch(/^outbox-dingtalk-dingrobot \(account dingtalk-dingrobot\): waiting 2 /m);
      expect(text).toMatch(/^outbox-wechaty-aaaaaaaaaaaa \(account wechaty-aaaaaaaaaaaa\): waiting 1 /m);
      expect(text).toMatch(/^outbox: waiting 1 /m);
    } finally {
      await outbox.close();
      redis.disconnect();
    }
  });
});
