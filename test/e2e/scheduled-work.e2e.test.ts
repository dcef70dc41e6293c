import type { mock } from 'wechaty-puppet-mock';
import { ScaledClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import type { BotRuntime } from '../../bots/bot-runtime';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import { waitUntilQueuesIdle } from '../support/handled';

/** 7,200× real time: a fake hour passes in half a real second. */
const SPEED = 7200;
const fake = (iso: string) => new Date(`${iso}+08:00`);

describe('a two-day cohort in compressed time: every reminder and closing once, in order, across a worker crash', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let config: Config;
  let env: Record<string, string>;
  const workers: BotProcess[] = [];
  let clock: ScaledClock;
  let staff: mock.ContactMock;
  let lecturer: mock.ContactMock;
  let trainees: [mock.ContactMock, mock.ContactMock];
  let room: mock.RoomMock;

  beforeAll(async () => {
    harness = await startWechatyHarness();
    let a: mock.ContactMock;
    let b: mock.ContactMock;
    [staff, lecturer, a, b] = harness.people(['周干事', '张老师', '学员甲', '学员乙']) as [mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock];
    trainees = [a, b];
    room = harness.room('直播班', [staff, lecturer, ...trainees]);
    // The fake day 0 reaches 12:00 forty real seconds from now and 20:00 four seconds later:
    // starting the workers and the setup through chat happen before the first reminder, even on
    // a machine busy enough to take half a minute for them (a fast one waits the rest).
    clock = new ScaledClock(fake('2027-02-28T12:00:00'), Date.now() + 40_000, SPEED);
    // The default stale limit (600 real seconds) and the default digest time: a simulated clock needs no special settings.
    env = { ADMIN_IDS: staff.id, SIMULATED_CLOCK: clock.toString(), WORKER_LOCK_SECONDS: '1', SIGNIN_BOARD_INTERVAL_MS: '100', STALE_MESSAGE_SECONDS: '600' };
    config = testConfig('scheduled', env);
  });

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await bot?.stop();
    await harness?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('runs the whole timetable with two workers, one of them killed and restarted', async () => {
    const workerEnv = {
      ...env,
      MONGODB_URI: config.MONGODB_URI,
      REDIS_URL: config.REDIS_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
    };
    workers.push(await startBotProcess('worker', workerEnv), await startBotProcess('worker', workerEnv));
    bot = await startTestBot(harness, config, clock);
    const ask = (from: mock.ContactMock, text: string, mentions: mock.ContactMock[] = []) => harness.ask(from, text, room, { mentions });
    const code = /班级码：([A-Z0-9]{6})/.exec(await ask(staff, '#新建班级 直播班 2027-03-01 2027-03-02'))![1]!;
    await ask(staff, `#绑定 ${code}`);
    await ask(staff, '#授权 @张老师 讲师', [lecturer]);
    await ask(lecturer, '#课表\n03-01 09:00-12:00 直播基础 张老师\n03-01 14:00-17:00 直播实操 张老师\n03-02 09:00-12:00 复盘 张老师');
    await ask(staff, '#提交方案');
    await ask(staff, `#批准 ${code}`);
    expect(clock.now().getTime()).toBeLessThan(fake('2027-02-28T20:00:00').getTime());
    const fromBot = harness.sentTo(room.id).length;

    // The lecturer assigns homework once day one's first session has begun.
    await harness.waitFor(() => clock.now().getTime() > fake('2027-03-01T09:10:00').getTime(), 'day one, 09:10', 90_000);
    await harness.ask(lecturer, '#布置作业 写一段直播开场白 截止 21:30', room, { match: (m) => m.text.startsWith('📚 今日作业') });
    // A submission shows on the group's homework board; the receipt goes to the trainee privately.
    await harness.ask(trainees[0], '#交作业 家人们好，欢迎来到直播间', room, {
      match: (m) => m.text.startsWith('📚 作业《写一段直播开场白》') && m.text.split('\n')[1]!.startsWith('已交 1/2'),
    });
    await harness.waitFor(() => harness.sentTo(trainees[0].id).some((m) => m.text === '作业《写一段直播开场白》已收到。'), 'the private receipt', 10_000);

    // Crash one worker after the first closing; the other carries on, then it comes back.
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.startsWith('本节课签到已结束')), 'the first closing', 30_000);
    workers[0]!.child.kill('SIGKILL');
    await workers[0]!.exited;
    workers[0] = await startBotProcess('worker', workerEnv);

    await harness.waitFor(() => harness.sentTo(room.id).filter((m) => m.text.startsWith('本节课签到已结束')).length === 3, 'the third closing', 40_000);
    await harness.waitFor(() => harness.sentTo(lecturer.id).some((m) => m.text.includes('没有点评')), 'the review reminder', 10_000);
    // The staff digest runs at DIGEST_TIME (20:30) on the simulated clock, each training day.
    await harness.waitFor(() => harness.sentTo(staff.id).some((m) => m.text.includes('」日报 03-02')), "day two's digest", 30_000);
    // Every job that could repeat a message has run and the outbox is empty: what arrived is final.
    await waitUntilQueuesIdle(bot.deps);

    const kinds = harness
      .sentTo(room.id)
      .slice(fromBot)
      .map((m) => m.text.replace(/^(@\S+\s)+/u, ''))
      .filter((t) => !t.startsWith('📋') && !t.startsWith('📚 今日作业') && !t.startsWith('📚 作业《') && !t.startsWith('📝'))
      .map((t) => {
        if (t.startsWith('📅')) return `day-before ${/（(\d\d-\d\d)）/.exec(t)?.[1]}`;
        if (t.startsWith('⏰')) return `${/(\d+) 分钟后上课：(\d\d:\d\d)/.exec(t)?.slice(1).join(' before ')}`;
        if (t.startsWith('本节课签到已结束')) return `closed ${/\d\d-\d\d \d\d:\d\d-\d\d:\d\d/.exec(t)?.[0]}`;
        if (t.startsWith('📚 作业 ')) return 'homework deadline';
        return `other: ${t}`;
      });
    // Every message once. Reminders only queue a message and keep their order; a closing writes the
    // session's absences first, and at 7,200× the next session's first reminder is under a real
    // second behind it, so a closing is checked against its own session's reminders only.
    expect([...kinds].sort()).toEqual(
      [
        'day-before 03-01',
        '30 before 09:00',
        '5 before 09:00',
        'closed 03-01 09:00-12:00',
        '30 before 14:00',
        '5 before 14:00',
        'closed 03-01 14:00-17:00',
        'day-before 03-02',
        'homework deadline',
        '30 before 09:00',
        '5 before 09:00',
        'closed 03-02 09:00-12:00',
      ].sort(),
    );
    expect(kinds.filter((k) => !k.startsWith('closed '))).toEqual([
      'day-before 03-01',
      '30 before 09:00',
      '5 before 09:00',
      '30 before 14:00',
      '5 before 14:00',
      'day-before 03-02',
      'homework deadline',
      '30 before 09:00',
      '5 before 09:00',
    ]);
    expect(kinds.indexOf('closed 03-01 09:00-12:00')).toBeGreaterThan(kinds.indexOf('5 before 09:00'));
    expect(kinds.indexOf('closed 03-01 14:00-17:00')).toBeGreaterThan(kinds.indexOf('5 before 14:00'));
    expect(kinds.indexOf('closed 03-02 09:00-12:00')).toBeGreaterThan(kinds.lastIndexOf('5 before 09:00'));
    expect(harness.sentTo(lecturer.id).filter((m) => m.text.includes('没有点评'))).toHaveLength(1);
    const digests = harness.sentTo(staff.id).filter((m) => m.text.includes('」日报'));
    expect(digests.map((m) => /」日报 (\d\d-\d\d)/.exec(m.text)?.[1])).toEqual(['03-01', '03-02']);
    // The deadline reminder (「📚 作业 <截止时间>」), not the homework board (「📚 作业《…》」), names who has not handed in.
    const deadlineReminders = harness.sentTo(room.id).filter((m) => m.text.replace(/^(@\S+\s)+/u, '').startsWith('📚 作业 '));
    expect(deadlineReminders).toHaveLength(1);
    expect(deadlineReminders[0]!.mentionIds).toEqual([trainees[1].id]);
    const absent = (await bot.deps.stores.attendance.listByCohort((await bot.deps.stores.cohorts.findByCode(code))!.id)).filter((r) => r.status === 'absent');
    expect(absent).toHaveLength(2 * 3);
  }, 180_000);
});
