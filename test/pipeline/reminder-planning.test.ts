import { Worker } from 'bullmq';
import { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { openSurveyJobId, remindSessionsJobId, replanCohortJobs, sessionReminderAt, sessionReminderBatchKey } from '../../src/features/cohorts/session-planner';
import type { Session } from '../../src/domain/types';
import { WORK_QUEUE } from '../../src/queue/queue-names';
import { createRedis } from '../../src/queue/redis-connection';
import { startPipeline, type Pipeline } from '../support/pipeline';

describe('planning reminders and closings from the timetable', () => {
  let p: Pipeline;
  const staff = { id: 'u-staff', name: '刘干事' };
  const group = 'plan@chatroom';
  let code = '';
  const planned = () => (p.deps.scheduler as BullmqScheduler).plannedIds('');
  const cohortId = async () => (await p.deps.stores.cohorts.findByCode(code))!.id;
  /** Whether `s`'s reminder `minutes` before is in the batch of its minute. */
  const inBatch = async (s: Session, minutes: number) =>
    (await p.deps.scheduler.readBatch(remindSessionsJobId(sessionReminderAt(s, minutes)))).has(sessionReminderBatchKey(s, minutes));

  beforeAll(async () => {
    p = await startPipeline('planning', { ADMIN_IDS: staff.id });
    p.clock.set(new Date('2027-02-20T10:00:00+08:00'));
    code = /班级码：([A-Z0-9]{6})/.exec((await p.say(staff, '#新建班级 计划班 2027-03-01 2027-03-02', group))[0]!.message.text)![1]!;
    await p.say(staff, `#绑定 ${code}`, group);
    await p.say(staff, '#课表\n03-01 09:00-12:00 开店\n03-02 09:00-12:00 复盘', group);
  });

  afterAll(async () => {
    if (p) for (const id of await planned()) if (id.startsWith('remind-sessions_')) await p.deps.scheduler.clearBatch(id);
    await p?.stop();
  });

  it('plans nothing while the plan is not approved', async () => {
    expect(await planned()).toEqual([]);
  });

  it('plans 30- and 5-minute reminders, the closing and the evening-before reminder once approved', async () => {
    await p.say(staff, '#提交方案', group);
    await p.say(staff, `#批准 ${code}`, group);
    const [day1, day2] = await p.deps.stores.sessions.listByCohort(await cohortId());
    const id = await cohortId();
    const expected = [day1!, day2!].flatMap((s) => [
      `remind-sessions_${s.startsAt.getTime() - 30 * 60_000}`,
      `remind-sessions_${s.startsAt.getTime() - 5 * 60_000}`,
      `close-session_${s.id}_${s.endsAt.getTime()}`,
    ]);
    const survey = openSurveyJobId(id, '');
    expect((await planned()).sort()).toEqual([...expected, `remind-day_${id}_2027-03-01`, `remind-day_${id}_2027-03-02`, survey].sort());
    const queue = (p.deps.scheduler as BullmqScheduler).queue;
    const dayBefore = (await queue.getJob(`remind-day_${id}_2027-03-01`))!;
    // 20:00 the evening before, on the pipeline's clock (set to 02-20 10:00 a moment ago).
    const expectedDelay = new Date('2027-02-28T20:00:00+08:00').getTime() - new Date('2027-02-20T10:00:00+08:00').getTime();
    expect(Math.abs(dayBefore.delay - expectedDelay)).toBeLessThan(60_000);
    // Each session reminder is in the batch of its minute, with where it goes and what it says, as approved.
    const batch = await p.deps.scheduler.readBatch(`remind-sessions_${day1!.startsAt.getTime() - 30 * 60_000}`);
    expect(batch.get(`${day1!.id}_30`)).toMatchObject({ sessionId: day1!.id, minutes: 30, content: { groups: [group], session: { title: '开店', startsAt: day1!.startsAt.getTime() } } });
    const minuteJob = (await queue.getJob(`remind-sessions_${day1!.startsAt.getTime() - 30 * 60_000}`))!;
    expect(minuteJob.data).toEqual({ at: day1!.startsAt.getTime() - 30 * 60_000 });
    expect(Math.abs(minuteJob.delay - (new Date('2027-03-01T08:30:00+08:00').getTime() - new Date('2027-02-20T10:00:00+08:00').getTime()))).toBeLessThan(60_000);
    expect(dayBefore.data).toMatchObject({ content: { groups: [group], sessions: [{ title: '开店' }] } });
  });

  it('moves a session’s reminders and closing when its time changes', async () => {
    const [before] = await p.deps.stores.sessions.listByCohort(await cohortId());
    await p.say(staff, '#课表 改 1 03-01 10:00-12:30 开店', group);
    const [after] = await p.deps.stores.sessions.listByCohort(await cohortId());
    const ids = await planned();
    expect(ids.filter((i) => i.includes(before!.endsAt.getTime().toString()))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining([`remind-sessions_${after!.startsAt.getTime() - 30 * 60_000}`, `close-session_${after!.id}_${after!.endsAt.getTime()}`]));
    expect([await inBatch(before!, 30), await inBatch(before!, 5)]).toEqual([false, false]);
    expect([await inBatch(after!, 30), await inBatch(after!, 5)]).toEqual([true, true]);
  });

  it('removes a cancelled session’s jobs, and its day’s reminder when nothing is left that day', async () => {
    const [, second] = await p.deps.stores.sessions.listByCohort(await cohortId());
    expect(await inBatch(second!, 30)).toBe(true);
    await p.say(staff, '#课表 删 2', group);
    const ids = await planned();
    expect(ids.filter((i) => i.includes(second!.id))).toEqual([]);
    expect([await inBatch(second!, 30), await inBatch(second!, 5)]).toEqual([false, false]);
    expect(ids).not.toContain(`remind-day_${await cohortId()}_2027-03-02`);
    expect(ids).toContain(`remind-day_${await cohortId()}_2027-03-01`);
  });

  it('plans a minute’s job anew, due on the clock of now, when its instant comes round again after that job ran (a simulated clock started over)', async () => {
    const [first] = await p.deps.stores.sessions.listByCohort(await cohortId());
    const jobId = remindSessionsJobId(sessionReminderAt(first!, 30));
    const queue = (p.deps.scheduler as BullmqScheduler).queue;
    // The job runs (a worker that does nothing with it) and is kept as completed.
    await (await queue.getJob(jobId))!.promote();
    const connection = createRedis(p.deps.config.REDIS_URL);
    const worker = new Worker(WORK_QUEUE, async () => 'ran', { connection, prefix: p.deps.config.QUEUE_PREFIX });
    try {
      for (let i = 0; i < 200 && (await queue.getJobState(jobId)) !== 'completed'; i++) await new Promise((r) => setTimeout(r, 25));
    } finally {
      await worker.close();
      connection.disconnect();
    }
    expect(await queue.getJobState(jobId)).toBe('completed');
    // A clock started over: 08:30 on 03-01 is ahead again, a day closer than at first.
    p.clock.set(new Date('2027-02-21T10:00:00+08:00'));
    const c = (await p.deps.stores.cohorts.findByCode(code))!;
    await replanCohortJobs(p.deps.stores, p.deps.scheduler, c);
    const job = (await queue.getJob(jobId))!;
    expect(await job.getState()).toBe('delayed');
    const expectedDelay = sessionReminderAt(first!, 30).getTime() - new Date('2027-02-21T10:00:00+08:00').getTime();
    expect(Math.abs(job.delay - expectedDelay)).toBeLessThan(60_000);
    expect(await inBatch(first!, 30)).toBe(true);
  });
});
