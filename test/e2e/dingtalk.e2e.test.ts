import { DateTime } from 'luxon';
import type { Connection } from 'mongoose';
import { AdjustableClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import { DingtalkAdapter } from '../../src/platform/dingtalk/dingtalk-adapter';
import { startBotRuntime, type BotRuntime } from '../../bots/bot-runtime';
import { connectMongo } from '../../src/stores/connect-mongo';
import { createStores, type Stores } from '../../src/stores/create-stores';
import { robotMessageSchema } from '../../src/platform/dingtalk/robot-message';
import { toChatEvent } from '../../src/platform/dingtalk/to-chat-event';
import groupText from '../fixtures/dingtalk/group-text-at-bot.json';
import groupRichText from '../fixtures/dingtalk/group-rich-text.json';
import privatePicture from '../fixtures/dingtalk/private-picture.json';
import callbackFrame from '../fixtures/dingtalk/stream-callback-frame.json';
import { startDingtalkGateway, type DingtalkGateway, type DingtalkGroup, type DingtalkPerson } from '../support/dingtalk-gateway';
import { startBotProcess, zoneWithLocalHour, type BotProcess } from '../support/bot-process';
import { testConfig, testLog } from '../support/test-bot';
import { isBoard, parseBoard } from '../support/sign-in-board-text';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';

// 2027-03-01 in Asia/Shanghai; far from the real date so the bot's clock decides every window.
const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

function adapterFor(gateway: DingtalkGateway, config: Config, overrides: { clientSecret?: string } = {}): DingtalkAdapter {
  return new DingtalkAdapter({
    clientId: gateway.clientId,
    clientSecret: overrides.clientSecret ?? gateway.clientSecret,
    gatewayUrl: gateway.gatewayUrl,
    apiUrl: gateway.apiUrl,
    botName: config.BOT_NAME,
    connectTimeoutMs: 5_000,
    log: testLog,
    reconnectMinMs: 50,
    reconnectMaxMs: 500,
    retryDelayMs: 20,
  });
}

describe('DingTalk robot payloads as DingTalk documents them', () => {
  const noDownload = { nameOf: () => undefined, download: async () => Buffer.alloc(0) };

  it('turns a group @bot text into a group event from the staff id, with the other @mention named from the text', () => {
    const event = toChatEvent(robotMessageSchema.parse(groupText), noDownload)!;
    expect(event).toMatchObject({
      id: 'msgHn3k0b7aMEi4qh5Tq0l6fQ==',
      platform: 'dingtalk',
      conversation: { kind: 'group', id: 'cidXoQ8MGaRx9cL8WPPSrp3kA==', title: '直播带货一期' },
      sender: { id: 'manager6421', name: '王老师' },
      text: '#授权 @张三 讲师',
      mentions: [{ id: '0342203648773982', name: '张三' }],
      mentionsBot: true,
      fromSelf: false,
    });
    expect(event.timestamp.getTime()).toBe(groupText.createAt);
  });

  it('turns a private picture into a private event whose image loads by its download code', async () => {
    const codes: string[] = [];
    const event = toChatEvent(robotMessageSchema.parse(privatePicture), {
      nameOf: () => undefined,
      download: async (code) => {
        codes.push(code);
        return Buffer.from('jpeg');
      },
    })!;
    expect(event.conversation).toEqual({ kind: 'private', id: '01230458671237' });
    expect(event.mentionsBot).toBe(false);
    expect(await event.attachments![0]!.load()).toEqual(Buffer.from('jpeg'));
    expect(codes).toEqual([privatePicture.content.downloadCode]);
  });

  it('keeps the text and the pictures of a rich-text message', () => {
    const event = toChatEvent(robotMessageSchema.parse(groupRichText), noDownload)!;
    expect(event.text).toBe('#交作业 今天的直播截图');
    expect(event.attachments?.map((a) => a.kind)).toEqual(['image']);
  });

  it('has the fake gateway send frames and payloads with the fields the real gateway sends', async () => {
    const gateway = await startDingtalkGateway();
    try {
      const [person] = gateway.people(['学员甲']) as [DingtalkPerson];
      gateway.say(person, '#授权 @张三 讲师', gateway.group('直播带货一期', [person]), { atBot: true, mentions: gateway.people(['张三']) });
      const frame = JSON.parse(gateway.frames[0]!);
      expect(Object.keys(frame).sort()).toEqual(Object.keys(callbackFrame).sort());
      expect(Object.keys(frame.headers).sort()).toEqual(Object.keys(callbackFrame.headers).sort());
      expect(frame.headers.topic).toBe(callbackFrame.headers.topic);
      expect(Object.keys(JSON.parse(frame.data)).sort()).toEqual(Object.keys(groupText).sort());
    } finally {
      await gateway.stop();
    }
  });
});

describe('DingTalk Stream robot against the local fake gateway', () => {
  let gateway: DingtalkGateway;
  let runtime: BotRuntime;
  let config: Config;
  const clock = new AdjustableClock(at('08:00'));
  let staff: DingtalkPerson;
  let trainees: DingtalkPerson[];
  let group: DingtalkGroup;
  /** Message ids the adapter handed to the bot, redeliveries included. */
  const handed: string[] = [];

  const ask = (from: DingtalkPerson, text: string, where: DingtalkGroup | 'private' = group) => gateway.ask(from, text, where);

  beforeAll(async () => {
    gateway = await startDingtalkGateway();
    [staff] = gateway.people(['王老师']) as [DingtalkPerson];
    trainees = gateway.people(Array.from({ length: 20 }, (_, i) => `学员${String(i + 1).padStart(2, '0')}`));
    group = gateway.group('直播带货一期', [staff, ...trainees]);
    config = testConfig('dingtalk', { BOT_PLATFORM: 'dingtalk', ADMIN_IDS: staff.staffId });
    const adapter = adapterFor(gateway, config);
    const start = adapter.start.bind(adapter);
    adapter.start = (sink) =>
      start(async (event) => {
        handed.push(event.id);
        await sink(event);
      });
    runtime = await startBotRuntime(config, adapter, clock, testLog);
  });

  afterAll(async () => {
    await runtime?.stop();
    await gateway?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('sets up a cohort from @bot messages, answering through the session webhook with an @mention', async () => {
    const created = await ask(staff, '#新建班级 直播带货一期 2027-03-01 2027-03-02 县电商服务中心');
    expect(created.via).toBe('session');
    expect(created.atUserIds).toEqual([staff.staffId]);
    expect(created.text.startsWith(`@${staff.staffId} `)).toBe(true);
    const code = /班级码：([A-Z0-9]{6})/.exec(created.text)?.[1];
    expect(code).toBeDefined();
    expect((await ask(staff, `#绑定 ${code}`)).text).toContain('已绑定');
    expect((await ask(staff, '#课表\n03-01 09:00-12:00 直播基础 张老师\n03-01 14:00-17:00 短视频拍摄 张老师')).text).toContain('已保存 2 节课');
    expect((await ask(staff, '#提交方案')).text).toContain('已提交');
    expect((await ask(staff, `#批准 ${code}`)).text).toContain('已批准');
  });

  it('reconnects after the socket drops mid sign-in and processes redelivered callbacks exactly once', async () => {
    clock.set(at('08:40'));
    const before = gateway.sentTo(group.conversationId).length;
    const connectionsBefore = gateway.connections;
    // The first ten are processed but their ACKs never reach the gateway: it will redeliver them.
    gateway.loseAcks = true;
    for (const t of trainees.slice(0, 10)) gateway.say(t, '签到', group, { atBot: true });
    await waitForRecords(runtime, staff.staffId, 10);
    // Five more are in flight when the socket drops.
    for (const t of trainees.slice(10, 15)) gateway.say(t, '签到', group, { atBot: true });
    gateway.dropConnection();
    gateway.loseAcks = false;
    await gateway.waitFor(() => gateway.connections > connectionsBefore, 'the adapter to reconnect');
    for (const t of trainees.slice(15)) gateway.say(t, '签到', group, { atBot: true });
    await waitForRecords(runtime, staff.staffId, 20);
    await gateway.waitFor(() => gateway.unacked().length === 0, 'every callback acknowledged');
    await gateway.waitFor(
      () => gateway.sentTo(group.conversationId).slice(before).some((m) => m.text.includes('已签到 20/20')),
      'the board with all 20',
    );

    expect(gateway.redelivered).toBeGreaterThanOrEqual(10);
    // The bot was handed redeliveries (same msgId again) and absorbed them.
    expect(handed.length).toBeGreaterThan(new Set(handed).size);
    const records = await attendance(runtime, staff.staffId);
    expect(records).toHaveLength(20);
    expect(new Set(records.map((r) => r.userId))).toEqual(new Set(trainees.map((t) => t.staffId)));
    const boards = gateway.sentTo(group.conversationId).slice(before);
    expect(boards.every((m) => isBoard(m.text))).toBe(true);
    // A redelivered 签到 never counts twice: no board counts more than the 20, and the counts only grow.
    const counts = boards.map((m) => parseBoard(m.text).counts);
    for (const c of counts) {
      expect(c.total).toBeLessThanOrEqual(20);
      expect(c.present + c.missing).toBe(c.total);
    }
    expect(counts.map((c) => c.present)).toEqual(counts.map((c) => c.present).sort((a, b) => a - b));
    expect(counts[counts.length - 1]).toEqual({ present: 20, total: 20, late: 0, leave: 0, absent: 0, missing: 0 });
  });

  it('replaces the connection when the gateway announces a disconnect, and keeps receiving', async () => {
    const connectionsBefore = gateway.connections;
    const pongsBefore = gateway.pongs;
    gateway.sendDisconnect();
    await gateway.waitFor(() => gateway.connections > connectionsBefore, 'a new connection after the disconnect frame');
    // The new connection answers the gateway's ping system frame, as the real gateway expects.
    await gateway.waitFor(() => gateway.pongs > pongsBefore, 'a reply to the ping frame');
    expect((await ask(staff, '#帮助 签到')).text).toContain('#签到');
  });

  it('answers a private message through the robot one-to-one API, retrying when DingTalk is busy', async () => {
    gateway.failNext('/v1.0/robot/oToMessages/batchSend', 503, 1);
    gateway.failNext('/v1.0/oauth2/accessToken', 429, 1);
    const answer = await ask(trainees[0]!, '#帮助', 'private');
    expect(answer.via).toBe('private');
    expect(answer.text).toContain('我能帮你做这些');
    const sends = gateway.requests.filter((r) => r.path === '/v1.0/robot/oToMessages/batchSend').map((r) => r.status);
    expect(sends).toEqual([503, 200]);
  });

  it('sends through the group API by openConversationId when the group has no live session webhook', async () => {
    const other = gateway.group('另一个群', [staff]);
    gateway.sessionTtlMs = 30_000; // inside the adapter's one-minute safety margin
    try {
      const answer = await ask(staff, '#新建班级 只有名字', other);
      expect(answer.via).toBe('group');
      expect(answer.conversationId).toBe(other.conversationId);
      expect(answer.text).toContain('格式不对');
      expect(answer.text.startsWith(`@${staff.name} `)).toBe(true);
    } finally {
      gateway.sessionTtlMs = 90 * 60_000;
    }
  });

  it('gives the bot a picture it can download through the robot API', async () => {
    const probe = await startDingtalkGateway();
    const adapter = adapterFor(probe, config);
    const seen: Buffer[] = [];
    try {
      const [person] = probe.people(['学员甲']) as [DingtalkPerson];
      await adapter.start(async (event) => {
        for (const a of event.attachments ?? []) seen.push(await a.load());
      });
      probe.sayPicture(person, Buffer.from('fake-jpeg-bytes'), 'private');
      await probe.waitFor(() => seen.length === 1, 'the picture to be downloaded');
      expect(seen[0]!.toString()).toBe('fake-jpeg-bytes');
    } finally {
      await adapter.stop();
      await probe.stop();
    }
  });

  it('has none of the capabilities a DingTalk robot lacks: recall, mute, remove, member list, files', () => {
    const { outbound } = runtime.deps;
    expect([outbound.recall, outbound.mute, outbound.remove, outbound.listMembers, outbound.sendFile]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(typeof outbound.send).toBe('function');
  });

  it('refuses to start with credentials the gateway rejects, naming the cause', async () => {
    const adapter = adapterFor(gateway, config, { clientSecret: 'wrong' });
    await expect(adapter.start(async () => undefined)).rejects.toThrow(/refused the app \(HTTP 401\)/);
  });
});

describe('cohort-bot bot with BOT_PLATFORM=dingtalk, configured from the environment only', () => {
  let gateway: DingtalkGateway;
  let bot: BotProcess | null = null;
  let conn: Connection;
  let stores: Stores;
  let env: Record<string, string>;
  let staff: DingtalkPerson;
  let trainees: DingtalkPerson[];
  let group: DingtalkGroup;
  const tz = zoneWithLocalHour(10);

  const ask = (from: DingtalkPerson, text: string, where: DingtalkGroup | 'private' = group) => gateway.ask(from, text, where);

  beforeAll(async () => {
    gateway = await startDingtalkGateway();
    [staff] = gateway.people(['李干事']) as [DingtalkPerson];
    trainees = gateway.people(['村民1', '村民2', '村民3']);
    group = gateway.group('电商培训二期', [staff, ...trainees]);
    env = {
      MONGODB_URI: mongoUriFor('dtproc'),
      REDIS_URL: redisUrl(),
      QUEUE_PREFIX: uniqueName('dtproc'),
      BOT_PLATFORM: 'dingtalk',
      ...gateway.env(),
      ADMIN_IDS: staff.staffId,
      TZ_DEFAULT: tz,
      SIGNIN_BOARD_INTERVAL_MS: '300',
    };
    conn = await connectMongo(env.MONGODB_URI!);
    stores = await createStores(conn);
  });

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await gateway?.stop();
    await conn?.close();
    if (env) await dropDatabase(env.MONGODB_URI!);
  });

  it('stops at start-up with one line naming a missing variable', async () => {
    const { DINGTALK_CLIENT_SECRET: _omit, ...rest } = env;
    await expect(startBotProcess('bot', rest, 10_000)).rejects.toThrow(/configuration error: DINGTALK_CLIENT_SECRET is required when BOT_PLATFORM=dingtalk/);
  });

  it('runs a cohort through the fake gateway: private help, group set-up, sign-ins, clean shutdown', async () => {
    bot = await startBotProcess('bot', env);
    expect((await ask(staff, '#帮助', 'private')).via).toBe('private');

    const now = DateTime.now().setZone(tz);
    const start = now.plus({ minutes: 10 }).startOf('minute');
    const end = start.plus({ hours: 2 });
    const code = /班级码：([A-Z0-9]{6})/.exec((await ask(staff, `#新建班级 电商培训二期 ${now.toFormat('yyyy-MM-dd')} ${now.toFormat('yyyy-MM-dd')}`)).text)?.[1];
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await ask(staff, `#绑定 ${code}`);
    expect((await ask(staff, `#课表\n${start.toFormat('MM-dd HH:mm')}-${end.toFormat('HH:mm')} 网店运营 赵老师`)).text).toContain('已保存 1 节课');
    await ask(staff, '#提交方案');
    expect((await ask(staff, `#批准 ${code}`)).text).toContain('已批准');

    for (const t of trainees) gateway.say(t, '签到', group, { atBot: true });
    await gateway.waitFor(() => gateway.sentTo(group.conversationId).some((m) => m.text.includes('已签到 3/3')), 'a board with all 3');
    const cohort = (await stores.cohorts.findByCode(code!))!;
    const [session] = await stores.sessions.listByCohort(cohort.id);
    expect(await stores.attendance.listBySession(session!.id)).toHaveLength(3);
    expect(gateway.unacked()).toEqual([]);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});

async function cohortIdOf(runtime: BotRuntime, staffId: string): Promise<string> {
  const members = await runtime.deps.stores.members.listForUser('dingtalk', staffId);
  if (!members[0]) throw new Error(`no cohort for ${staffId}`);
  return members[0].cohortId;
}

async function attendance(runtime: BotRuntime, staffId: string) {
  return runtime.deps.stores.attendance.listByCohort(await cohortIdOf(runtime, staffId));
}

async function waitForRecords(runtime: BotRuntime, staffId: string, n: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const count = (await attendance(runtime, staffId)).length;
    if (count >= n) return;
    if (Date.now() > deadline) throw new Error(`expected ${n} attendance records, have ${count}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
