import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { dailyDigestJob } from '../../jobs/daily-digest.job';
import { deliverWebhookJob } from '../../jobs/deliver-webhook.job';
import type { JobDeps } from '../../jobs/job-definition';
import { createOutboxProcessor, DEFAULT_TARGET_RATE, Outbox } from '../../src/queue/outbox';
import type { ChatTarget, OutgoingFile } from '../../src/platform/chat-event';
import { createRedis } from '../../src/queue/redis-connection';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { stageDigestCohort } from '../support/digest-cohort';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { startDingtalkStaffRobot, startWecomStaffRobot, type FakeStaffRobot } from '../support/staff-robots';
import { CardStore, verifyCardSignature } from '../../src/charts/card-url';
import { testLog } from '../support/test-bot';

/** The daily digest as a picture: staff get it through the outbox, the WeCom robot as an image message, then the text. */
describe('the daily digest picture', () => {
  let p: Pipeline;
  let outbox: Outbox;
  let robot: FakeStaffRobot;
  let dingtalk: FakeStaffRobot;
  let cards: CardStore;
  const CONSOLE_SECRET = 'c'.repeat(40);
  const DINGTALK_SECRET = 'SEC-digest-card';
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin = { id: 'u-admin', name: '办公室' };
  const staff = { id: 'u-staff', name: '刘干事' };
  const trainee = { id: 'u-t1', name: '学员甲13912345678' };
  const group = 'digestcard@chatroom';
  let deps: JobDeps;

  beforeAll(async () => {
    p = await startPipeline('digestcard', { ADMIN_IDS: admin.id });
    outbox = new Outbox(redis, p.deps.config.QUEUE_PREFIX);
    robot = await startWecomStaffRobot();
    dingtalk = await startDingtalkStaffRobot(DINGTALK_SECRET);
    cards = new CardStore(redis, p.deps.config.QUEUE_PREFIX);
    await stageDigestCohort(p, { admin, staff, trainee }, group, '图片日报班');
    const scheduler = p.deps.scheduler as BullmqScheduler;
    deps = {
      stores: p.deps.stores,
      scoring: p.deps.scoring,
      adminIds: [admin.id],
      workQueue: scheduler.queue,
      clock: p.clock,
      log: testLog,
      outbox,
      scheduler,
      webhooks: { wecomUrl: robot.url, dingtalkUrl: dingtalk.url, dingtalkSecret: DINGTALK_SECRET },
      cards: { fontFile: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', publicUrl: 'https://console.example', secret: CONSOLE_SECRET, store: cards },
    };
    await dailyDigestJob.process({}, deps, 'run-1');
  });

  afterAll(async () => {
    await outbox.queue.obliterate({ force: true }).catch(() => undefined);
    const cardKeys = await redis.keys(`${p.deps.config.QUEUE_PREFIX}:card:*`);
    if (cardKeys.length) await redis.del(...cardKeys);
    await outbox.close();
    redis.disconnect();
    await robot?.close();
    await dingtalk?.close();
    await p?.stop();
  });

  it('queues the picture with the text digest for each staff member, phone numbers masked', async () => {
    const jobs = await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.map((j) => (j.data as { target: { id: string } }).target.id).sort()).toEqual([admin.id, staff.id].sort());
    for (const job of jobs) {
      const data = job.data as { text: string; image: { name: string; data: string } };
      const png = PNG.sync.read(Buffer.from(data.image.data, 'base64'));
      expect(png.width).toBe(720);
      expect(data.text.split('\n')[1]).toMatch(/^📊「图片日报班」日报 03-01/);
      expect(JSON.stringify(data)).not.toContain('13912345678');
    }
  });

  it('hands each staff member the picture and then the text when the outbox sends', async () => {
    const files: Array<[ChatTarget, OutgoingFile]> = [];
    const texts: Array<[ChatTarget, string]> = [];
    const send = createOutboxProcessor({
      send: async (target, message) => void texts.push([target, message.text]),
      sendFile: async (target, file) => void files.push([target, file]),
      limiter: { takeAll: async () => ({ allowed: true, retryInMs: 0 }) },
      perTarget: DEFAULT_TARGET_RATE,
      perAccount: null,
      accountKey: 'account',
    });
    for (const job of await outbox.queue.getJobs(['waiting', 'delayed'])) await send(job);
    const toStaff = files.filter(([t]) => t.id === staff.id);
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]![1].name).toMatch(/^日报-[A-Z0-9]{6}-2027-03-01\.png$/);
    expect(PNG.sync.read(toStaff[0]![1].data).width).toBe(720);
    expect(texts.filter(([t]) => t.id === staff.id).map(([, text]) => /」日报 03-01/.test(text))).toEqual([true]);
  });

  it('sends the WeCom robot a valid image message (base64 and the MD5 of its bytes), then the text', async () => {
    const queued = (await deps.workQueue.getJobs(['waiting', 'delayed'])).filter((j) => j.name === 'deliver-webhook' && (j.data as { channel: string }).channel === 'wecom');
    expect(queued).toHaveLength(1);
    await deliverWebhookJob.process(queued[0]!.data, deps, queued[0]!.id!);
    expect(robot.refused).toEqual([]);
    expect(robot.received.map((m) => m.msgtype)).toEqual(['image', 'text']);
    const image = robot.received[0]!.image!;
    const bytes = Buffer.from(image.base64, 'base64');
    expect(createHash('md5').update(bytes).digest('hex')).toBe(image.md5);
    const png = PNG.sync.read(bytes);
    expect(png.width).toBe(720);
    expect(png.height).toBeGreaterThan(300);
    expect(robot.received[1]!.text!.content).toContain('「图片日报班」');
  });

  it('shows the DingTalk robot the picture by a signed console URL when CONSOLE_SECRET is set', async () => {
    const queued = (await deps.workQueue.getJobs(['waiting', 'delayed'])).filter((j) => j.name === 'deliver-webhook' && (j.data as { channel: string }).channel === 'dingtalk');
    expect(queued).toHaveLength(1);
    await deliverWebhookJob.process(queued[0]!.data, deps, queued[0]!.id!);
    expect(dingtalk.refused).toEqual([]);
    expect(dingtalk.received.map((m) => m.msgtype)).toEqual(['markdown']);
    const markdown = dingtalk.received[0]!.markdown!;
    const url = new URL(/!\[[^\]]*\]\(([^)]+)\)/.exec(markdown.text)![1]!);
    expect(url.origin).toBe('https://console.example');
    const id = /^\/cards\/(.+)\.png$/.exec(url.pathname)![1]!;
    expect(verifyCardSignature(CONSOLE_SECRET, id, url.searchParams.get('exp')!, url.searchParams.get('sig')!, Math.floor(Date.now() / 1000))).toBe(true);
    const stored = await cards.get(id);
    expect(PNG.sync.read(stored!).width).toBe(720);
    expect(markdown.text).toContain('### 📊「图片日报班」日报 03-01');
    expect(markdown.title).toMatch(/^📊「图片日报班」日报 03-01/);
  });
});
