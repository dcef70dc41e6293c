/**
 * Bulk setup for the digest benchmark: approved cohorts after a week of training, written with
 * insertMany through the production models. Every held session also gets the summary closing it
 * would have written (the production builder, buildSessionSummary, over the rows seeded here),
 * every homework the summary its submission writes would have left (toSummaryVersion over
 * the versions seeded here), and every cohort the roster, moderation, timetable, leave and
 * homework list summaries its member, moderation, session, leave and homework writes would have
 * left (the production builders over the rows seeded here).
 * Setup is not measured.
 */
import { Types, type Connection } from 'mongoose';
import { DateTime } from 'luxon';
import { DEFAULT_COHORT_SETTINGS } from '../../src/domain/types';
import { attendanceModel } from '../../src/stores/models/attendance.model';
import { cohortModel } from '../../src/stores/models/cohort.model';
import { groupBindingModel } from '../../src/stores/models/group-binding.model';
import { homeworkModel } from '../../src/stores/models/homework.model';
import { leaveModel } from '../../src/stores/models/leave.model';
import { memberModel } from '../../src/stores/models/member.model';
import { moderationActionModel } from '../../src/stores/models/moderation-action.model';
import { sessionModel } from '../../src/stores/models/session.model';
import { sessionSummaryModel } from '../../src/stores/models/session-summary.model';
import { submissionModel } from '../../src/stores/models/submission.model';
import { buildSessionSummary, summaryDocument } from '../../src/stores/session-summary-store';
import { homeworkSummaryModel } from '../../src/stores/models/homework-summary.model';
import { homeworkSummaryDocument, toSummaryVersion, type SummaryVersion } from '../../src/stores/homework-summary-store';
import { homeworkListSummaryModel, leaveSummaryModel, moderationSummaryModel, rosterSummaryModel, timetableSummaryModel } from '../../src/stores/models/cohort-summary.model';
import { rosterSummaryDocument } from '../../src/stores/roster-summary-store';
import { moderationSummaryDocument } from '../../src/stores/moderation-summary-store';
import { timetableSummaryDocument } from '../../src/stores/session-store';
import { leaveSummaryDocument } from '../../src/stores/leave-store';
import { homeworkListSummaryDocument } from '../../src/stores/homework-store';
import { SEED_PLATFORM, SEED_TZ, shanghai } from './bulk-seed';

/** The first training day of every seeded cohort. */
export const WEEK_START = '2027-03-01';

/** `WEEK_START` plus `n` days. */
export const weekDay = (n: number): string => DateTime.fromISO(WEEK_START, { zone: SEED_TZ }).plus({ days: n }).toFormat('yyyy-MM-dd');

/** How much to seed: `heldDays` held training days (the last one is the digest's day), one more still to come. */
export interface WeekSeedOptions {
  cohorts: number;
  traineesPerCohort: number;
  heldDays: number;
  batchCohorts?: number;
}

/** Status of trainee j at session s of a day: ~84 % on time, 10 % late, 6 % absent, the last two on approved leave. */
export function weekStatus(j: number, s: number, trainees: number): 'on_time' | 'late' | 'absent' | 'leave' {
  if (j >= trainees - 2) return 'leave';
  const n = Math.max(1, trainees - 2);
  const r = (j + 7 * s) % n;
  if (r < Math.round(n * 0.84)) return 'on_time';
  if (r < Math.round(n * 0.94)) return 'late';
  return 'absent';
}

type Docs = Record<string, Record<string, unknown>[]>;

/** Seeds the cohorts; returns their ids, documents per collection and how long the writes took. */
export async function seedWeek(conn: Connection, opts: WeekSeedOptions, onProgress?: (done: number) => void): Promise<{ cohortIds: string[]; counts: Record<string, number>; ms: number }> {
  const started = Date.now();
  const models: Record<string, { collection: { insertMany: (docs: Record<string, unknown>[], o: object) => Promise<unknown> } }> = {
    cohorts: cohortModel(conn),
    group_bindings: groupBindingModel(conn),
    sessions: sessionModel(conn),
    members: memberModel(conn),
    attendance: attendanceModel(conn),
    leave_requests: leaveModel(conn),
    homework: homeworkModel(conn),
    submissions: submissionModel(conn),
    moderation_actions: moderationActionModel(conn),
    session_summaries: sessionSummaryModel(conn),
    homework_summaries: homeworkSummaryModel(conn),
    roster_summaries: rosterSummaryModel(conn),
    moderation_summaries: moderationSummaryModel(conn),
    timetable_summaries: timetableSummaryModel(conn),
    leave_summaries: leaveSummaryModel(conn),
    homework_list_summaries: homeworkListSummaryModel(conn),
  };
  const counts: Record<string, number> = {};
  const cohortIds: string[] = [];
  const batch = opts.batchCohorts ?? 50;
  for (let from = 0; from < opts.cohorts; from += batch) {
    const docs: Docs = Object.fromEntries(Object.keys(models).map((k) => [k, []]));
    for (let i = from; i < Math.min(opts.cohorts, from + batch); i++) {
      const id = new Types.ObjectId();
      cohortIds.push(String(id));
      addCohort(docs, i, id, opts);
    }
    // One collection at a time: FerretDB 1.24 deadlocks under many concurrent writers.
    for (const [name, list] of Object.entries(docs)) {
      for (let k = 0; k < list.length; k += 5_000) await models[name]!.collection.insertMany(list.slice(k, k + 5_000), { ordered: false });
      counts[name] = (counts[name] ?? 0) + list.length;
    }
    onProgress?.(Math.min(opts.cohorts, from + batch));
  }
  return { cohortIds, counts, ms: Date.now() - started };
}

function addCohort(docs: Docs, i: number, cohortId: Types.ObjectId, opts: WeekSeedOptions): void {
  const created = shanghai('2027-02-20', '10:00');
  const stamps = { createdAt: created, updatedAt: created };
  const staffId = `bench-staff-${i}`;
  const lastDay = weekDay(opts.heldDays);
  docs.cohorts!.push({
    _id: cohortId,
    code: `W${i.toString(36).toUpperCase().padStart(5, '0')}`,
    name: `直播带货${i + 1}期`,
    startDate: WEEK_START,
    endDate: lastDay,
    location: '县电商服务中心',
    timezone: SEED_TZ,
    createdBy: staffId,
    plan: { status: 'approved', submittedAt: created, decidedAt: created, decidedBy: 'bench-admin', reason: '' },
    settings: { ...DEFAULT_COHORT_SETTINGS },
    timetableFirstProvidedAt: created,
    ...stamps,
  });
  docs.group_bindings!.push({ _id: new Types.ObjectId(), platform: SEED_PLATFORM, groupId: `bench-room-${i}@chatroom`, cohortId, title: `直播带货${i + 1}期学员群`, boundBy: staffId, ...stamps });
  const joinedAt = shanghai('2027-02-28', '15:00');
  const members: Record<string, unknown>[] = [{ _id: new Types.ObjectId(), cohortId, platform: SEED_PLATFORM, userId: staffId, name: `王老师${i}`, roles: ['staff'], active: true, joinedAt, ...stamps }];
  const n = opts.traineesPerCohort;
  const trainees = Array.from({ length: n }, (_, j) => ({ userId: `bench-t-${i}-${j}`, name: `学员${i}-${j}` }));
  for (const t of trainees) members.push({ _id: new Types.ObjectId(), cohortId, platform: SEED_PLATFORM, ...t, roles: ['trainee'], active: true, joinedAt, ...stamps });
  docs.members!.push(...members);
  // What the member writes leave: the roster summary built from these rows, no row marked.
  docs.roster_summaries!.push(rosterSummaryDocument(String(cohortId), 0, members, joinedAt));
  const actions: Record<string, unknown>[] = [];
  const sessions: Record<string, unknown>[] = [];
  const requests: Record<string, unknown>[] = [];
  const homework: Record<string, unknown>[] = [];
  let leaveNo = 0;
  let modNo = 0;
  for (let d = 0; d <= opts.heldDays; d++) {
    const day = weekDay(d);
    const held = d < opts.heldDays;
    const slots: [string, string, string, string][] = [
      ['09:00', '12:00', '直播基础', '张老师'],
      ['14:00', '17:00', '短视频拍摄', '李老师'],
    ];
    slots.forEach(([from, to, title, lecturerName], s) => {
      const _id = new Types.ObjectId();
      const startsAt = shanghai(day, from);
      const endsAt = shanghai(day, to);
      sessions.push({ _id, cohortId, day, startsAt, endsAt, title, lecturerName, cancelled: false, ...(held ? { closedAt: endsAt, actualStart: startsAt, actualEnd: endsAt } : {}), ...stamps });
      if (!held) return;
      const records = trainees.map((t, j) => {
        const status = weekStatus(j, s, n);
        const minutesLate = status === 'late' ? 3 + (j % 13) : 0;
        const signedIn = status === 'on_time' ? new Date(startsAt.getTime() - (5 + (j % 20)) * 60_000) : status === 'late' ? new Date(startsAt.getTime() + minutesLate * 60_000) : undefined;
        return { platform: SEED_PLATFORM, ...t, status, minutesLate, signedIn };
      });
      for (const r of records) {
        docs.attendance!.push({
          _id: new Types.ObjectId(), sessionId: _id, cohortId, platform: r.platform, userId: r.userId, name: r.name, status: r.status, notEarly: false, minutesLate: r.minutesLate,
          ...(r.signedIn ? { signedInAt: r.signedIn } : {}), earlyLeave: false, sourceEventId: r.signedIn ? `bench-msg-${i}-${d}-${s}-${r.userId}` : `close:${String(_id)}`, ...stamps,
        });
      }
      // What closing the session writes (the same builder), built when it closed.
      docs.session_summaries!.push(summaryDocument(buildSessionSummary({ id: String(_id), cohortId: String(cohortId), day }, records.map((r) => ({ ...r, platform: 'wechaty' as const })), endsAt)));
    });
    const leave = (j: number, status: 'approved' | 'pending') => {
      leaveNo += 1;
      requests.push({
        _id: new Types.ObjectId(), cohortId, no: leaveNo, platform: SEED_PLATFORM, ...trainees[j]!, day, reason: '家里有事', status, requestedAt: shanghai(weekDay(d - 1), '20:00'),
        ...(status === 'approved' ? { decidedAt: shanghai(weekDay(d - 1), '21:00'), decidedBy: staffId } : {}), sourceEventId: `bench-leave-${i}-${leaveNo}`, ...stamps,
      });
    };
    if (!held) {
      if (n >= 3) leave(n - 3, 'pending');
      continue;
    }
    if (n >= 3) {
      leave(n - 2, 'approved');
      leave(n - 1, 'approved');
    }
    // The day's homework: 80 % submit, a tenth of them twice, half of the submitters reviewed (that evening).
    const homeworkId = new Types.ObjectId();
    homework.push({ _id: homeworkId, cohortId, day, seq: 1, content: '拍一条 30 秒的商品短视频，发到群里', deadline: shanghai(day, '22:00'), assignedBy: `bench-lecturer-${i}`, assignedByName: '李老师', assignedAt: shanghai(day, '17:05'), sourceEventId: `bench-hw-${i}-${d}`, ...stamps });
    const summarised: SummaryVersion[] = [];
    for (let j = 0; j < Math.floor(n * 0.8); j++) {
      const versions = j % 10 === 0 ? 2 : 1;
      for (let v = 1; v <= versions; v++) {
        const reviewed = v === versions && j % 2 === 0;
        const submission = {
          _id: new Types.ObjectId(), homeworkId, cohortId, platform: SEED_PLATFORM, ...trainees[j]!, version: v, text: v === 1 ? '作业视频已上传' : '重新拍了一版', imageIds: [],
          submittedAt: new Date(shanghai(day, '17:10').getTime() + (j * 2 + v) * 60_000), late: false, sourceEventId: `bench-sub-${i}-${d}-${j}-${v}`,
          ...(reviewed ? { review: { score: 80 + (j % 20), comment: '画面清楚，开头再抓人一点', reviewedBy: `bench-lecturer-${i}`, reviewedAt: shanghai(day, '19:30') } } : {}),
          showcased: false, ...stamps,
        };
        docs.submissions!.push(submission);
        summarised.push(toSummaryVersion(String(homeworkId), submission));
      }
    }
    summarised.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.version - b.version);
    docs.homework_summaries!.push(homeworkSummaryDocument(String(homeworkId), String(cohortId), 0, summarised, shanghai(day, '19:30')));
    for (const [kind, j, hhmm, undone] of [['warn', 3, '10:15', false], ['warn', 11, '14:40', true], ['flood', 17, '15:05', false]] as const) {
      modNo += 1;
      const t = trainees[j % n]!;
      actions.push({
        _id: new Types.ObjectId(), cohortId, no: modNo, platform: SEED_PLATFORM, groupId: `bench-room-${i}@chatroom`, ...t, kind, rule: kind === 'warn' ? '广告:加微信' : '刷屏:5条/10秒',
        categories: kind === 'warn' ? ['广告'] : [], matches: kind === 'warn' ? [{ word: '加微信', category: '广告', start: 0, end: 3 }] : [], messageId: `bench-mod-msg-${i}-${modNo}`,
        text: kind === 'warn' ? '加微信领优惠' : '', recalled: false, staffTodo: '', by: 'bot', at: shanghai(day, hhmm), ...(undone ? { undoneAt: shanghai(day, '16:00'), undoneBy: staffId } : {}),
        sourceKey: `bench-mod-${i}-${modNo}`, ...stamps,
      });
    }
  }
  docs.moderation_actions!.push(...actions);
  docs.sessions!.push(...sessions);
  docs.leave_requests!.push(...requests);
  docs.homework!.push(...homework);
  // What the session, leave and homework writes leave: the timetable, leave and homework list summaries built from these rows, none marked.
  docs.timetable_summaries!.push(timetableSummaryDocument(String(cohortId), 0, sessions, shanghai(weekDay(opts.heldDays - 1), '17:00')));
  docs.leave_summaries!.push(leaveSummaryDocument(String(cohortId), 0, requests, shanghai(weekDay(opts.heldDays - 1), '20:00')));
  docs.homework_list_summaries!.push(homeworkListSummaryDocument(String(cohortId), 0, homework, shanghai(weekDay(opts.heldDays - 1), '17:05')));
  // What the moderation log's writes leave: the summary built from these actions, none marked.
  docs.moderation_summaries!.push(moderationSummaryDocument(String(cohortId), 0, actions, shanghai(weekDay(opts.heldDays - 1), '16:00')));
}
