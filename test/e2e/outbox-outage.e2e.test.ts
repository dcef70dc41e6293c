/**
 * A platform outage longer than the outbox's retry budget (SPEC §4, nothing lost): while the
 * bot's WeChat account is logged out, queued messages wait in Redis and spend no attempt; once
 * it logs in again they all go out, once each, except one that lost its meaning meanwhile (a
 * class reminder after the class began), which is not sent, and staff are told which.
 */
import { Queue } from 'bullmq';
import type { mock } from 'wechaty-puppet-mock';
import { AdjustableClock } from '../../src/kernel/clock';
import { EXPIRY_GRACE_MS, Outbox } from '../../src/queue/outbox';
import { OUTBOX_QUEUE } from '../../src/queue/queue-names';
import { EXPIRED_NOTICE_GATHER_MS } from '../../src/features/admin';
import type { BotRuntime } from '../../bots/bot-runtime';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import { waitUntilQueuesIdle } from '../support/handled';

/** The retry budget of the messages this test queues: 3 attempts, 100 ms then 200 ms apart (about 0.3 s in all). */
const SHORT_BUDGET = { attempts: 3, delayMs: 100 };
/** The logout lasts many times that budget. */
const OUTAGE_MS = 4_000;

describe('a logout longer than the retry budget parks the outbox; after the login everything arrives once, the expired reminder is reported', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let outbox: Outbox;
  let queue: Queue;
  const config = testConfig('outage', { LOGOUT_GRACE_SECONDS: '600' });

  afterAll(async () => {
    await outbox?.close();
    await queue?.close();
    await bot?.stop();
    await harness?.stop();
    await dropDatabase(config.MONGODB_URI);
  });

  it('keeps every message through the logout and drops only the one that expired', async () => {
    harness = await startWechatyHarness();
    const [staff, trainee] = harness.people(['周干事', '学员甲']) as [mock.ContactMock, mock.ContactMock];
    const room = harness.room('直播班', [staff, trainee]);
    // The bot's clock is moved on during the outage: the class begins while the account is logged out.
    const clock = new AdjustableClock(new Date());
    bot = await startTestBot(harness, { ...config, ADMIN_IDS: [staff.id] }, clock);
    const code = /班级码：([A-Z0-9]{6})/.exec(await harness.ask(staff, '#新建班级 直播班 2027-03-01 2027-03-02', room))![1]!;
    await harness.ask(staff, `#绑定 ${code}`, room);
    await waitUntilQueuesIdle(bot.deps);

    await harness.puppet.logout('kicked out from the phone');
    await harness.waitFor(() => !bot.session.isLoggedIn(), 'the lost session');
    const before = harness.sent.length;
    outbox = new Outbox(bot.deps.redis, config.QUEUE_PREFIX, { retry: SHORT_BUDGET });
    queue = new Queue(OUTBOX_QUEUE, { connection: bot.deps.redis, prefix: config.QUEUE_PREFIX });
    const group = { kind: 'group' as const, id: room.id };
    const classBegins = new Date(clock.now().getTime() + 5 * 60_000);
    await outbox.enqueue(group, { text: '📅 明天（03-02）的课程：复盘' }, 'outage-day');
    await outbox.enqueue(group, { text: '⏰ 5 分钟后上课：09:00-12:00 直播基础' }, 'outage-5min', { expiry: { at: classBegins, what: '上课前 5 分钟提醒（03-01 09:00 直播基础）' } });
    await outbox.enqueue(group, { text: '本节课签到已结束：已签到 1/1' }, 'outage-closed');
    for (let i = 1; i <= 3; i++) await outbox.enqueue({ kind: 'private', id: trainee.id }, { text: `回访第 ${i} 条` }, `outage-follow-up-${i}`);

    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    // Meanwhile the class began, longer ago than a late reminder is still worth sending.
    clock.advance(5 * 60_000 + EXPIRY_GRACE_MS + 60_000);
    // The whole outage spent no attempt and failed nothing; nothing reached the platform.
    const jobs = await Promise.all(['outage-day', 'outage-5min', 'outage-closed', 'outage-follow-up-1', 'outage-follow-up-2', 'outage-follow-up-3'].map((id) => queue.getJob(id)));
    expect(jobs.map((j) => [j?.id, j?.attemptsMade, j?.failedReason ?? null])).toEqual(jobs.map((j) => [j?.id, 0, null]));
    expect(await queue.getFailedCount()).toBe(0);
    expect(harness.sent.slice(before)).toEqual([]);

    harness.login();
    await harness.waitFor(() => bot.session.isLoggedIn(), 'the login');
    await harness.waitFor(() => harness.sentTo(trainee.id).filter((m) => m.text.startsWith('回访第')).length === 3, 'the three private messages', 20_000);
    await harness.waitFor(() => harness.sentTo(staff.id).some((m) => m.text.includes('没有发到群里')), 'the notice to staff', 20_000 + EXPIRED_NOTICE_GATHER_MS);
    await waitUntilQueuesIdle(bot.deps);

    const inRoom = harness.sentTo(room.id).slice(0).map((m) => m.text).filter((t) => !t.startsWith('@'));
    expect(inRoom.filter((t) => t.startsWith('📅 明天（03-02）'))).toHaveLength(1);
    expect(inRoom.filter((t) => t.startsWith('本节课签到已结束：已签到 1/1'))).toHaveLength(1);
    expect(inRoom.filter((t) => t.startsWith('⏰'))).toEqual([]);
    expect(harness.sentTo(trainee.id).map((m) => m.text).filter((t) => t.startsWith('回访第')).sort()).toEqual(['回访第 1 条', '回访第 2 条', '回访第 3 条']);
    const notices = harness.sentTo(staff.id).filter((m) => m.text.includes('没有发到群里'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('「直播班」有 1 条定时消息没有发到群里');
    expect(notices[0]!.text).toContain('上课前 5 分钟提醒（03-01 09:00 直播基础）');
    expect(await queue.getFailedCount()).toBe(0);
  });
});
