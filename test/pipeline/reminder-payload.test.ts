/**
 * Reminders carry what they say and where it goes, so firing one reads nothing; every change
 * to a cohort's timetable, its groups or its plan plans them again with what is stored now.
 * The session reminders that fall in one minute are one batch, of every cohort, sent by one job.
 */
import type { JobDeps } from '../../jobs/job-definition';
import { remindDayJob } from '../../jobs/remind-day.job';
import { remindSessionJob } from '../../jobs/remind-session.job';
import { remindSessionsJob } from '../../jobs/remind-sessions.job';
import type { Session } from '../../src/domain/types';
import { dayReminderExpiry, dayReminderText, sessionReminderExpiry, sessionReminderText } from '../../src/features/cohorts/reminder-texts';
import {
  remindDayJobId,
  remindSessionsJobId,
  replanCohortJobs,
  sessionReminderAt,
  sessionReminderBatchKey,
  sessionReminderContent,
} from '../../src/features/cohorts/session-planner';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { parseJobPayload, sessionReminderEntry } from '../../src/queue/job-catalogue';
import type { JobScheduler } from '../../src/queue/job-scheduler';
import { Outbox, type OutboxItem } from '../../src/queue/outbox';
import { startPipeline, type Pipeline } from '../support/pipeline';

/** Stores that fail on any use: a reminder that reads anything throws. */
const noStores = new Proxy(
  {},
  {
    get(_target, prop) {
      throw new Error(`the reminder read stores.${String(prop)}`);
    },
  },
) as JobDeps['stores'];

describe('reminders carry their content and are planned again on every change', () => {
  let p: Pipeline;
  let outbox: Outbox;
  const staff = { id: 'u-staff', name: '刘干事' };
  const groupA = 'remind-a@chatroom';
  const groupB = 'remind-b@chatroom';
  let code1 = '';
  let code2 = '';
  const queue = () => (p.deps.scheduler as BullmqScheduler).queue;
  const cohort = async (code: string) => (await p.deps.stores.cohorts.findByCode(code))!;
  const sessions = async (code: string) => p.deps.stores.sessions.listByCohort((await cohort(code)).id);
  const planned = () => p.deps.scheduler.plannedIds('');
  /** The job that sends `s`'s reminder `minutes` before, with every other reminder of that minute. */
  const batchJob = (s: Session, minutes: number) => remindSessionsJobId(sessionReminderAt(s, minutes));
  /** Whether `s`'s reminder `minutes` before is in the batch of its minute. */
  const inBatch = async (s: Session, minutes: number) => (await p.deps.scheduler.readBatch(batchJob(s, minutes))).has(sessionReminderBatchKey(s, minutes));

  /** A reminder's expiry as the outbox item carries it (a class reminder is not sent once the class began). */
  const stored = (e: { at: Date; what: string } | null) => (e ? { expiry: { at: e.at.toISOString(), what: e.what } } : {});

  /**
   * Runs a planned job's processor as the worker would, with stores that throw and the
   * pipeline's scheduler (or `scheduler`); returns the outbox messages queued, the outbox
   * emptied first unless `keepOutbox`.
   */
  async function fire(jobId: string, options: { stores?: JobDeps['stores']; scheduler?: JobScheduler; keepOutbox?: boolean } = {}): Promise<OutboxItem[]> {
    const job = await queue().getJob(jobId);
    if (!job) throw new Error(`no planned job ${jobId}`);
    if (!options.keepOutbox) await outbox.queue.obliterate({ force: true });
    const deps = { stores: options.stores ?? noStores, outbox, scheduler: options.scheduler ?? p.deps.scheduler, log: p.deps.log, clock: p.clock } as unknown as JobDeps;
    if (job.name === 'remind-sessions') await remindSessionsJob.process(parseJobPayload('remind-sessions', job.data), deps, jobId);
    else if (job.name === 'remind-session') await remindSessionJob.process(parseJobPayload('remind-session', job.data), deps, jobId);
    else if (job.name === 'remind-day') await remindDayJob.process(parseJobPayload('remind-day', job.data), deps, jobId);
    else throw new Error(`not a reminder: ${job.name}`);
    return queued();
  }

  /** What the outbox holds, by group. */
  async function queued(): Promise<OutboxItem[]> {
    const added = await outbox.queue.getJobs(['waiting', 'delayed', 'prioritized']);
    return added.map((j) => j.data as OutboxItem).sort((a, b) => a.target.id.localeCompare(b.target.id));
  }

  const newCohort = async (name: string) =>
    /班级码：([A-Z0-9]{6})/.exec((await p.say(staff, `#新建班级 ${name} 2027-03-01 2027-03-02`, null))[0]!.message.text)![1]!;

  beforeAll(async () => {
    p = await startPipeline('remindpayload', { ADMIN_IDS: staff.id });
    outbox = new Outbox(p.deps.redis, `${p.deps.config.QUEUE_PREFIX}_outbox`);
    p.clock.set(new Date('2027-02-20T10:00:00+08:00'));
    code1 = await newCohort('提醒一班');
    code2 = await newCohort('提醒二班');
    await p.say(staff, `#绑定 ${code1}`, groupA);
    await p.say(staff, `#绑定 ${code2}`, groupB);
    await p.say(staff, '#课表\n03-01 09:00-12:00 开店 张老师\n03-01 14:00-17:00 选品 李老师\n03-02 09:00-12:00 复盘 张老师', groupA);
    await p.say(staff, '#课表\n03-01 09:00-12:00 拍摄 王老师', groupB);
    for (const [code, group] of [
      [code1, groupA],
      [code2, groupB],
    ] as const) {
      await p.say(staff, '#提交方案', group);
      await p.say(staff, `#批准 ${code}`, group);
    }
  });

  afterAll(async () => {
    // The batches still planned (a batch lives in its own key, beside the queue).
    if (p) for (const id of await planned()) if (id.startsWith('remind-sessions_')) await p.deps.scheduler.clearBatch(id);
    await outbox?.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox?.close();
    await p?.stop();
  });

  it('one job sends the session reminders of every cohort falling in that minute, without touching the database, and says what the database says', async () => {
    const [first1] = await sessions(code1);
    const [first2] = await sessions(code2);
    const jobId = batchJob(first1!, 30);
    expect(batchJob(first2!, 30)).toBe(jobId);
    expect((await planned()).filter((id) => id.startsWith('remind-session'))).toEqual(
      expect.arrayContaining([jobId, batchJob(first1!, 5), batchJob((await sessions(code1))[1]!, 30)]),
    );
    const sent = await fire(jobId);
    const [c1, c2] = [await cohort(code1), await cohort(code2)];
    expect(sent).toEqual([
      { target: { kind: 'group', id: groupA }, text: sessionReminderText(first1!, c1, 30), ...stored(sessionReminderExpiry(first1!, c1.timezone, 30)) },
      { target: { kind: 'group', id: groupB }, text: sessionReminderText(first2!, c2, 30), ...stored(sessionReminderExpiry(first2!, c2.timezone, 30)) },
    ]);
    expect(sent[0]!.expiry).toEqual({ at: '2027-03-01T01:00:00.000Z', what: '上课前 30 分钟提醒（03-01 09:00 开店）' });
    expect(sent[0]!.text).toContain('09:00-12:00 开店（张老师）');
    expect(sent[1]!.text).toContain('09:00-12:00 拍摄（王老师）');
    // Sent, the batch is gone.
    expect((await p.deps.scheduler.readBatch(jobId)).size).toBe(0);
  });

  it('a run that fails after queueing, retried, sends each message once; so does a per-reminder job of an older plan', async () => {
    const [first1] = await sessions(code1);
    const c1 = await cohort(code1);
    const jobId = batchJob(first1!, 5);
    const failingClear: JobScheduler = Object.assign(Object.create(p.deps.scheduler) as JobScheduler, {
      takeFromBatch: async () => {
        throw new Error('Redis went away');
      },
    });
    await expect(fire(jobId, { scheduler: failingClear })).rejects.toThrow('Redis went away');
    expect(await inBatch(first1!, 5)).toBe(true);
    // The same reminder as its own job, the way an older plan held it.
    await p.deps.scheduler.schedule('remind-session', { sessionId: first1!.id, minutes: 5, content: sessionReminderContent(c1, first1!, [groupA]) }, { jobId: 'older-plan', runAt: sessionReminderAt(first1!, 5) });
    await fire('older-plan', { keepOutbox: true });
    const sent = await fire(jobId, { keepOutbox: true });
    expect(sent.map((m) => [m.target.id, m.text])).toEqual([
      [groupA, sessionReminderText(first1!, c1, 5)],
      [groupB, sessionReminderText((await sessions(code2))[0]!, await cohort(code2), 5)],
    ]);
    await p.deps.scheduler.cancel('older-plan');
  });

  it('a reminder a planner replaces while the minute’s job is sending is sent by its next pass, not dropped with the batch', async () => {
    const afternoon = (await sessions(code1)).find((s) => s.title === '选品')!;
    const jobId = batchJob(afternoon, 30);
    const key = sessionReminderBatchKey(afternoon, 30);
    const planned = sessionReminderEntry.parse((await p.deps.scheduler.readBatch(jobId)).get(key));
    // A group bound while the job runs: the planner puts the entry in again with both groups.
    const rebound = { ...planned, content: { ...planned.content, groups: [groupA, 'rebound@chatroom'] } };
    let reads = 0;
    const planning: JobScheduler = Object.assign(Object.create(p.deps.scheduler) as JobScheduler, {
      readBatch: async (id: string) => {
        const read = await p.deps.scheduler.readBatch(id);
        if (reads++ === 0) await p.deps.scheduler.putInBatch(id, { [key]: rebound }, sessionReminderAt(afternoon, 30));
        return read;
      },
    });
    const sent = await fire(jobId, { scheduler: planning });
    expect(sent.map((m) => m.target.id)).toEqual(['rebound@chatroom', groupA]);
    expect(reads).toBe(2);
    expect((await p.deps.scheduler.readBatch(jobId)).size).toBe(0);
  });

  it('an evening-before reminder fires without touching the database and lists the day’s sessions', async () => {
    const c = await cohort(code1);
    const day1 = (await sessions(code1)).filter((s) => s.day === '2027-03-01');
    const sent = await fire(remindDayJobId(c.id, '2027-03-01'));
    expect(sent).toEqual([{ target: { kind: 'group', id: groupA }, text: dayReminderText('2027-03-01', day1, c), ...stored(dayReminderExpiry('2027-03-01', day1)) }]);
    expect(sent[0]!.expiry?.at).toBe(new Date(Math.min(...day1.map((s) => s.startsAt.getTime()))).toISOString());
  });

  it('a reminder planned without its content (an older job) still reads what it needs and sends the same text', async () => {
    const [first] = await sessions(code1);
    const c = await cohort(code1);
    const jobId = 'legacy-remind';
    await p.deps.scheduler.schedule('remind-session', { sessionId: first!.id, minutes: 5 }, { jobId, runAt: new Date('2027-03-01T08:55:00+08:00') });
    const sent = await fire(jobId, { stores: p.deps.stores });
    expect(sent).toEqual([{ target: { kind: 'group', id: groupA }, text: sessionReminderText(first!, c, 5), ...stored(sessionReminderExpiry(first!, c.timezone, 5)) }]);
    await p.deps.scheduler.cancel(jobId);
  });

  it('a changed time and title take the reminder out of the old minute’s batch and into the new one’s, saying the new title', async () => {
    const c1 = await cohort(code1);
    // As planned (the batches sent above are gone): both cohorts planned again from what is stored.
    await replanCohortJobs(p.deps.stores, p.deps.scheduler, c1);
    await replanCohortJobs(p.deps.stores, p.deps.scheduler, await cohort(code2));
    const [before] = await sessions(code1);
    expect(await inBatch(before!, 30)).toBe(true);
    expect(await inBatch(before!, 5)).toBe(true);
    await p.say(staff, '#课表 改 1 03-01 10:00-12:30 开店实操 张老师', groupA);
    const [after] = await sessions(code1);
    expect(await inBatch(before!, 30)).toBe(false);
    expect(await inBatch(before!, 5)).toBe(false);
    expect(await inBatch(after!, 30)).toBe(true);
    expect(await planned()).toContain(batchJob(after!, 30));
    // The other cohort's 09:00 reminder stays in the old minute's batch.
    const [first2] = await sessions(code2);
    expect(batchJob(first2!, 5)).toBe(batchJob(before!, 5));
    expect(await inBatch(first2!, 5)).toBe(true);
    const sent = await fire(batchJob(after!, 30));
    expect(sent.map((m) => m.text)).toEqual([sessionReminderText(after!, c1, 30)]);
    expect(sent[0]!.text).toContain('10:00-12:30 开店实操（张老师）');
    const day = await fire(remindDayJobId(c1.id, '2027-03-01'));
    expect(day[0]!.text).toContain('开店实操');
  });

  it('a changed title alone replaces the reminder’s entry under the same key with the new content', async () => {
    const [before] = await sessions(code1);
    const version = async (s: Session) => ((await p.deps.scheduler.readBatch(batchJob(s, 5))).get(sessionReminderBatchKey(s, 5)) as { content: { version: string } }).content.version;
    const oldVersion = await version(before!);
    await p.say(staff, '#课表 改 1 03-01 10:00-12:30 开店实战 刘老师', groupA);
    const [after] = await sessions(code1);
    expect(batchJob(after!, 5)).toBe(batchJob(before!, 5));
    expect(await version(after!)).not.toBe(oldVersion);
    const sent = await fire(batchJob(after!, 5));
    expect(sent.map((m) => m.text)).toEqual([sessionReminderText(after!, await cohort(code1), 5)]);
    expect(sent[0]!.text).toContain('开店实战（刘老师）');
  });

  it('a cancelled session is taken out of its reminders’ batches and leaves the day’s reminder, which no longer lists it', async () => {
    const second = (await sessions(code1)).find((s) => s.title === '选品')!;
    expect(await inBatch(second, 30)).toBe(true);
    await p.say(staff, '#课表 删 2', groupA);
    expect(await inBatch(second, 30)).toBe(false);
    expect(await inBatch(second, 5)).toBe(false);
    expect(await fire(batchJob(second, 30))).toEqual([]);
    expect((await planned()).filter((i) => i.includes(second.id))).toEqual([]);
    const c = await cohort(code1);
    const sent = await fire(remindDayJobId(c.id, '2027-03-01'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).not.toContain('选品');
    expect(sent[0]!.text).toContain('开店实战');
  });

  it('a group bound to another cohort gets that cohort’s reminders, not its old one’s; a cohort left without a group plans none', async () => {
    const [first1] = await sessions(code1);
    const [first2] = await sessions(code2);
    // Group B moves from cohort 2 to cohort 1: cohort 1 now reminds A and B, cohort 2 has no group left.
    await p.say(staff, `#绑定 ${code1}`, groupB);
    expect((await fire(batchJob(first1!, 30))).map((m) => m.target.id)).toEqual([groupA, groupB]);
    expect(await inBatch(first2!, 30)).toBe(false);
    expect(await inBatch(first2!, 5)).toBe(false);
    const ids = await planned();
    expect(ids.filter((i) => i.startsWith('remind-') && (i.includes(first2!.id) || i.includes((first2 as Session).cohortId)))).toEqual([]);
    expect(ids).toContain(`close-session_${first2!.id}_${first2!.endsAt.getTime()}`);
    // And back: cohort 1 reminds only A again, cohort 2 reminds B.
    await p.say(staff, `#绑定 ${code2}`, groupB);
    expect((await fire(batchJob(first1!, 30))).map((m) => m.target.id)).toEqual([groupA]);
    const back = await fire(batchJob(first2!, 30));
    const c2 = await cohort(code2);
    expect(back).toEqual([{ target: { kind: 'group', id: groupB }, text: sessionReminderText(first2!, c2, 30), ...stored(sessionReminderExpiry(first2!, c2.timezone, 30)) }]);
  });
});
