import { Queue } from 'bullmq';
import type { mock } from 'wechaty-puppet-mock';
import { AdjustableClock } from '../../src/kernel/clock';
import type { Config } from '../../src/kernel/load-config';
import { createRedis } from '../../src/queue/redis-connection';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import { closeSessionJobId } from '../../src/features/cohorts/session-planner';
import type { Cohort } from '../../src/domain/types';
import type { BotRuntime } from '../../bots/bot-runtime';
import type { WorkerRuntime } from '../../bots/worker-runtime';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { startTestBot, startTestWorker, testConfig } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';

const at = (hhmm: string, day = '01') => new Date(`2027-03-${day}T${hhmm}:00+08:00`);

describe('a cohort from creation to a closed session, over gRPC with a worker', () => {
  let harness: WechatyHarness;
  let bot: BotRuntime;
  let worker: WorkerRuntime;
  let config: Config;
  let queue: Queue;
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const clock = new AdjustableClock(at('07:30'));
  let staff: mock.ContactMock;
  let lecturer: mock.ContactMock;
  let trainees: mock.ContactMock[];
  let room: mock.RoomMock;
  let cohort: Cohort;

  const reply = (from: mock.ContactMock, text: string, mentions: mock.ContactMock[] = []) =>
    harness.ask(from, text, room, { mentions });
  // The daily digest is one job a day for all cohorts (on this test's clock, `daily-digest_<day>`), not this cohort's.
  const jobsOfCohort = async () =>
    (await queue.getJobs(['delayed', 'waiting', 'active'])).filter((j) => j !== undefined && !j.id?.startsWith('repeat:') && !j.id?.startsWith('daily-digest_'));
  const closingJobs = async () => (await jobsOfCohort()).filter((j) => j.id?.startsWith('close-session_'));
  const sessions = () => bot.deps.stores.sessions.listByCohort(cohort.id);

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff, lecturer] = harness.people(['周干事', '张老师']) as [mock.ContactMock, mock.ContactMock];
    trainees = harness.people(['学员甲', '学员乙', '学员丙', '学员丁', '学员戊', '学员己']);
    room = harness.room('农产品网店班', [staff, lecturer, ...trainees]);
    config = testConfig('cohortops', { ADMIN_IDS: staff.id });
    bot = await startTestBot(harness, config, clock);
    worker = await startTestWorker(config, clock);
    queue = new Queue(WORK_QUEUE, { connection: redis, prefix: config.QUEUE_PREFIX });
  });

  afterAll(async () => {
    await worker?.stop();
    await bot?.stop();
    await queue?.close();
    redis.disconnect();
    await harness?.stop();
    if (config) await dropDatabase(config.MONGODB_URI);
  });

  it('plans nothing and refuses 签到 until the office approves the plan', async () => {
    const code = /班级码：([A-Z0-9]{6})/.exec(await reply(staff, '#新建班级 农产品网店班 2027-03-01 2027-03-02'))![1]!;
    cohort = (await bot.deps.stores.cohorts.findByCode(code))!;
    expect(await reply(staff, `#绑定 ${code}`)).toContain('登记学员 7 人');
    expect(await reply(staff, '#授权 @张老师 讲师', [lecturer])).toContain('设为本班讲师');
    expect(await reply(lecturer, '#课表\n03-01 09:00-12:00 开店流程 张老师\n03-01 14:00-17:00 商品上架 张老师\n03-02 09:00-15:00 客服话术 张老师')).toContain('已保存 3 节课');
    clock.set(at('08:45'));
    expect(await reply(trainees[0]!, '签到')).toContain('还没有经过领导组办公室批准');
    expect(await jobsOfCohort()).toHaveLength(0);
    expect(await reply(trainees[0]!, '#批准 ' + code)).toContain('只有领导组办公室可以使用');
    await reply(staff, '#提交方案');
    expect(await reply(staff, `#批准 ${code}`)).toContain('已批准');
    const planned = await closingJobs();
    expect(planned.map((j) => j.id).sort()).toEqual((await sessions()).map((s) => closeSessionJobId(s)).sort());
  });

  it('registers a trainee in private chat with the phone masked in the reply', async () => {
    const privately = async (from: mock.ContactMock, text: string) => {
      const before = harness.sentTo(from.id).length;
      from.say(text).to(harness.botUser);
      await harness.waitFor(() => harness.sentTo(from.id).length > before, `a private answer to ${text}`);
      return harness.sentTo(from.id)[before]!.text;
    };
    const text = await privately(trainees[0]!, '#登记 张三 13800138000 城关镇西关村 核桃 抖音开过店');
    expect(text).toContain('138****8000');
    expect(text).not.toContain('13800138000');
    expect((await bot.deps.stores.registrations.find(cohort.id, 'wechaty', trainees[0]!.id))?.village).toBe('城关镇西关村');
    expect(await privately(trainees[1]!, '#登记 李四 12345 某村')).toContain('手机号要 11 位');
  });

  it('takes a leave request and tells the trainee the staff decision', async () => {
    expect(await reply(trainees[1]!, '#请假 孩子发烧去医院 03-01')).toContain('编号 1');
    harness.say(staff, '#批准请假 1', room);
    await harness.waitFor(() => harness.sentTo(trainees[1]!.id).some((m) => m.text.includes('已批准')), 'the private decision');
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.includes('你的请假（编号 1') && m.mentionIds.includes(trainees[1]!.id)), 'the group decision');
    expect(await reply(staff, '#批准请假 1')).toContain('已经批准过了');
  });

  it('moves a changed session’s closing job and removes a cancelled session’s job', async () => {
    const [, afternoon, dayTwo] = await sessions();
    expect(await reply(lecturer, '#课表 改 2 03-01 14:30-17:30 商品上架 张老师')).toContain('已修改第 2 节');
    const moved = (await sessions())[1]!;
    expect(await queue.getJob(closeSessionJobId(afternoon!))).toBeUndefined();
    expect((await queue.getJob(closeSessionJobId(moved)))?.data).toEqual({ sessionId: moved.id });
    expect(await reply(lecturer, '#课表 删 3')).toContain('已取消');
    expect(await queue.getJob(closeSessionJobId(dayTwo!))).toBeUndefined();
    expect(await sessions()).toHaveLength(2);
  });

  it('closes the session at its end: exactly the trainees with neither record nor leave are absent, once', async () => {
    clock.set(at('08:50'));
    for (const t of [trainees[0]!, trainees[2]!, trainees[3]!]) harness.say(t, '签到', room);
    const [morning] = await sessions();
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.startsWith('📋') && m.text.includes('已签到 3/6')), 'the board with 3');
    clock.set(at('12:00'));
    const job = (await queue.getJob(closeSessionJobId(morning!)))!;
    await job.promote();
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.startsWith('本节课签到已结束')), 'the closing board', 20_000);
    const records = await bot.deps.stores.attendance.listBySession(morning!.id);
    const byStatus = (s: string) => records.filter((r) => r.status === s).map((r) => r.name).sort();
    expect(byStatus('absent')).toEqual(['学员戊', '学员己'].sort());
    expect(byStatus('leave')).toEqual(['学员乙']);
    expect(byStatus('on_time')).toEqual(['学员丁', '学员丙', '学员甲'].sort());
    expect(records.some((r) => r.name === '张老师')).toBe(false);

    // The same closing run again (a retried or duplicated job) marks nobody twice.
    await queue.add('close-session', { sessionId: morning!.id }, { jobId: `again_${morning!.id}` });
    await new Promise<void>((resolve) => {
      const poll = async () => ((await queue.getJob(`again_${morning!.id}`))?.finishedOn ? resolve() : setTimeout(() => void poll(), 50));
      void poll();
    });
    expect(await bot.deps.stores.attendance.listBySession(morning!.id)).toHaveLength(6);
  });

  it('shows a trainee the whole attendance record under 我的', async () => {
    const text = await reply(trainees[4]!, '#我的');
    expect(text).toContain('缺勤 1');
    expect(text).toContain('开店流程 张老师：缺勤');
  });

  it('counts early leave on 签退 before the end, but not with approved leave', async () => {
    clock.set(at('14:10'));
    harness.say(trainees[0]!, '签到', room);
    harness.say(trainees[1]!, '签到', room);
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.includes('14:30-17:30') && m.text.includes('已签到 2/6')), 'afternoon board');
    clock.set(at('16:00'));
    expect(await reply(trainees[0]!, '签退')).toContain('记为早退');
    const excused = await reply(trainees[1]!, '签退');
    expect(excused).toContain('已签退');
    expect(excused).not.toContain('早退');
  });
});
