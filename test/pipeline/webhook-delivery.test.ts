/**
 * Robot webhook delivery through real BullMQ workers and real Redis, against local HTTP
 * servers that play the WeCom group robot and the DingTalk custom robot (the DingTalk one
 * checks the signature the way DingTalk does). No timing assertions of speed: only counts,
 * order and lower bounds that the rate limits themselves imply.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, type Job, type Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobDeps, WebhookDeps } from '../../jobs/job-definition';
import { startWorkers } from '../../jobs/start-workers';
import { createLogger } from '../../src/kernel/logger';
import type { ChatTarget, OutgoingMessage } from '../../src/platform/chat-event';
import { PermanentDeliveryError } from '../../src/features/reporting/webhooks/deliver-webhook';
import { sendDingtalkRobot } from '../../src/features/reporting/webhooks/dingtalk-robot';
import { enqueueWebhook } from '../../src/features/reporting/webhooks/enqueue-webhook';
import { DestinationRateLimiter } from '../../src/queue/destination-rate-limit';
import { Outbox, startOutboxWorker } from '../../src/queue/outbox';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import { createRedis } from '../../src/queue/redis-connection';
import { redisUrl, uniqueName } from '../support/test-env';

const log = createLogger('silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a fake robot does with one request, before its own checks. */
type Scripted = 'ok' | 429 | 503 | 400 | 'rate-limited';

/** A message a fake robot accepted. */
interface Delivered {
  content: string;
  at: number;
}

/** A local robot: records accepted messages, counts requests, answers from a script first. */
interface FakeRobot {
  url: string;
  requests: number;
  delivered: Delivered[];
  rejections: { errcode: number; errmsg: string }[];
  script: Scripted[];
  close(): Promise<void>;
}

const DINGTALK_RATE_LIMITED = 130101;
const WECOM_RATE_LIMITED = 45009;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * Plays a robot: the scripted answer for this request if any, else `check` decides (an
 * errcode and message to reject with, or null to accept the content).
 */
async function startRobot(
  path: string,
  rateLimitedErrcode: number,
  check: (url: URL, body: unknown) => { errcode: number; errmsg: string } | { content: string },
): Promise<FakeRobot> {
  const robot: FakeRobot = {
    url: '',
    requests: 0,
    delivered: [],
    rejections: [],
    script: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      robot.requests += 1;
      const scripted = robot.script.shift() ?? 'ok';
      if (scripted === 429) return json(res, 429, { errcode: 429, errmsg: 'too many requests' });
      if (scripted === 503) return json(res, 503, { errcode: -1, errmsg: 'service unavailable' });
      if (scripted === 400) return json(res, 400, { errcode: 400, errmsg: 'bad request' });
      if (scripted === 'rate-limited') return json(res, 200, { errcode: rateLimitedErrcode, errmsg: 'send too fast' });
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return json(res, 200, { errcode: 40016, errmsg: 'invalid json' });
      }
      const verdict = check(new URL(req.url ?? '/', 'http://127.0.0.1'), body);
      if ('errcode' in verdict) {
        robot.rejections.push(verdict);
        return json(res, 200, verdict);
      }
      robot.delivered.push({ content: verdict.content, at: Date.now() });
      return json(res, 200, { errcode: 0, errmsg: 'ok' });
    })();
  });
  const port = await listen(server);
  robot.url = `http://127.0.0.1:${port}${path}`;
  return robot;
}

/** The text body both robots accept: exactly `{msgtype:'text', text:{content, mentioned_mobile_list?}}`. */
function textContent(body: unknown, allowed: string[]): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as { msgtype?: unknown; text?: unknown };
  if (b.msgtype !== 'text' || Object.keys(b).sort().join() !== 'msgtype,text') return null;
  if (typeof b.text !== 'object' || b.text === null) return null;
  const text = b.text as Record<string, unknown>;
  if (typeof text.content !== 'string' || text.content.length === 0) return null;
  if (!Object.keys(text).every((k) => allowed.includes(k))) return null;
  return text.content;
}

/** WeCom group robot: key in the query, text body, content at most 2048 bytes. */
function startWecomRobot(key: string): Promise<FakeRobot> {
  return startRobot(`/cgi-bin/webhook/send?key=${key}`, WECOM_RATE_LIMITED, (url, body) => {
    if (url.searchParams.get('key') !== key) return { errcode: 93000, errmsg: 'invalid webhook url' };
    const content = textContent(body, ['content', 'mentioned_list', 'mentioned_mobile_list']);
    if (content === null) return { errcode: 40008, errmsg: 'invalid message type' };
    if (Buffer.byteLength(content, 'utf8') > 2048) return { errcode: 40058, errmsg: 'content exceed max length' };
    return { content };
  });
}

/** DingTalk custom robot with 加签: recomputes the HMAC from its own copy of the secret. */
function startDingtalkRobot(token: string, secret: string): Promise<FakeRobot> {
  return startRobot(`/robot/send?access_token=${token}`, DINGTALK_RATE_LIMITED, (url, body) => {
    if (url.searchParams.get('access_token') !== token) return { errcode: 300001, errmsg: 'token is not exist' };
    const timestamp = url.searchParams.get('timestamp');
    const sign = url.searchParams.get('sign');
    if (!timestamp || !sign) return { errcode: 310000, errmsg: 'sign not match' };
    if (Math.abs(Date.now() - Number(timestamp)) > 3600_000) return { errcode: 310000, errmsg: 'sign not match, timestamp is expired' };
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    if (sign !== expected) return { errcode: 310000, errmsg: 'sign not match' };
    const content = textContent(body, ['content']);
    if (content === null) return { errcode: 40035, errmsg: 'invalid msgtype' };
    return { content };
  });
}

/** Polls a job until it reaches one of `states`. */
async function settle(queue: Queue, jobId: string, states: string[] = ['completed', 'failed'], timeoutMs = 20_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    // Read the job again once its state says it is settled: the first read may predate the write.
    if (job && states.includes(await job.getState())) return (await queue.getJob(jobId)) ?? job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not reach ${states.join('/')} (now ${job ? await job.getState() : 'missing'})`);
    await sleep(25);
  }
}

const FAST = { backoffMs: 100 };

/** Jobs that could still make a request: waiting, delayed (a retry or the limiter), running. */
async function pendingJobs(q: Queue): Promise<number> {
  const counts = await q.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Waits until a queue has no job that could still make a request. */
async function untilIdle(q: Queue, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await pendingJobs(q)) > 0) {
    if (Date.now() > deadline) throw new Error(`queue ${q.name} still busy after ${timeoutMs} ms`);
    await sleep(25);
  }
}

describe('robot webhook delivery through BullMQ workers', () => {
  let connection: Redis;
  let workerRedis: Redis;
  let prefix: string;
  let queue: Queue;
  let worker: Worker;
  let hooks: WebhookDeps;
  const robots: FakeRobot[] = [];
  const SECRET = 'SECdeadbeef0123456789abcdef0123456789abcdef0123456789abcdef012345';

  beforeAll(() => {
    connection = createRedis(redisUrl());
    workerRedis = createRedis(redisUrl());
  });

  beforeEach(async () => {
    prefix = uniqueName('webhook');
    queue = new Queue(WORK_QUEUE, { connection, prefix });
    hooks = { limiter: new DestinationRateLimiter(connection, `${prefix}:ratelimit`), rateLimitPauseMs: 150 };
    worker = startWorkers(workerRedis, prefix, { log, webhooks: hooks } as unknown as JobDeps, 4);
    await worker.waitUntilReady();
  });

  afterEach(async () => {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    const keys = await connection.keys(`{${prefix}:ratelimit}:*`);
    if (keys.length > 0) await connection.del(...keys);
    await Promise.all(robots.splice(0).map((r) => r.close()));
  });

  afterAll(async () => {
    await connection.quit();
    await workerRedis.quit();
  });

  async function wecom(): Promise<FakeRobot> {
    const robot = await startWecomRobot('k-693a91f6');
    robots.push(robot);
    hooks.wecomUrl = robot.url;
    return robot;
  }

  async function dingtalk(secret = SECRET): Promise<FakeRobot> {
    const robot = await startDingtalkRobot('tok123', SECRET);
    robots.push(robot);
    hooks.dingtalkUrl = robot.url;
    hooks.dingtalkSecret = secret;
    return robot;
  }

  it('delivers a signed DingTalk message exactly once after a 503 and a 130101, retried with backoff', async () => {
    const robot = await dingtalk();
    robot.script.push(503, 'rate-limited');
    const id = await enqueueWebhook(queue, 'dingtalk', '今日学员日报：出勤 18/20', 'digest-c1-2024-05-01', FAST);
    const job = await settle(queue, id);
    expect(await job.getState()).toBe('completed');
    expect(robot.requests).toBe(3);
    expect(robot.delivered.map((d) => d.content)).toEqual(['今日学员日报：出勤 18/20']);
    expect(robot.rejections).toEqual([]);
  });

  it('delivers a WeCom message exactly once after a 429 and a 45009', async () => {
    const robot = await wecom();
    robot.script.push(429, 'rate-limited');
    const id = await enqueueWebhook(queue, 'wecom', '作业提交 15/20', 'digest-c1-hw', FAST);
    const job = await settle(queue, id);
    expect(await job.getState()).toBe('completed');
    expect(robot.requests).toBe(3);
    expect(robot.delivered.map((d) => d.content)).toEqual(['作业提交 15/20']);
  });

  it('a duplicate enqueue with the same idempotency key delivers once, before or after the first is done', async () => {
    const robot = await wecom();
    const first = await enqueueWebhook(queue, 'wecom', '日报', 'digest:c1:2024-05-01', FAST);
    const again = await enqueueWebhook(queue, 'wecom', '日报', 'digest:c1:2024-05-01', FAST);
    expect(again).toBe(first);
    expect(first).not.toContain(':');
    await settle(queue, first);
    await enqueueWebhook(queue, 'wecom', '日报', 'digest:c1:2024-05-01', FAST);
    // The third enqueue found the finished job and queued nothing: no request can follow.
    expect(await pendingJobs(queue)).toBe(0);
    expect(robot.delivered).toHaveLength(1);
    expect(robot.requests).toBe(1);
  });

  it('a 400 fails the job for good after one request, without retries', async () => {
    const robot = await wecom();
    robot.script.push(400);
    const id = await enqueueWebhook(queue, 'wecom', '日报', 'digest-400', FAST);
    const job = await settle(queue, id);
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toMatch(/WEBHOOK_HTTP_REJECTED: HTTP 400/);
    expect(job.attemptsMade).toBe(1);
    // Failed for good: no retry is waiting, so the one request stays the only one.
    expect(await pendingJobs(queue)).toBe(0);
    expect(robot.requests).toBe(1);
    expect(robot.delivered).toEqual([]);
  });

  it('a wrong DingTalk secret is rejected by the robot (310000) and not retried', async () => {
    const robot = await dingtalk('SECwrong');
    const id = await enqueueWebhook(queue, 'dingtalk', '日报', 'digest-badsign', FAST);
    const job = await settle(queue, id);
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toMatch(/WEBHOOK_REJECTED: errcode 310000/);
    expect(robot.requests).toBe(1);
    expect(robot.rejections).toEqual([{ errcode: 310000, errmsg: 'sign not match' }]);
  });

  it('a channel with no configured URL fails for good', async () => {
    const id = await enqueueWebhook(queue, 'dingtalk', '日报', 'digest-unconfigured', FAST);
    const job = await settle(queue, id);
    expect(job.failedReason).toMatch(/WEBHOOK_NOT_CONFIGURED/);
    expect(job.attemptsMade).toBe(1);
  });

  it('keeps the URL and the secret out of the job data', async () => {
    await dingtalk();
    const id = await enqueueWebhook(queue, 'dingtalk', '日报', 'digest-data', FAST);
    const job = await settle(queue, id);
    const stored = JSON.stringify(job.data) + JSON.stringify(job.opts);
    expect(stored).not.toContain('tok123');
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain('127.0.0.1');
  });

  it('the rate limiter defers rather than drops: 7 messages at 3 a second all arrive once, spread over the windows', async () => {
    const robot = await wecom();
    hooks.rate = { limit: 3, windowMs: 1000 };
    const ids = await Promise.all(Array.from({ length: 7 }, (_, i) => enqueueWebhook(queue, 'wecom', `提醒 ${i}`, `burst-${i}`, FAST)));
    const jobs = await Promise.all(ids.map((id) => settle(queue, id)));
    expect(await Promise.all(jobs.map((j) => j.getState()))).toEqual(Array(7).fill('completed'));
    expect(robot.delivered.map((d) => d.content).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `提醒 ${i}`).sort());
    expect(robot.requests).toBe(7);
    // Deferral is not an attempt: no job used a retry.
    expect(jobs.every((j) => j.attemptsMade <= 1)).toBe(true);
    // The robot never saw a 4th message within one window (minus a little for network jitter).
    const at = robot.delivered.map((d) => d.at).sort((a, b) => a - b);
    for (let i = 3; i < at.length; i++) expect(at[i]! - at[i - 3]!).toBeGreaterThanOrEqual(900);
    expect(at[at.length - 1]! - at[0]!).toBeGreaterThanOrEqual(1800);
  });

  it('splits a long WeCom digest into parts under 2048 bytes at line boundaries, in order', async () => {
    const robot = await wecom();
    const lines = Array.from({ length: 120 }, (_, i) => `第${i + 1}名学员：出勤 5/5，作业 4/5，积分 ${100 + i}`);
    const id = await enqueueWebhook(queue, 'wecom', lines.join('\n'), 'digest-long', FAST);
    await settle(queue, id);
    expect(robot.delivered.length).toBeGreaterThan(1);
    for (const d of robot.delivered) expect(Buffer.byteLength(d.content, 'utf8')).toBeLessThanOrEqual(2048);
    expect(robot.delivered.map((d) => d.content).join('\n')).toBe(lines.join('\n'));
  });

  it('a retry after a failed middle part resumes there, never repeating the parts already sent', async () => {
    const robot = await wecom();
    const lines = Array.from({ length: 120 }, (_, i) => `第${i + 1}名学员：出勤 5/5，作业 4/5，积分 ${100 + i}`);
    robot.script.push('ok', 503);
    const id = await enqueueWebhook(queue, 'wecom', lines.join('\n'), 'digest-long-retry', FAST);
    const job = await settle(queue, id);
    expect(await job.getState()).toBe('completed');
    const contents = robot.delivered.map((d) => d.content);
    expect(new Set(contents).size).toBe(contents.length);
    expect(contents.join('\n')).toBe(lines.join('\n'));
    expect(robot.requests).toBe(contents.length + 1);
  });

  it('a stale DingTalk timestamp is refused by the robot as a permanent error', async () => {
    const robot = await dingtalk();
    await expect(sendDingtalkRobot(robot.url, SECRET, '日报', { nowMs: Date.now() - 2 * 3600_000 })).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(robot.rejections[0]?.errcode).toBe(310000);
    expect(robot.delivered).toEqual([]);
  });
});

describe('outbox worker under a per-group budget', () => {
  it('defers a burst to one group instead of dropping it, and does not hold other groups back', async () => {
    const connection = createRedis(redisUrl());
    const workerRedis = createRedis(redisUrl());
    const prefix = uniqueName('outbox_rl');
    const outbox = new Outbox(connection, prefix);
    const sent: { target: ChatTarget; text: string; at: number }[] = [];
    const send = async (target: ChatTarget, message: OutgoingMessage) => {
      sent.push({ target, text: message.text, at: Date.now() });
    };
    const worker = startOutboxWorker(workerRedis, prefix, send, log, { perTarget: { limit: 2, windowMs: 800 }, perAccount: null });
    try {
      await worker.waitUntilReady();
      for (let i = 0; i < 5; i++) await outbox.enqueue({ kind: 'group', id: 'g1@chatroom' }, { text: `g1-${i}` }, `g1-${i}`);
      await outbox.enqueue({ kind: 'group', id: 'g2@chatroom' }, { text: 'g2-0' }, 'g2-0');
      const deadline = Date.now() + 20_000;
      while (sent.length < 6 && Date.now() < deadline) await sleep(25);
      expect(sent.map((s) => s.text).sort()).toEqual(['g1-0', 'g1-1', 'g1-2', 'g1-3', 'g1-4', 'g2-0']);
      const g1 = sent.filter((s) => s.target.id === 'g1@chatroom').map((s) => s.at);
      for (let i = 2; i < g1.length; i++) expect(g1[i]! - g1[i - 2]!).toBeGreaterThanOrEqual(700);
      // g2 had its own budget: it went out in the first round, before g1's deferred ones.
      expect(sent.findIndex((s) => s.text === 'g2-0')).toBeLessThan(4);
      // Once nothing is left in the outbox (waiting, delayed by the limiter, or running), six is final.
      await untilIdle(outbox.queue);
      expect(sent).toHaveLength(6);
    } finally {
      await worker.close();
      await outbox.queue.obliterate({ force: true });
      await outbox.close();
      const keys = await connection.keys(`{${prefix}:ratelimit}:*`);
      if (keys.length > 0) await connection.del(...keys);
      await connection.quit();
      await workerRedis.quit();
    }
  });
});
