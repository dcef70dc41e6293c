import type { mock } from 'wechaty-puppet-mock';
import { ScaledClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import type { BotRuntime } from '../../bots/bot-runtime';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';

/**
 * 1,200× real time: a fake hour passes in three real seconds, so the bot has about 7 real seconds
 * between the 08:35 签到 and the 11:00 closing, even on a busy machine.
 */
const SPEED = 1200;
const fake = (iso: string) => new Date(`${iso}+08:00`);
const withoutMentions = (text: string) => text.replace(/^(@\S+\s)+/u, '');

describe('approved leave for a day, across the bot and two workers: 请假 on the board, no reminder, no 缺交', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let config: Config;
  let env: Record<string, string>;
  const workers: BotProcess[] = [];
  let clock: ScaledClock;
  let staff: mock.ContactMock;
  let lecturer: mock.ContactMock;
  let onLeave: mock.ContactMock;
  let present: mock.ContactMock;
  let absent: mock.ContactMock;
  let room: mock.RoomMock;

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff, lecturer, onLeave, present, absent] = harness.people(['周干事', '张老师', '学员甲', '学员乙', '学员丙']) as [
      mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock,
    ];
    room = harness.room('请假班', [staff, lecturer, onLeave, present, absent]);
    // Day one's sign-in opens (08:30) about 41.5 real seconds from now: time for the processes and
    // the setup through chat, even on a busy machine.
    clock = new ScaledClock(fake('2027-03-01T08:00:00'), Date.now() + 40_000, SPEED);
    env = { ADMIN_IDS: staff.id, SIMULATED_CLOCK: clock.toString(), WORKER_LOCK_SECONDS: '1', SIGNIN_BOARD_INTERVAL_MS: '100' };
    config = testConfig('approvedleave', env);
  });

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await bot?.stop();
    await harness?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('shows the trainee as 请假 before the closing, leaves them out of the deadline reminder and out of the digest’s 缺交作业', async () => {
    const workerEnv = { ...env, MONGODB_URI: config.MONGODB_URI, REDIS_URL: config.REDIS_URL, QUEUE_PREFIX: config.QUEUE_PREFIX, STALE_MESSAGE_SECONDS: '0' };
    workers.push(...(await Promise.all([startBotProcess('worker', workerEnv), startBotProcess('worker', workerEnv)])));
    bot = await startTestBot(harness, config, clock);
    const ask = (from: mock.ContactMock, text: string, mentions: mock.ContactMock[] = []) => harness.ask(from, text, room, { mentions });
    const code = /班级码：([A-Z0-9]{6})/.exec(await ask(staff, '#新建班级 请假班 2027-03-01 2027-03-01'))![1]!;
    await ask(staff, `#绑定 ${code}`);
    await ask(staff, '#授权 @张老师 讲师', [lecturer]);
    await ask(lecturer, '#课表\n03-01 09:00-11:00 直播基础 张老师');
    await ask(staff, '#提交方案');
    await ask(staff, `#批准 ${code}`);
    // 学员甲 asks for day one off; staff approve it.
    expect(await ask(onLeave, '#请假 家里收玉米 03-01')).toContain('已提交请假（编号 1）');
    await harness.ask(staff, '#批准请假 1', room, { match: (m) => m.text.includes('已批准') });
    expect(clock.now().getTime()).toBeLessThan(fake('2027-03-01T08:30:00').getTime());
    const cohortId = (await bot.deps.stores.cohorts.findByCode(code))!.id;
    // The day's digest, run by a worker at 12:30 (after the closing at 11:00 and the homework deadline at 12:00).
    await bot.deps.scheduler.schedule('daily-digest', { day: '2027-03-01' }, { jobId: `approved-leave-digest_${cohortId}`, runAt: fake('2027-03-01T12:30:00') });

    // Sign-in is open: 学员乙 signs in; the board names 学员甲 as 请假 and only 学员丙 as 未签到, before the session closes.
    await harness.waitFor(() => clock.now().getTime() > fake('2027-03-01T08:35:00').getTime(), 'day one, 08:35', 90_000);
    const board = await harness.ask(present, '签到', room, { match: (m) => m.text.startsWith('📋 签到') });
    expect(clock.now().getTime()).toBeLessThan(fake('2027-03-01T11:00:00').getTime());
    expect(harness.sentTo(room.id).some((m) => m.text.startsWith('本节课签到已结束'))).toBe(false);
    expect(board.split('\n')).toEqual(expect.arrayContaining(['已签到 1/3 · 请假 1 · 未签到 1', '📝 请假：学员甲', '⬜ 未签到：学员丙']));

    // Homework for day one, due at 12:00 (reminder at 11:00); 学员乙 hands it in.
    await harness.ask(lecturer, '#布置作业 写一段直播开场白 截止 12:00', room, { match: (m) => m.text.startsWith('📚 今日作业') });
    await harness.ask(present, '#交作业 家人们好，欢迎来到直播间', room, { match: (m) => m.text.startsWith('📚 作业《') && m.text.includes('已交 1/2') });

    // The deadline reminder @-names only 学员丙.
    const isReminder = (m: { text: string }) => withoutMentions(m.text).startsWith('📚 作业 ');
    await harness.waitFor(() => harness.sentTo(room.id).some(isReminder), 'the homework deadline reminder', 20_000);
    const reminder = harness.sentTo(room.id).find(isReminder)!;
    expect(reminder.mentionIds).toEqual([absent.id]);
    expect(reminder.text).toContain('还有 1 位同学没交');

    // The staff digest of day one: 学员甲 is on leave (not 应到, not 应交), never 缺交作业.
    const isDigest = (m: { text: string }) => m.text.includes('📊「请假班」日报 03-01');
    await harness.waitFor(() => harness.sentTo(staff.id).some(isDigest), 'the daily digest', 20_000);
    const digest = harness.sentTo(staff.id).find(isDigest)!.text;
    expect(digest).toContain('出勤率 50%（到课/应到 1/2 人次，1 节课），请假 1 人（不计入应到）');
    expect(digest).toContain('⚠️ 缺勤 1 人：学员丙');
    expect(digest).toContain('作业：已交 1/2，已点评 0，未交 1，请假 1 人（不计入应交）');
    expect(digest).toContain('⚠️ 需关注 1 人：学员丙（累计缺勤1节、缺交作业1次）');
    expect(digest).not.toContain('学员甲');
  }, 180_000);
});
