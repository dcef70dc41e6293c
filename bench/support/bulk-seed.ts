/**
 * Bulk setup for the scheduled-work benchmarks: approved cohorts with a bound group and a
 * two-day timetable, written with the driver's insertMany (ordered: false) through the
 * production models, so 1,000 cohorts × 50 trainees take seconds rather than a chat per
 * cohort. The data is what the chat commands and jobs would have written; setup is not measured.
 */
import { Types, type Connection } from 'mongoose';
import { DEFAULT_COHORT_SETTINGS } from '../../src/domain/types';
import { attendanceModel } from '../../src/stores/models/attendance.model';
import { cohortModel } from '../../src/stores/models/cohort.model';
import { groupBindingModel } from '../../src/stores/models/group-binding.model';
import { homeworkModel } from '../../src/stores/models/homework.model';
import { leaveModel } from '../../src/stores/models/leave.model';
import { memberModel } from '../../src/stores/models/member.model';
import { moderationActionModel } from '../../src/stores/models/moderation-action.model';
import { sessionModel } from '../../src/stores/models/session.model';
import { submissionModel } from '../../src/stores/models/submission.model';

/** The first training day of every seeded cohort (Asia/Shanghai); the second is the day after. */
export const SEED_DAY = '2027-03-01';
/** The seeded cohorts' time zone. */
export const SEED_TZ = 'Asia/Shanghai';
/** The platform of every seeded group and person. */
export const SEED_PLATFORM = 'wechaty';

/** `hh:mm` on `day` in Asia/Shanghai (+08:00, no daylight saving). */
export const shanghai = (day: string, hhmm: string): Date => new Date(`${day}T${hhmm}:00+08:00`);

/** How much to seed. */
export interface SeedOptions {
  cohorts: number;
  /** 0: cohorts, bindings and sessions only (what reminders read). */
  traineesPerCohort: number;
  /** Write day one as held: closed sessions, attendance, leave, homework, submissions, moderation. */
  trainingDay: boolean;
  /** Cohorts per insert round (each round inserts every collection's share in parallel). */
  batchCohorts?: number;
  /** The group bound to cohort `i` and the bot account serving it; default `bench-room-<i>@chatroom`, no account. */
  binding?: (i: number) => { groupId: string; account?: string };
}

/** The seeded documents per collection, and how long the writes took. */
export interface SeedResult {
  cohortIds: string[];
  counts: Record<string, number>;
  ms: number;
}

/**
 * Expected day-one figures of every seeded cohort with `trainees` trainees: per session, the
 * trainee at position j (rotated by 7 per session) is on time, late, absent or (the last two,
 * both sessions, with approved whole-day leave) on leave.
 */
export function expectedDayOne(trainees: number): { places: number; present: number; late: number; absent: number; onLeave: number } {
  let late = 0;
  let absent = 0;
  let onLeave = 0;
  for (let s = 0; s < 2; s++) {
    for (let j = 0; j < trainees; j++) {
      const st = statusOf(j, s, trainees);
      if (st === 'late') late++;
      else if (st === 'absent') absent++;
      else if (st === 'leave') onLeave++;
    }
  }
  const places = 2 * trainees;
  return { places, present: places - absent - onLeave, late, absent, onLeave };
}

/** Day-one status of trainee j at session s: ~80 % on time, 10 % late, 6 % absent, the last two on leave. */
function statusOf(j: number, s: number, trainees: number): 'on_time' | 'late' | 'absent' | 'leave' {
  if (j >= trainees - 2) return 'leave';
  const r = (j + 7 * s) % Math.max(1, trainees - 2);
  const n = trainees - 2;
  if (r < Math.round(n * 0.84)) return 'on_time';
  if (r < Math.round(n * 0.94)) return 'late';
  return 'absent';
}

/** Seeds `opts.cohorts` approved cohorts (plus their data) into the database behind `conn`. */
export async function seedCohorts(conn: Connection, opts: SeedOptions, onProgress?: (done: number) => void): Promise<SeedResult> {
  const started = Date.now();
  const batch = opts.batchCohorts ?? 100;
  const counts: Record<string, number> = {};
  const cohortIds: string[] = [];
  const models = {
    cohorts: cohortModel(conn),
    group_bindings: groupBindingModel(conn),
    sessions: sessionModel(conn),
    members: memberModel(conn),
    attendance: attendanceModel(conn),
    leave_requests: leaveModel(conn),
    homework: homeworkModel(conn),
    submissions: submissionModel(conn),
    moderation_actions: moderationActionModel(conn),
  };
  for (let from = 0; from < opts.cohorts; from += batch) {
    const docs: Record<keyof typeof models, Record<string, unknown>[]> = {
      cohorts: [],
      group_bindings: [],
      sessions: [],
      members: [],
      attendance: [],
      leave_requests: [],
      homework: [],
      submissions: [],
      moderation_actions: [],
    };
    for (let i = from; i < Math.min(opts.cohorts, from + batch); i++) {
      const cohortId = new Types.ObjectId();
      cohortIds.push(String(cohortId));
      addCohort(docs, i, cohortId, opts);
    }
    await Promise.all(
      (Object.keys(docs) as (keyof typeof models)[]).map(async (name) => {
        const list = docs[name];
        if (list.length === 0) return;
        await models[name].collection.insertMany(list, { ordered: false });
        counts[name] = (counts[name] ?? 0) + list.length;
      }),
    );
    onProgress?.(Math.min(opts.cohorts, from + batch));
  }
  return { cohortIds, counts, ms: Date.now() - started };
}

type Docs = Record<
  'cohorts' | 'group_bindings' | 'sessions' | 'members' | 'attendance' | 'leave_requests' | 'homework' | 'submissions' | 'moderation_actions',
  Record<string, unknown>[]
>;

/** Adds one cohort's documents: cohort, binding, four sessions and, for a training day, the rest. */
function addCohort(docs: Docs, i: number, cohortId: Types.ObjectId, opts: SeedOptions): void {
  const day1 = SEED_DAY;
  const day2 = '2027-03-02';
  const created = shanghai('2027-02-20', '10:00');
  const staffId = `bench-staff-${i}`;
  const stamps = { createdAt: created, updatedAt: created };
  docs.cohorts.push({
    _id: cohortId,
    code: `B${i.toString(36).toUpperCase().padStart(5, '0')}`,
    name: `直播带货${i + 1}期`,
    startDate: day1,
    endDate: day2,
    location: '县电商服务中心',
    timezone: SEED_TZ,
    createdBy: staffId,
    plan: { status: 'approved', submittedAt: created, decidedAt: created, decidedBy: 'bench-admin', reason: '' },
    settings: { ...DEFAULT_COHORT_SETTINGS },
    timetableFirstProvidedAt: created,
    ...stamps,
  });
  const bound = opts.binding?.(i);
  docs.group_bindings.push({
    _id: new Types.ObjectId(),
    platform: SEED_PLATFORM,
    groupId: bound?.groupId ?? `bench-room-${i}@chatroom`,
    ...(bound?.account ? { account: bound.account } : {}),
    cohortId,
    title: `直播带货${i + 1}期学员群`,
    boundBy: staffId,
    ...stamps,
  });
  const timetable: [string, string, string, string, string][] = [
    [day1, '09:00', '12:00', '直播基础', '张老师'],
    [day1, '14:00', '17:00', '短视频拍摄', '李老师'],
    [day2, '09:00', '12:00', '店铺运营', '张老师'],
    [day2, '14:00', '17:00', '直播实操', '李老师'],
  ];
  const sessionIds: Types.ObjectId[] = [];
  for (const [day, from, to, title, lecturerName] of timetable) {
    const _id = new Types.ObjectId();
    sessionIds.push(_id);
    const held = opts.trainingDay && day === day1;
    docs.sessions.push({
      _id,
      cohortId,
      day,
      startsAt: shanghai(day, from),
      endsAt: shanghai(day, to),
      title,
      lecturerName,
      cancelled: false,
      ...(held ? { closedAt: shanghai(day, to), actualStart: shanghai(day, from), actualEnd: shanghai(day, to) } : {}),
      ...stamps,
    });
  }
  if (opts.traineesPerCohort <= 0) return;

  const joinedAt = shanghai('2027-02-28', '15:00');
  docs.members.push({ _id: new Types.ObjectId(), cohortId, platform: SEED_PLATFORM, userId: staffId, name: `王老师${i}`, roles: ['staff'], active: true, joinedAt, ...stamps });
  const trainees = Array.from({ length: opts.traineesPerCohort }, (_, j) => ({ userId: `bench-t-${i}-${j}`, name: `学员${i}-${j}` }));
  for (const t of trainees) {
    docs.members.push({ _id: new Types.ObjectId(), cohortId, platform: SEED_PLATFORM, ...t, roles: ['trainee'], active: true, joinedAt, ...stamps });
  }
  if (!opts.trainingDay) return;

  // Day one, both sessions: what sign-ins and closing the session wrote.
  for (let s = 0; s < 2; s++) {
    const sessionId = sessionIds[s]!;
    const start = shanghai(day1, s === 0 ? '09:00' : '14:00');
    trainees.forEach((t, j) => {
      const status = statusOf(j, s, trainees.length);
      const minutesLate = status === 'late' ? 3 + (j % 13) : 0;
      const signedIn = status === 'on_time' ? new Date(start.getTime() - (5 + (j % 20)) * 60_000) : status === 'late' ? new Date(start.getTime() + minutesLate * 60_000) : undefined;
      docs.attendance.push({
        _id: new Types.ObjectId(),
        sessionId,
        cohortId,
        platform: SEED_PLATFORM,
        ...t,
        status,
        notEarly: false,
        minutesLate,
        ...(signedIn ? { signedInAt: signedIn } : {}),
        earlyLeave: false,
        sourceEventId: signedIn ? `bench-msg-${i}-${s}-${j}` : '',
        ...stamps,
      });
    });
  }
  // Leave: the last two trainees' whole day one (approved), one request for day two still pending.
  const leaveFor = (n: number, j: number, day: string, status: 'approved' | 'pending') => {
    const t = trainees[j]!;
    docs.leave_requests.push({
      _id: new Types.ObjectId(),
      cohortId,
      no: n,
      platform: SEED_PLATFORM,
      ...t,
      day,
      reason: '家里有事',
      status,
      requestedAt: shanghai('2027-02-28', '20:00'),
      ...(status === 'approved' ? { decidedAt: shanghai('2027-02-28', '21:00'), decidedBy: staffId } : {}),
      sourceEventId: `bench-leave-${i}-${n}`,
      ...stamps,
    });
  };
  const n = trainees.length;
  if (n >= 3) {
    leaveFor(1, n - 2, day1, 'approved');
    leaveFor(2, n - 1, day1, 'approved');
    leaveFor(3, n - 3, day2, 'pending');
  }
  // Homework of day one: 80 % submit by 18:30, a tenth of those resubmit, half of the submitters reviewed.
  const homeworkId = new Types.ObjectId();
  docs.homework.push({
    _id: homeworkId,
    cohortId,
    day: day1,
    seq: 1,
    content: '拍一条 30 秒的商品短视频，发到群里',
    deadline: shanghai(day1, '22:00'),
    assignedBy: `bench-lecturer-${i}`,
    assignedByName: '李老师',
    assignedAt: shanghai(day1, '17:05'),
    sourceEventId: `bench-hw-${i}`,
    ...stamps,
  });
  const submitters = Math.floor(n * 0.8);
  for (let j = 0; j < submitters; j++) {
    const t = trainees[j]!;
    const versions = j % 10 === 0 ? 2 : 1;
    for (let v = 1; v <= versions; v++) {
      const submittedAt = new Date(shanghai(day1, '17:10').getTime() + (j * 2 + v) * 60_000);
      const reviewed = v === versions && j % 2 === 0;
      docs.submissions.push({
        _id: new Types.ObjectId(),
        homeworkId,
        cohortId,
        platform: SEED_PLATFORM,
        ...t,
        version: v,
        text: v === 1 ? '作业视频已上传' : '重新拍了一版',
        imageIds: [],
        submittedAt,
        late: false,
        sourceEventId: `bench-sub-${i}-${j}-${v}`,
        ...(reviewed ? { review: { score: 80 + (j % 20), comment: '画面清楚，开头再抓人一点', reviewedBy: `bench-lecturer-${i}`, reviewedAt: shanghai(day1, '19:30') } } : {}),
        showcased: false,
        ...stamps,
      });
    }
  }
  // Moderation: two warnings (one undone by staff) and a flood, during day one.
  const mod = (no: number, kind: 'warn' | 'flood', j: number, at: string, undone: boolean) => {
    const t = trainees[j % n]!;
    docs.moderation_actions.push({
      _id: new Types.ObjectId(),
      cohortId,
      no,
      platform: SEED_PLATFORM,
      groupId: `bench-room-${i}@chatroom`,
      ...t,
      kind,
      rule: kind === 'warn' ? '广告:加微信' : '刷屏:5条/10秒',
      categories: kind === 'warn' ? ['广告'] : [],
      matches: kind === 'warn' ? [{ word: '加微信', category: '广告', start: 0, end: 3 }] : [],
      messageId: `bench-mod-msg-${i}-${no}`,
      text: kind === 'warn' ? '加微信领优惠' : '',
      recalled: false,
      staffTodo: '',
      by: 'bot',
      at: shanghai(day1, at),
      ...(undone ? { undoneAt: shanghai(day1, '16:00'), undoneBy: staffId } : {}),
      sourceKey: `bench-mod-${i}-${no}`,
      ...stamps,
    });
  };
  mod(1, 'warn', 3, '10:15', false);
  mod(2, 'warn', 11, '14:40', true);
  mod(3, 'flood', 17, '15:05', false);
}
