import type { Cohort, Session } from '../../../../src/domain/types';
import { planSessionJobs, remindDayJobId, remindSessionJobId, sessionReminderContent } from '../../../../src/features/cohorts/session-planner';
import { parseJobPayload, type JobName, type JobPayload } from '../../../../src/queue/job-catalogue';
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

/** Records what the planner asks of the scheduler, in order; payloads are checked against the catalogue. */
class RecordingScheduler implements JobScheduler {
  readonly reminders = DEFAULT_REMINDER_SETTINGS;
  readonly calls: string[] = [];
  readonly payloads = new Map<string, unknown>();
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
}

describe('planSessionJobs: reminders carry their content', () => {
  it('replaces each future reminder (removed, then added with the content of now)', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], ['g1@chatroom']);
    for (const id of [remindSessionJobId(session, 30), remindSessionJobId(session, 5), remindDayJobId(cohort.id, session.day)]) {
      const cancelAt = s.calls.indexOf(`cancel ${id}`);
      expect(cancelAt).toBeGreaterThanOrEqual(0);
      expect(s.calls.indexOf(`schedule ${id}`)).toBeGreaterThan(cancelAt);
    }
    expect(s.payloads.get(remindSessionJobId(session, 30))).toMatchObject({
      sessionId: session.id,
      minutes: 30,
      content: { groups: ['g1@chatroom'], timezone: 'Asia/Shanghai', session: { title: '开店', lecturerName: '张老师', startsAt: session.startsAt.getTime() } },
    });
  });

  it('plans no reminder for a cohort without a bound group, and removes any planned one; the closing is still planned', async () => {
    const s = new RecordingScheduler(at('2027-02-20T10:00:00'));
    await planSessionJobs(s, cohort, [session], []);
    expect(s.calls.filter((c) => c.startsWith('schedule remind-'))).toEqual([]);
    expect(s.calls).toEqual(expect.arrayContaining([`cancel ${remindSessionJobId(session, 30)}`, `cancel ${remindDayJobId(cohort.id, session.day)}`]));
    expect(s.calls.some((c) => c.startsWith('schedule close-session_'))).toBe(true);
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
