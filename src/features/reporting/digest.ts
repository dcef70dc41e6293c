import { DateTime } from 'luxon';
import type { Platform } from '../../platform/chat-event';
import type { Attendance, AttendanceStatus, Cohort, Member, Session } from '../../domain/types';
import type { Homework } from '../../domain/types';
import type { LeaveRequest } from '../../domain/types';
import type { ModerationRecord } from '../../domain/types';
import type { Submission } from '../../domain/types';
import { DEFAULT_SCORECARD_THRESHOLDS, type ScorecardThresholds } from '../feedback';
import { hoursByDay, type DayHours } from '../cohorts';
import { maskPhonesInText } from '../../kernel/privacy';
import { addDays, daysBetween } from '../../kernel/local-time';
import { leaveCovers, leaveCoversDay } from '../leave';

/** Survey and follow-up counts that later features fill in; a missing one is left out of the digest. */
export interface DigestProgress {
  surveys?: { sent: number; answered: number };
  followUps?: { due: number; answered: number };
}

/** Everything one cohort's daily digest is computed from; plain data, no database. */
export interface DigestInput {
  cohort: Pick<Cohort, 'id' | 'name' | 'code' | 'startDate' | 'endDate' | 'timezone' | 'timetableFirstProvidedAt'>;
  /** The cohort's sessions; cancelled ones are ignored. */
  sessions: Session[];
  /** Members of the cohort; only active ones holding the trainee role count as trainees. */
  members: Pick<Member, 'platform' | 'userId' | 'name' | 'roles' | 'active' | 'joinedAt'>[];
  attendance: Pick<Attendance, 'sessionId' | 'platform' | 'userId' | 'status' | 'minutesLate'>[];
  leave: Pick<LeaveRequest, 'no' | 'platform' | 'userId' | 'name' | 'day' | 'sessionId' | 'status'>[];
  homework: Pick<Homework, 'id' | 'day' | 'seq' | 'deadline'>[];
  /** Every submission version (the latest version per trainee and homework carries the review). */
  submissions: Pick<Submission, 'homeworkId' | 'platform' | 'userId' | 'version' | 'submittedAt' | 'late' | 'review'>[];
  moderation: Pick<ModerationRecord, 'kind' | 'at' | 'undoneAt'>[];
  progress?: DigestProgress;
}

/** Digest-only rules (the lecturer figures reuse the scorecard thresholds). */
export interface DigestRules {
  /** A trainee with at least this many absent sessions so far is at risk (SPEC §3.9 "two absences"). */
  riskAbsences: number;
  /** A trainee who missed at least this many homework past their deadline is at risk. */
  riskMissedHomework: number;
}

/** Defaults: two absent sessions; two missed homework (missing the latest due one flags on its own). */
export const DEFAULT_DIGEST_RULES: Readonly<DigestRules> = Object.freeze({ riskAbsences: 2, riskMissedHomework: 2 });

/** How computeDigest reads "so far": the clock, and thresholds other than the defaults. */
export interface DigestOptions {
  /** The present instant; without it the whole day is over. Sessions not ended by then are left out. */
  now?: Date;
  thresholds?: Partial<ScorecardThresholds>;
  rules?: Partial<DigestRules>;
}

/** One trainee's late sign-ins that day, minutes per late session. */
export interface LateName {
  name: string;
  minutes: number[];
}

/** One trainee and how many of that day's sessions they were absent from or on leave for. */
export interface SessionCountName {
  name: string;
  sessions: number;
}

/** Attendance over one day's held sessions, counted per trainee and session. */
export interface DayAttendance {
  day: string;
  /** Sessions of the day that have ended (or were closed) and so are counted. */
  sessionsHeld: number;
  /** Sessions of the day not ended yet, left out of the figures. */
  sessionsPending: number;
  /** Trainee-session places: trainees enrolled at each held session, summed. */
  places: number;
  present: number;
  late: number;
  absent: number;
  onLeave: number;
  /** places − onLeave: approved leave leaves the denominator. */
  expected: number;
  /** present / expected; null when nobody was expected. */
  rate: number | null;
}

/** Today's attendance with the names behind the figures. */
export interface DigestAttendance extends DayAttendance {
  trainees: number;
  lateNames: LateName[];
  absentNames: SessionCountName[];
  leaveNames: SessionCountName[];
}

/** One homework assigned that day and where its submissions stand. */
export interface DigestHomeworkItem {
  id: string;
  seq: number;
  deadline: Date;
  deadlinePassed: boolean;
  /** Trainees expected to submit: enrolled by the deadline, less those excused by approved leave who did not submit. */
  expected: number;
  /** Trainees excused by approved leave for the homework's day who did not submit (not missing, not expected). */
  onLeave: number;
  /** Distinct trainees with at least one version. */
  submitted: number;
  /** Of those, trainees with no version before the deadline. */
  late: number;
  /** Of those, trainees whose latest version carries a review. */
  reviewed: number;
}

/** Homework of an earlier day with submissions still waiting for a review. */
export interface ReviewBacklogItem {
  id: string;
  day: string;
  seq: number;
  unreviewed: number;
  /** The review was due by the end of this day (seed (三)2 第二天点评). */
  dueDay: string;
  /** The due day is over: the review is late. Otherwise it is due today. */
  overdue: boolean;
}

/** A trainee staff should look after, and why: counts since the cohort began (cumulative), not the day's. */
export interface AtRiskTrainee {
  name: string;
  /** Sessions absent (缺勤) so far. */
  absences: number;
  /** Homework missed (缺交: deadline passed, nothing handed in, not excused by leave) so far. */
  missedHomework: number;
  missedLatest: boolean;
}

/** One training day so far: hours taught against the minimum and whether homework was assigned. */
export interface LecturerDay {
  day: string;
  hours: number;
  source: DayHours['source'] | 'none';
  hoursOk: boolean;
  homeworkAssigned: boolean;
}

/** The lecturers' compliance so far with seed (二)2 and (三)2, as the scorecard will judge it. */
export interface LecturerCompliance {
  lecturers: string[];
  minHoursPerDay: number;
  days: LecturerDay[];
  shortDays: string[];
  homeworkMissingDays: string[];
  /** Timetable first provided before the start date (cohort time zone), after it, or not at all. */
  timetable: 'before_start' | 'after_start' | 'missing';
  timetableProvidedAt?: Date;
}

/** One training day's attendance rate against day one's. */
export interface TrendDay {
  day: string;
  present: number;
  expected: number;
  rate: number | null;
  /** rate / day one's rate (1 = same as day one); null when either has no rate or day one had nobody present. */
  ofDayOne: number | null;
  /** Below (1 − attendanceDropShare) of day one: the scorecard's drop line (seed (五)3). */
  belowFloor: boolean;
}

/** Answered out of asked, with the share. */
export interface ProgressFigure {
  total: number;
  answered: number;
  share: number | null;
}

/** The staff daily digest of one cohort on one day (SPEC §3.9). */
export interface Digest {
  cohort: { id: string; name: string; code: string; timezone: string };
  day: string;
  /** 1-based index of the day among the training days, null when no session falls on it. */
  dayNo: number | null;
  trainingDays: number;
  /** The instant the figures stand at: the end of the day, or now if earlier. */
  asOf: Date;
  attendance: DigestAttendance;
  homework: { items: DigestHomeworkItem[]; reviewBacklog: ReviewBacklogItem[] };
  moderation: { total: number; byKind: Partial<Record<ModerationRecord['kind'], number>>; undone: number };
  pendingLeave: { no: number; name: string; day: string }[];
  atRisk: AtRiskTrainee[];
  lecturer: LecturerCompliance;
  trend: TrendDay[];
  progress: { surveys?: ProgressFigure; followUps?: ProgressFigure };
}

/** Memo entries kept before a memo starts over (a digest run meets a few days and zones, and the same instants). */
const MEMO_LIMIT = 4_096;

function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MEMO_LIMIT) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}

const dayBoundsMemo = new Map<string, { start: number; end: number }>();
/**
 * The first and the last millisecond of a local day (yyyy-MM-dd) in a time zone, as Luxon's
 * startOf('day') and endOf('day') give them; remembered, since every cohort of a run asks for the
 * same few (Luxon works an offset out through Intl each time, about 0.1 ms).
 */
export function localDayBounds(day: string, tz: string): { start: number; end: number } {
  return memo(dayBoundsMemo, `${tz}\u0000${day}`, () => {
    const start = DateTime.fromISO(day, { zone: tz }).startOf('day');
    return { start: start.toMillis(), end: start.endOf('day').toMillis() };
  });
}

const clockMemo = new Map<string, string>();
/** An instant's HH:mm in a time zone (remembered: a run prints the same deadlines and cut-offs for many cohorts). */
export function localClock(at: Date, tz: string): string {
  return memo(clockMemo, `${tz}\u0000${at.getTime()}`, () => DateTime.fromJSDate(at, { zone: tz }).toFormat('HH:mm'));
}

const EPS = 1e-9;
const keyOf = (platform: Platform, userId: string): string => `${platform}\u0000${userId}`;
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

type Trainee = DigestInput['members'][number] & { key: string; safeName: string };
type Slot = { trainee: Trainee; status: AttendanceStatus; minutesLate: number };

/**
 * Computes the staff daily digest of `day` (yyyy-MM-dd, cohort time zone), SPEC §3.9.
 *
 * Attendance is counted per trainee and session over the day's held sessions (ended, or
 * closed, by `asOf`; cancelled ones never count). A trainee enrolled at a session (joined
 * before its end) is present when signed in on time or late; with no record they are on
 * leave when approved leave covers the session (whole day or that session, SPEC §3.2) and
 * absent otherwise, as closing the session would write. Rate = present / (places − leave):
 * with 6 trainees, one on leave and one absent at one session, 4 / (6 − 1) = 80%.
 */
export function computeDigest(input: DigestInput, day: string, options: DigestOptions = {}): Digest {
  const t: ScorecardThresholds = { ...DEFAULT_SCORECARD_THRESHOLDS, ...options.thresholds };
  const rules: DigestRules = { ...DEFAULT_DIGEST_RULES, ...options.rules };
  const tz = input.cohort.timezone;
  const bounds = localDayBounds(day, tz);
  const cutoff = Math.min(bounds.end, options.now?.getTime() ?? Infinity);

  // SPEC §3.9: trainees = active members with the trainee role
  const trainees: Trainee[] = input.members
    .filter((m) => m.active && m.roles.includes('trainee'))
    .map((m) => ({ ...m, key: keyOf(m.platform, m.userId), safeName: maskPhonesInText(m.name) }));
  const traineeKeys = new Set(trainees.map((x) => x.key));

  const live = input.sessions.filter((s) => !s.cancelled).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const isHeld = (s: Session) => s.day <= day && (s.endsAt.getTime() <= cutoff || (s.closedAt !== undefined && s.closedAt.getTime() <= cutoff));
  const trainingDays = [...new Set(live.map((s) => s.day))].sort();
  const daysSoFar = trainingDays.filter((d) => d <= day);

  // Per session, per trainee (the last record of a pair counts, as a Map built from pairs keeps it).
  const records = new Map<string, Map<string, DigestInput['attendance'][number]>>();
  for (const r of input.attendance) {
    const bySession = records.get(r.sessionId);
    if (bySession) bySession.set(keyOf(r.platform, r.userId), r);
    else records.set(r.sessionId, new Map([[keyOf(r.platform, r.userId), r]]));
  }
  const leaveOf = new Map<string, DigestInput['leave']>();
  for (const l of input.leave) {
    const k = keyOf(l.platform, l.userId);
    const mine = leaveOf.get(k);
    if (mine) mine.push(l);
    else leaveOf.set(k, [l]);
  }
  const covered = (s: Session, tr: Trainee) => leaveOf.get(tr.key)?.some((l) => leaveCovers(l, s)) ?? false;

  // Each held session's slots, worked out once (the day's figures, the trend and the absences share them).
  const slotCache = new Map<string, Slot[]>();
  const slotsOf = (s: Session): Slot[] => {
    const cached = slotCache.get(s.id);
    if (cached) return cached;
    const bySession = records.get(s.id);
    const slots = trainees
      .filter((tr) => tr.joinedAt.getTime() <= s.endsAt.getTime())
      .map((tr) => {
        const r = bySession?.get(tr.key);
        const status: AttendanceStatus = r?.status ?? (covered(s, tr) ? 'leave' : 'absent');
        return { trainee: tr, status, minutesLate: r?.status === 'late' ? r.minutesLate : 0 };
      });
    slotCache.set(s.id, slots);
    return slots;
  };

  const dayFigures = (d: string): { figures: DayAttendance; slots: Slot[] } => {
    const sessions = live.filter((s) => s.day === d);
    const held = sessions.filter(isHeld);
    const slots = held.flatMap(slotsOf);
    const count = (...st: AttendanceStatus[]) => slots.filter((x) => st.includes(x.status)).length;
    const present = count('on_time', 'late');
    const onLeave = count('leave');
    const expected = slots.length - onLeave;
    return {
      slots,
      figures: {
        day: d,
        sessionsHeld: held.length,
        sessionsPending: sessions.length - held.length,
        places: slots.length,
        present,
        late: count('late'),
        absent: count('absent'),
        onLeave,
        expected,
        rate: share(present, expected),
      },
    };
  };

  // Attendance of the day with names (SPEC §3.9 late/absent/leave names; seed (七)(2)(3) 签到、请假、迟到)
  const today = dayFigures(day);
  const todayOf = new Map<string, Slot[]>();
  for (const x of today.slots) {
    const k = `${x.status}|${x.trainee.key}`;
    const mine = todayOf.get(k);
    if (mine) mine.push(x);
    else todayOf.set(k, [x]);
  }
  const perTrainee = <T>(status: AttendanceStatus, make: (tr: Trainee, slots: Slot[]) => T): T[] =>
    trainees.flatMap((tr) => {
      const mine = todayOf.get(`${status}|${tr.key}`);
      return mine ? [make(tr, mine)] : [];
    });
  const attendance: DigestAttendance = {
    ...today.figures,
    trainees: trainees.length,
    lateNames: perTrainee('late', (tr, s) => ({ name: tr.safeName, minutes: s.map((x) => x.minutesLate) })),
    absentNames: perTrainee('absent', (tr, s) => ({ name: tr.safeName, sessions: s.length })),
    leaveNames: perTrainee('leave', (tr, s) => ({ name: tr.safeName, sessions: s.length })),
  };

  // Approved leave covering a homework's whole day excuses it (the leave feature's rule, leaveCoversDay).
  const excused = (tr: Trainee, h: Pick<Homework, 'day'>) => leaveCoversDay(leaveOf.get(tr.key) ?? [], tr.userId, h.day, input.sessions);

  // Homework (seed (三)2 每日布置作业…第二天点评): submissions and reviews as they stood at asOf
  const subs = input.submissions.filter((s) => traineeKeys.has(keyOf(s.platform, s.userId)) && s.submittedAt.getTime() <= cutoff);
  const byHomework = new Map<string, Map<string, DigestInput['submissions']>>();
  for (const s of subs) {
    const perUser = byHomework.get(s.homeworkId) ?? new Map<string, DigestInput['submissions']>();
    const k = keyOf(s.platform, s.userId);
    const versions = perUser.get(k);
    if (versions) versions.push(s);
    else perUser.set(k, [s]);
    byHomework.set(s.homeworkId, perUser);
  }
  const standings = new Map<string, { submitters: Set<string>; submitted: number; late: number; reviewed: number }>();
  const standing = (homeworkId: string) => standings.get(homeworkId) ?? standings.set(homeworkId, standingOf(homeworkId)).get(homeworkId)!;
  const standingOf = (homeworkId: string) => {
    const perUser = byHomework.get(homeworkId) ?? new Map<string, DigestInput['submissions']>();
    let late = 0;
    let reviewed = 0;
    for (const versions of perUser.values()) {
      if (versions.every((v) => v.late)) late += 1;
      const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
      if (latest.review && latest.review.reviewedAt.getTime() <= cutoff) reviewed += 1;
    }
    return { submitters: new Set(perUser.keys()), submitted: perUser.size, late, reviewed };
  };
  const homeworkSoFar = input.homework.filter((h) => h.day <= day).sort((a, b) => a.day.localeCompare(b.day) || a.seq - b.seq);
  const items: DigestHomeworkItem[] = homeworkSoFar
    .filter((h) => h.day === day)
    .map((h) => {
      const st = standing(h.id);
      const enrolled = trainees.filter((tr) => tr.joinedAt.getTime() <= h.deadline.getTime());
      const onLeave = enrolled.filter((tr) => !st.submitters.has(tr.key) && excused(tr, h)).length;
      return {
        id: h.id,
        seq: h.seq,
        deadline: h.deadline,
        deadlinePassed: h.deadline.getTime() <= cutoff,
        expected: enrolled.length - onLeave,
        onLeave,
        submitted: st.submitted,
        late: st.late,
        reviewed: st.reviewed,
      };
    });
  // seed (三)2 在第二天对作业进行点评: due by the end of day + maxReviewDelayDays, late after it
  const reviewBacklog: ReviewBacklogItem[] = homeworkSoFar
    .filter((h) => h.day < day)
    .flatMap((h) => {
      const st = standing(h.id);
      const unreviewed = st.submitted - st.reviewed;
      if (unreviewed <= 0) return [];
      const dueDay = addDays(h.day, t.maxReviewDelayDays);
      return [{ id: h.id, day: h.day, seq: h.seq, unreviewed, dueDay, overdue: daysBetween(h.day, day) > t.maxReviewDelayDays }];
    });

  // Moderation events of the day by kind (SPEC §3.8 log); undone ones still count as events
  const startMs = bounds.start;
  const events = input.moderation.filter((m) => m.at.getTime() >= startMs && m.at.getTime() <= cutoff);
  const byKind: Digest['moderation']['byKind'] = {};
  for (const m of events) byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
  const moderation = { total: events.length, byKind, undone: events.filter((m) => m.undoneAt !== undefined).length };

  // Pending leave (SPEC §3.2: staff decide every request)
  const pendingLeave = input.leave
    .filter((l) => l.status === 'pending')
    .sort((a, b) => a.no - b.no)
    .map((l) => ({ no: l.no, name: maskPhonesInText(l.name), day: l.day }));

  // At risk (SPEC §3.9 two absences, missing homework; seed 三(三) 基础型学员未通过考核): absences are
  // absent sessions so far; missed homework has its deadline passed with no version at all (late counts as handed in)
  // and no approved leave excusing it. Both are cumulative since the cohort began.
  const heldSoFar = live.filter(isHeld);
  const absences = new Map<string, number>();
  for (const s of heldSoFar) for (const x of slotsOf(s)) if (x.status === 'absent') absences.set(x.trainee.key, (absences.get(x.trainee.key) ?? 0) + 1);
  const due = homeworkSoFar.filter((h) => h.deadline.getTime() <= cutoff).map((h) => ({ h, submitters: standing(h.id).submitters }));
  const latestDue = [...due].sort((a, b) => a.h.deadline.getTime() - b.h.deadline.getTime() || a.h.seq - b.h.seq).pop();
  const mustSubmit = (tr: Trainee, h: DigestInput['homework'][number]) => tr.joinedAt.getTime() <= h.deadline.getTime() && !excused(tr, h);
  const atRisk: AtRiskTrainee[] = trainees
    .map((tr) => {
      const missed = due.filter((d) => mustSubmit(tr, d.h) && !d.submitters.has(tr.key)).length;
      const missedLatest = latestDue !== undefined && mustSubmit(tr, latestDue.h) && !latestDue.submitters.has(tr.key);
      return { name: tr.safeName, absences: absences.get(tr.key) ?? 0, missedHomework: missed, missedLatest };
    })
    .filter((r) => r.absences >= rules.riskAbsences || r.missedHomework >= rules.riskMissedHomework || r.missedLatest)
    .sort((a, b) => b.absences + b.missedHomework - (a.absences + a.missedHomework));

  // Lecturer compliance so far, read as the scorecard reads it (seed (五)1; (二)2(1) 每天不少于 6 小时,
  // (二)2(2) 提前制作课表, (三)2 每日布置作业); the day in progress counts its timetabled hours.
  const hours = new Map(hoursByDay(live.filter((s) => s.day <= day)).map((h) => [h.day, h]));
  const assignedDays = new Set(input.homework.map((h) => h.day));
  const lecturerDays: LecturerDay[] = daysSoFar.map((d) => {
    const h = hours.get(d);
    const value = h?.hours ?? 0;
    return { day: d, hours: value, source: h?.source ?? 'none', hoursOk: value + EPS >= t.minHoursPerDay, homeworkAssigned: assignedDays.has(d) };
  });
  const providedAt = input.cohort.timetableFirstProvidedAt;
  const startOfCohort = localDayBounds(input.cohort.startDate, tz).start;
  const lecturer: LecturerCompliance = {
    lecturers: [...new Set(live.filter((s) => s.day <= day && s.lecturerName).map((s) => maskPhonesInText(s.lecturerName)))],
    minHoursPerDay: t.minHoursPerDay,
    days: lecturerDays,
    shortDays: lecturerDays.filter((d) => !d.hoursOk).map((d) => d.day),
    homeworkMissingDays: lecturerDays.filter((d) => !d.homeworkAssigned).map((d) => d.day),
    timetable: !providedAt ? 'missing' : providedAt.getTime() < startOfCohort ? 'before_start' : 'after_start',
    ...(providedAt ? { timetableProvidedAt: providedAt } : {}),
  };

  // Trend against day one (seed (五)3 骤降 50%以上): ratios by cross-multiplying, so 60% of 80% is exactly 0.75
  const perDay = daysSoFar.map((d) => (d === day ? today.figures : dayFigures(d).figures));
  const first = perDay[0];
  const trend: TrendDay[] = perDay.map((d, i) => {
    const ofDayOne =
      first && first.present > 0 && first.expected > 0 && d.expected > 0 ? (d.present * first.expected) / (d.expected * first.present) : null;
    return {
      day: d.day,
      present: d.present,
      expected: d.expected,
      rate: d.rate,
      ofDayOne,
      belowFloor: i > 0 && ofDayOne !== null && ofDayOne < 1 - t.attendanceDropShare - EPS,
    };
  });

  const progress: Digest['progress'] = {};
  const p = input.progress;
  if (p?.surveys) progress.surveys = { total: p.surveys.sent, answered: p.surveys.answered, share: share(p.surveys.answered, p.surveys.sent) };
  if (p?.followUps) progress.followUps = { total: p.followUps.due, answered: p.followUps.answered, share: share(p.followUps.answered, p.followUps.due) };

  const dayIndex = trainingDays.indexOf(day);
  return {
    cohort: { id: input.cohort.id, name: input.cohort.name, code: input.cohort.code, timezone: tz },
    day,
    dayNo: dayIndex >= 0 ? dayIndex + 1 : null,
    trainingDays: trainingDays.length,
    asOf: new Date(cutoff),
    attendance,
    homework: { items, reviewBacklog },
    moderation,
    pendingLeave,
    atRisk,
    lecturer,
    trend,
    progress,
  };
}
