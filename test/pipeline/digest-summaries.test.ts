import { Outbox } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import type { BullmqScheduler } from '../../src/queue/bullmq-scheduler';
import { dailyDigestJob } from '../../jobs/daily-digest.job';
import type { JobDeps } from '../../jobs/job-definition';
import { closeSession } from '../../src/features/attendance';
import { decideLeave } from '../../src/features/leave/leave-request';
import { computeDigest } from '../../src/features/reporting/digest';
import { gatherDigestInput, gatherDigestInputs } from '../../src/features/reporting/gather-digest';
import { renderDigest } from '../../src/features/reporting/render-digest';
import type { Cohort, Session } from '../../src/domain/types';
import { sessionSummaryModel } from '../../src/stores/models/session-summary.model';
import { submissionModel } from '../../src/stores/models/submission.model';
import { memberModel } from '../../src/stores/models/member.model';
import { moderationActionModel } from '../../src/stores/models/moderation-action.model';
import { sessionModel } from '../../src/stores/models/session.model';
import { leaveModel } from '../../src/stores/models/leave.model';
import { homeworkModel } from '../../src/stores/models/homework.model';
import { startPipeline, type Pipeline } from '../support/pipeline';
import { testLog } from '../support/test-bot';

const at = (hhmm: string, day = '2027-03-01') => new Date(`${day}T${hhmm}:00+08:00`);
const DAY = '2027-03-01';

describe('the daily digest from session, homework, roster, moderation, timetable and leave summaries', () => {
  let p: Pipeline;
  let outbox: Outbox;
  let cohort: Cohort;
  let sessions: Session[];
  let deps: JobDeps;
  const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const admin = { id: 'u-admin', name: '办公室' };
  const staff = { id: 'u-staff', name: '刘干事' };
  const [onTime, late, absent, leaveBefore, leaveAfter] = ['甲', '乙', '丙', '丁', '戊'].map((n, i) => ({ id: `u-t${i}`, name: `学员${n}` }));
  const group = 'summaries@chatroom';
  let lateLeaveNo = 0;

  /** The digest as the per-cohort path (gatherDigestInput, raw rows) renders it. */
  const oldPath = async (now: Date) => renderDigest(computeDigest(await gatherDigestInput(p.deps.stores, cohort.id), DAY, { now }));
  /** The digest as the scheduled job's path (gatherDigestInputs, summaries) renders it. */
  const newPath = async (now: Date) => {
    const [g] = await gatherDigestInputs(p.deps.stores, [{ cohort, day: DAY }], now);
    const input = g!.unpack();
    return { text: renderDigest(computeDigest(input, DAY, { now })), digest: computeDigest(input, DAY, { now }) };
  };

  beforeAll(async () => {
    p = await startPipeline('digestsummaries', { ADMIN_IDS: admin.id });
    outbox = new Outbox(redis, p.deps.config.QUEUE_PREFIX);
    p.clock.set(at('08:00', '2027-02-28'));
    const code = /班级码：([A-Z0-9]{6})/.exec((await p.say(admin, '#新建班级 摘要班 2027-03-01 2027-03-02', group))[0]!.message.text)![1]!;
    await p.say(admin, `#绑定 ${code}`, group);
    cohort = (await p.deps.stores.cohorts.findByCode(code))!;
    const { stores } = p.deps;
    await stores.members.setRole(cohort.id, 'wechaty', staff, 'staff', p.clock.now());
    for (const t of [onTime, late, absent, leaveBefore, leaveAfter]) await stores.members.setRole(cohort.id, 'wechaty', t!, 'trainee', p.clock.now());
    await p.say(admin, '#课表\n03-01 09:00-12:00 开店\n03-01 14:00-17:00 选品\n03-02 09:00-12:00 直播', group);
    await p.say(admin, '#提交方案', group);
    await p.say(admin, `#批准 ${code}`, group);
    cohort = (await stores.cohorts.findById(cohort.id))!;
    sessions = await stores.sessions.listByCohort(cohort.id);

    // Leave: 丁's whole day approved before the sessions close, 戊's requested and decided only afterwards.
    const ask = async (t: { id: string; name: string }, key: string) =>
      (await stores.leave.create({ cohortId: cohort.id, platform: 'wechaty', userId: t.id, name: t.name, day: DAY, reason: '家里有事', requestedAt: at('07:00'), sourceEventId: key })).request;
    const early = await ask(leaveBefore!, 'leave-early');
    await decideLeave(stores, { cohort, no: early.no, approve: true, by: staff.id, at: at('07:30'), note: '' });
    lateLeaveNo = (await ask(leaveAfter!, 'leave-late')).no;

    // Sign-ins: 甲 on time at both, 乙 7 minutes late at the first and on time at the second.
    const signIn = (s: Session, t: { id: string; name: string }, status: 'on_time' | 'late', minutesLate: number, when: Date) =>
      stores.attendance.insertOnce({ sessionId: s.id, cohortId: cohort.id, platform: 'wechaty', userId: t.id, name: t.name, status, notEarly: false, minutesLate, signedInAt: when, sourceEventId: `si-${s.id}-${t.id}` });
    await signIn(sessions[0]!, onTime!, 'on_time', 0, at('08:50'));
    await signIn(sessions[0]!, late!, 'late', 7, at('09:07'));
    await signIn(sessions[1]!, onTime!, 'on_time', 0, at('13:50'));
    await signIn(sessions[1]!, late!, 'on_time', 0, at('13:52'));

    // Homework: 甲 submits and is reviewed, 乙 submits after the deadline, 丙 never.
    // Moderation: two warnings and a flood notice on the day (one warning undone by staff), one the day before.
    const act = (t: { id: string; name: string }, kind: 'warn' | 'flood', when: Date, key: string) =>
      stores.moderation.log({
        cohortId: cohort.id, platform: 'wechaty', groupId: group, userId: t.id, name: t.name, kind, rule: kind === 'warn' ? '广告:加微信' : '刷屏', categories: [], matches: [],
        messageId: key, text: '', recalled: false, staffTodo: '', by: 'bot', at: when, expiresAt: new Date(when.getTime() + 86_400_000), sourceKey: `mod:${key}`,
      });
    await act(absent!, 'warn', at('20:00', '2027-02-28'), 'mod-before');
    await act(absent!, 'warn', at('10:15'), 'mod-1');
    const undone = await act(late!, 'warn', at('14:40'), 'mod-2');
    await act(onTime!, 'flood', at('15:05'), 'mod-3');
    await stores.moderation.undoOne(cohort.id, undone.record.no, staff.id, at('16:00'));
    // A trainee who left: out of the roster either way.
    await stores.members.enrolTrainees(cohort.id, 'wechaty', [{ id: 'u-gone', name: '学员己' }], at('08:00'));
    await stores.members.markLeft(cohort.id, 'wechaty', 'u-gone', at('08:10'));

    const { homework } = await stores.homework.add({ cohortId: cohort.id, day: DAY, content: '写一段开场白', deadline: at('19:00'), assignedBy: 'u-lecturer', assignedByName: '张老师', assignedAt: at('17:05'), sourceEventId: 'hw-1' });
    const sub = (t: { id: string; name: string }, when: Date, isLate: boolean) =>
      stores.submissions.add({ homeworkId: homework.id, cohortId: cohort.id, platform: 'wechaty', userId: t.id, name: t.name, text: '交了', imageIds: [], submittedAt: when, late: isLate, sourceEventId: `sub-${t.id}` });
    const first = await sub(onTime!, at('18:00'), false);
    await stores.submissions.setReview(first.submission.id, { score: 90, comment: '好', reviewedBy: 'u-lecturer', reviewedAt: at('19:30') });
    await sub(late!, at('19:20'), true);

    // Close the first session twice (a retried job), then the second.
    await closeSession(stores, sessions[0]!.id, at('12:00'));
    await closeSession(stores, sessions[0]!.id, at('12:05'));
    await closeSession(stores, sessions[1]!.id, at('17:00'));

    const scheduler = p.deps.scheduler as BullmqScheduler;
    deps = { stores, scoring: p.deps.scoring, adminIds: [admin.id], workQueue: scheduler.queue, clock: p.clock, log: testLog, outbox, scheduler };
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await outbox.queue.obliterate({ force: true }).catch(() => undefined);
    await outbox.close();
    redis.disconnect();
    await p?.stop();
  });

  it('keeps one summary for a session closed twice, with its counts', async () => {
    const docs = await sessionSummaryModel(p.conn).find({ _id: sessions[0]!.id }).lean();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ day: DAY, places: 5, onTime: 1, late: 1, absent: 2, leave: 1 });
    const summary = (await p.deps.stores.sessionSummaries.find(sessions[0]!.id))!;
    expect(summary.records.find((r) => r.userId === late!.id)).toMatchObject({ status: 'late', minutesLate: 7 });
    expect(summary.records.find((r) => r.userId === leaveAfter!.id)).toMatchObject({ status: 'absent' });
  });

  it('computes the same digest from the summaries as from the raw rows, without reading the rows', async () => {
    const now = at('20:30');
    const { stores } = p.deps;
    // The writes that did not wait for their summaries (enrolment, an action logged, a 请假) have written them.
    await Promise.all([stores.rosterSummaries.settled(), stores.moderationSummaries.settled(), stores.timetableSummaries.settled(), stores.leaveSummaries.settled(), stores.homeworkLists.settled()]);
    const raw = jest.spyOn(stores.sessionSummaries, 'rawRecords');
    const versions = jest.spyOn(submissionModel(p.conn), 'find');
    const members = jest.spyOn(memberModel(p.conn), 'find');
    const actions = jest.spyOn(moderationActionModel(p.conn), 'find');
    const sessionRows = jest.spyOn(sessionModel(p.conn), 'find');
    const leaveRows = jest.spyOn(leaveModel(p.conn), 'find');
    const homeworkRows = jest.spyOn(homeworkModel(p.conn), 'find');
    const rebuilt = [stores.rosterSummaries, stores.moderationSummaries, stores.timetableSummaries, stores.leaveSummaries, stores.homeworkLists].map((s) => jest.spyOn(s, 'record'));
    const returned: Record<string, number> = {};
    const readCohorts = stores.digestReads.readCohortsPacked.bind(stores.digestReads);
    jest.spyOn(stores.digestReads, 'readCohortsPacked').mockImplementation((ids) => readCohorts(ids, (collection, docs) => void (returned[collection] = (returned[collection] ?? 0) + docs)));
    const fresh = await newPath(now);
    expect(raw).not.toHaveBeenCalled();
    expect(versions).not.toHaveBeenCalled();
    expect(members).not.toHaveBeenCalled();
    expect(actions).not.toHaveBeenCalled();
    expect(sessionRows).not.toHaveBeenCalled();
    expect(leaveRows).not.toHaveBeenCalled();
    expect(homeworkRows).not.toHaveBeenCalled();
    for (const r of rebuilt) expect(r).not.toHaveBeenCalled();
    // The members, actions, sessions and leave collections are asked only for marked rows, and return none.
    expect(returned).toMatchObject({
      'members (marked)': 0, 'moderation_actions (marked)': 0, 'sessions (marked)': 0, 'leave_requests (marked)': 0, 'homework (marked)': 0,
      roster_summaries: 1, moderation_summaries: 1, timetable_summaries: 1, leave_summaries: 1, homework_list_summaries: 1,
    });
    expect(Object.keys(returned).filter((c) => ['members', 'moderation_actions', 'sessions', 'leave_requests', 'homework'].includes(c) || c.includes('rebuilt'))).toEqual([]);
    jest.restoreAllMocks();
    expect(fresh.text).toBe(await oldPath(now));
    expect(fresh.digest.moderation).toEqual({ total: 3, byKind: { warn: 2, flood: 1 }, undone: 1 });
    expect(fresh.digest.attendance).toMatchObject({ places: 10, present: 4, late: 1, absent: 4, onLeave: 2 });
    // The trainee on approved leave all day is excused from the day's homework: out of expected.
    expect(fresh.digest.homework.items[0]).toMatchObject({ expected: 4, onLeave: 1, submitted: 2, late: 1, reviewed: 1 });
    expect(fresh.digest.atRisk.map((r) => r.name)).toEqual(expect.arrayContaining(['学员丙', '学员戊']));
  });

  it('reflects a leave approved after the sessions closed, and summarises those sessions again', async () => {
    p.clock.set(at('20:40'));
    await decideLeave(p.deps.stores, { cohort, no: lateLeaveNo, approve: true, by: staff.id, at: at('20:40'), note: '' });
    // Read more than the decision margin later, so the summaries rebuilt now are current afterwards.
    const now = at('20:55');
    const raw = jest.spyOn(p.deps.stores.sessionSummaries, 'rawRecords');
    const fresh = await newPath(now);
    expect(raw).toHaveBeenCalledTimes(2);
    raw.mockRestore();
    expect(fresh.text).toBe(await oldPath(now));
    expect(fresh.digest.attendance).toMatchObject({ absent: 2, onLeave: 4 });
    expect(fresh.digest.attendance.leaveNames.map((n) => n.name)).toContain('学员戊');
    const summary = (await p.deps.stores.sessionSummaries.find(sessions[0]!.id))!;
    expect(summary.records.find((r) => r.userId === leaveAfter!.id)).toMatchObject({ status: 'leave' });
    // Rebuilt: the next read takes the summaries again.
    const again = jest.spyOn(p.deps.stores.sessionSummaries, 'rawRecords');
    expect((await newPath(now)).text).toBe(fresh.text);
    expect(again).not.toHaveBeenCalled();
    again.mockRestore();
  });

  it('reads a held session with no summary (closed before summaries existed) from its rows', async () => {
    await sessionSummaryModel(p.conn).deleteOne({ _id: sessions[1]!.id });
    const now = at('21:00');
    const fresh = await newPath(now);
    expect(fresh.text).toBe(await oldPath(now));
    expect(await p.deps.stores.sessionSummaries.find(sessions[1]!.id)).not.toBeNull();
  });

  it('queues the same digest text for the staff and the administrator in one job run, reading no session or leave row', async () => {
    p.clock.set(at('21:05'));
    const { stores } = p.deps;
    // The writes' summaries are written, and their marks cleared once old enough.
    await Promise.all([stores.rosterSummaries.settled(), stores.moderationSummaries.settled(), stores.timetableSummaries.settled(), stores.leaveSummaries.settled(), stores.homeworkLists.settled()]);
    const rowReads = [
      jest.spyOn(sessionModel(p.conn), 'find'), jest.spyOn(leaveModel(p.conn), 'find'), jest.spyOn(homeworkModel(p.conn), 'find'),
      jest.spyOn(stores.timetableSummaries, 'record'), jest.spyOn(stores.leaveSummaries, 'record'), jest.spyOn(stores.homeworkLists, 'record'),
    ];
    expect(await dailyDigestJob.process({}, deps, 'summaries-1')).toEqual({ cohorts: [cohort.code] });
    for (const r of rowReads) expect(r).not.toHaveBeenCalled();
    jest.restoreAllMocks();
    await dailyDigestJob.process({}, deps, 'summaries-2');
    const jobs = await outbox.queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.map((j) => (j.data as { target: { id: string } }).target.id).sort()).toEqual([admin.id, staff.id].sort());
    const expected = await oldPath(at('21:05'));
    for (const j of jobs) expect((j.data as { text: string }).text).toBe(expected);
  });
});
