import type { JobDeps } from '../../../../jobs/job-definition';
import type { QueuedMessage } from '../../../../jobs/reminder-groups';
import { remindSessionsJob } from '../../../../jobs/remind-sessions.job';
import type { Cohort, Session } from '../../../../src/domain/types';
import { sessionReminderExpiry, sessionReminderText } from '../../../../src/features/cohorts/reminder-texts';
import {
  planSessionJobs,
  remindDayJobId,
  remindSessionJobId,
  remindSessionsJobId,
  sessionReminderAt,
  sessionReminderBatchKey,
  sessionReminderContent,
  unplanSessionJobs,
} from '../../../../src/features/cohorts/session-planner';
import { parseJobPayload, sessionReminderEntry, type JobName, type JobPayload } from '../../../../src/queue/job-catalogue';
import { DEFAULT_REMINDER_SETTINGS, type JobScheduler, type ScheduleOptions } from '../../../../src/queue/job-scheduler';

const at = (iso: string) => new Date(`${iso}+08:00`);
const ID = (n: number) => n.toString(16).padStart(24, '0');

const cohort: Cohort = {
  id: ID(1),
  code: 'K7Q2MX',
  name: '计划班',
  startDate: '2027-03-01',
  endDate: '2027-03-01',
  location: '',
  timezone: 'Asia/Shanghai',
  createdBy: 'u-staff',
  plan: { status: 'approved' },
  settings: { signInOpensMinutes: 30, arriveEarlyMinutes: 5, flagNotEarly: false },
};
const session: Session = {
  id: ID(2),
  cohortId: cohort.id,
  day: '2027-03-01',
  startsAt: at('2027-03-01T09:00:00'),
  endsAt: at('2027-03-01T12:00:00'),
  title: '开店',
  lecturerName: '张老师',
  cancelled: false,
};

/** Records what the planner asks of the scheduler, in order; payloads are checked against the catalogue, batches kept in memory. */
class RecordingScheduler implements JobScheduler {
  readonly reminders = DEFAULT_REMINDER_SETTINGS;
  readonly calls: string[] = [];
  readonly payloads = new Map<string, unknown>();
  readonly batches = new Map<string, Map<string, unknown>>();
  constructor(private readonly clock: Date) {}
  now(): Date {
    return this.clock;
  }
  async schedule<N extends JobName>(name: N, data: JobPayload<N>, options: ScheduleOptions): Promise<void> {
    this.payloads.set(options.jobId, parseJobPayload(name, data));
    this.calls.push(`schedule ${options.jobId}`);
  }
  async cancel(jobId: string): Promise<void> {
    this.calls.push(`cancel ${jobId}`);
  }
  async plannedIds(): Promise<string[]> {
    return [];
  }
  async putInBatch(jobId: string, entries: Readonly<Record<string, unknown>>): Promise<void> {
    const batch = this.batches.get(jobId) ?? new Map<string, unknown>();
    for (const [key, entry] of Object.entries(entries)) batch.set(key, sessionReminderEntry.parse(entry));
    this.batches.set(jobId, batch);
    this.calls.push(`put ${jobId} ${Object.keys(entries).join(',')}`);
  }
  async removeFromBatch(jobId: string, keys: readonly string[]): Promise<void> {
    for (const key of keys) this.batches.get(jobId)?.delete(key);
    this.calls.push(`remove ${jobId} ${keys.join(',')}`);
  }
  async readBatch(jobId: string): Promise<Map<string, unknown>> {
    return new Map(this.batches.get(jobId));
  }
  async takeFromBatch(jobId: string, used: ReadonlyMap<string, unknown>): Promise<number> {
    const batch = this.batches.get(jobId) ?? new Map<string, unknown>();
    for (const [key, entry] of used) if (JSON.stringify(batch.get(key)) === JSON.stringify(entry)) batch.delete(key);
    // As Redis does with a hash left empty.
    if (batch.size === 0) this.batches.delete(jobId);
    return batch.size;
  }
  async clearBatch(jobId: string): Promise<void> {
    this.batches.delete(jobId);
  }
}

/** The id of the job that sends `s`'s reminder `minutes` before, and that reminder's key in its batch. */
const batchOf = (s: Session, minutes: number) => ({ jobId: remindSessionsJobId(sessionReminderAt(s, minutes)), key: sessionReminderBatchKey(s, minutes) });

describe('planSessionJobs: reminders carry their content', () => {
  it('puts each future session reminder, with the content of now, in the batch of its instant, then replaces that instant’s one job', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    for (const minutes of [30, 5]) {
      const { jobId, key } = batchOf(session, minutes);
      expect(jobId).toBe(`remind-sessions_${session.startsAt.getTime() - minutes * 60_000}`);
      const putAt = s.calls.indexOf(`put ${jobId} ${key}`);
      expect(putAt).toBeGreaterThanOrEqual(0);
      const cancelAt = s.calls.indexOf(`cancel ${jobId}`);
      expect(cancelAt).toBeGreaterThanOrEqual(0);
      expect(s.calls.indexOf(`schedule ${jobId}`)).toBeGreaterThan(Math.max(putAt, cancelAt));
      expect(s.payloads.get(jobId)).toEqual({ at: session.startsAt.getTime() - minutes * 60_000 });
      expect(s.batches.get(jobId)?.get(key)).toMatchObject({
        sessionId: session.id,
        minutes,
        content: { groups: ['g1@chatroom'], timezone: 'Asia/Shanghai', session: { title: '开店', lecturerName: '张老师', startsAt: session.startsAt.getTime() } },
      });
    }
  });

  it('removes a reminder planned as its own job by an older plan, so the batch alone sends it', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    expect(s.calls).toEqual(expect.arrayContaining([`cancel ${remindSessionJobId(session, 30)}`, `cancel ${remindSessionJobId(session, 5)}`]));
    expect(s.calls.filter((c) => c.startsWith('schedule remind-session_'))).toEqual([]);
  });

  it('two cohorts whose sessions start at the same minute share one batch and one job, each with its own entry', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    const other: Cohort = { ...cohort, id: ID(3), code: 'P4W8ZR' };
    const otherSession: Session = { ...session, id: ID(4), cohortId: other.id, title: '选品' };
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    await planSessionJobs(s, other, [otherSession], ['g2@chatroom']);
    const { jobId } = batchOf(session, 30);
    expect(batchOf(otherSession, 30).jobId).toBe(jobId);
    const batch = s.batches.get(jobId)!;
    expect([...batch.keys()].sort()).toEqual([batchOf(session, 30).key, batchOf(otherSession, 30).key].sort());
    expect(batch.get(batchOf(otherSession, 30).key)).toMatchObject({ content: { groups: ['g2@chatroom'], session: { title: '选品' } } });
  });

  it('planning again replaces a reminder’s entry with the new content and leaves the other cohort’s alone', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    const other: Cohort = { ...cohort, id: ID(3), code: 'P4W8ZR' };
    const otherSession: Session = { ...session, id: ID(4), cohortId: other.id };
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    await planSessionJobs(s, other, [otherSession], ['g2@chatroom']);
    await planSessionJobs(s, cohort, [{ ...session, title: '开店实战' }], ['g1@chatroom', 'g3@chatroom']);
    const batch = s.batches.get(batchOf(session, 5).jobId)!;
    expect(batch.get(batchOf(session, 5).key)).toMatchObject({ content: { groups: ['g1@chatroom', 'g3@chatroom'], session: { title: '开店实战' } } });
    expect(batch.get(batchOf(otherSession, 5).key)).toMatchObject({ content: { groups: ['g2@chatroom'], session: { title: '开店' } } });
  });

  it('unplanning a moved or cancelled session takes its reminders out of their batches, not the other cohort’s', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    const otherSession: Session = { ...session, id: ID(4), cohortId: ID(3) };
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    await planSessionJobs(s, { ...cohort, id: ID(3) }, [otherSession], ['g2@chatroom']);
    await unplanSessionJobs(s, session, []);
    for (const minutes of [30, 5]) expect([...s.batches.get(batchOf(session, minutes).jobId)!.keys()]).toEqual([batchOf(otherSession, minutes).key]);
    expect(s.calls).toEqual(expect.arrayContaining([`cancel ${remindSessionJobId(session, 30)}`, `cancel ${remindSessionJobId(session, 5)}`]));
  });

  it('replaces the evening-before reminder (removed, then added with the content of now)', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    const id = remindDayJobId(cohort.id, session.day);
    const cancelAt = s.calls.indexOf(`cancel ${id}`);
    expect(cancelAt).toBeGreaterThanOrEqual(0);
    expect(s.calls.indexOf(`schedule ${id}`)).toBeGreaterThan(cancelAt);
  });

  it('plans no reminder for a cohort without a bound group, and removes any planned one; the closing is still planned', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    await planSessionJobs(s, cohort, [session], []);
    for (const minutes of [30, 5]) expect(s.batches.get(batchOf(session, minutes).jobId)?.size).toBe(0);
    expect(s.calls.filter((c) => c.startsWith('schedule remind-day_'))).toHaveLength(1);
    expect(s.calls.filter((c) => c.startsWith('cancel remind-day_'))).toHaveLength(2);
    expect(s.calls.some((c) => c.startsWith('schedule close-session_'))).toBe(true);
  });

  it('leaves a session reminder whose time has passed alone', async () => {
    const s = new RecordingScheduler(at('2027-03-01T08:40:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    expect(s.batches.has(batchOf(session, 30).jobId)).toBe(false);
    expect(s.calls).not.toContain(`cancel ${remindSessionJobId(session, 30)}`);
    expect(s.batches.get(batchOf(session, 5).jobId)?.has(batchOf(session, 5).key)).toBe(true);
  });

  it('an evening-before reminder planned late is added, never removed first (it may have gone out already)', async () => {
    const s = new RecordingScheduler(at('2027-02-28T21:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    const id = remindDayJobId(cohort.id, session.day);
    expect(s.calls).toContain(`schedule ${id}`);
    expect(s.calls).not.toContain(`cancel ${id}`);
  });

  it('plans nothing while the plan is not approved', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, { ...cohort, plan: { status: 'submitted' } }, [session], ['g1@chatroom']);
    expect(s.calls).toEqual([]);
  });

  it('the version follows the content: same content, same version, whatever the order of groups; any change, another', () => {
    const v = (c: Cohort, s: Session, groups: string[]) => sessionReminderContent(c, s, groups).version;
    const base = v(cohort, session, ['a', 'b']);
    expect(v(cohort, session, ['b', 'a'])).toBe(base);
    expect(v(cohort, { ...session, title: '选品' }, ['a', 'b'])).not.toBe(base);
    expect(v(cohort, { ...session, endsAt: at('2027-03-01T12:30:00') }, ['a', 'b'])).not.toBe(base);
    expect(v(cohort, session, ['a'])).not.toBe(base);
    expect(v({ ...cohort, settings: { ...cohort.settings, arriveEarlyMinutes: 10 } }, session, ['a', 'b'])).not.toBe(base);
  });
});

describe('remind-sessions: the one job of a minute sends what its batch holds', () => {
  const cohortN = (n: number): { c: Cohort; s: Session; group: string } => {
    const c: Cohort = { ...cohort, id: ID(1000 + n), code: `C${n}` };
    return { c, s: { ...session, id: ID(5000 + n), cohortId: c.id, title: `课${n}` }, group: `g${n}@chatroom` };
  };
  const run = async (s: RecordingScheduler, enqueueBulk: (items: readonly QueuedMessage[]) => Promise<void>, warn = jest.fn()) => {
    const deps = { scheduler: s, outbox: { enqueueBulk }, log: { warn } } as unknown as JobDeps;
    const at = sessionReminderAt(session, 30).getTime();
    return remindSessionsJob.process({ at }, deps, remindSessionsJobId(new Date(at)));
  };

  it('queues every cohort’s reminder of that minute, a hundred reminders per bulk add, then drops the batch', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    const cohorts = Array.from({ length: 250 }, (_, i) => cohortN(i));
    for (const { c, s: sess, group } of cohorts) await planSessionJobs(s, c, [sess], [group]);
    const adds: (readonly QueuedMessage[])[] = [];
    const result = await run(s, async (items) => void adds.push(items));
    expect(adds.map((a) => a.length)).toEqual([100, 100, 50]);
    const all = adds.flat();
    expect(all.map((m) => m.target.id).sort()).toEqual(cohorts.map((x) => x.group).sort());
    const first = cohorts[7]!;
    expect(all.find((m) => m.target.id === first.group)).toEqual({
      target: { kind: 'group', id: first.group },
      message: { text: sessionReminderText(first.s, first.c, 30) },
      jobId: `remind_${first.s.id}_${first.s.startsAt.getTime()}_30_${first.group}`,
      expiry: sessionReminderExpiry(first.s, first.c.timezone, 30),
    });
    expect(result).toEqual({ reminders: 250, messages: 250 });
    expect(s.batches.has(batchOf(session, 30).jobId)).toBe(false);
  });

  it('leaves out, and logs, an entry that does not parse or belongs to another minute; the others are sent', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    const { jobId } = batchOf(session, 30);
    const later = { ...session, id: ID(9), startsAt: at('2027-03-01T09:10:00') };
    s.batches.get(jobId)!.set('broken', { sessionId: 'x' });
    s.batches.get(jobId)!.set('elsewhere', { sessionId: later.id, minutes: 30, content: sessionReminderContent(cohort, later, ['g9@chatroom']) });
    const adds: (readonly QueuedMessage[])[] = [];
    const warn = jest.fn();
    expect(await run(s, async (items) => void adds.push(items), warn)).toEqual({ reminders: 1, messages: 1, skipped: ['broken', 'elsewhere'] });
    expect(adds.flat().map((m) => m.target.id)).toEqual(['g1@chatroom']);
    expect(warn).toHaveBeenCalledWith({ batchId: jobId, skipped: ['broken', 'elsewhere'] }, expect.any(String));
  });

  it('keeps the batch when an add fails, so the retried job finds every reminder again', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    await expect(
      run(s, async () => {
        throw new Error('Redis went away');
      }),
    ).rejects.toThrow('Redis went away');
    expect(s.batches.get(batchOf(session, 30).jobId)?.has(batchOf(session, 30).key)).toBe(true);
  });
});
