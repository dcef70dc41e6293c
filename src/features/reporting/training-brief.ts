import { DateTime } from 'luxon';
import { AppError } from '../../kernel/app-error';
import type { Attendance, Cohort, Member, Session } from '../../domain/types';
import type { Activity } from '../../domain/types';
import type { Stores } from '../../stores/create-stores';
import type { Homework } from '../../domain/types';
import type { LeaveRequest } from '../../domain/types';
import type { ModerationRecord } from '../../domain/types';
import type { Submission } from '../../domain/types';
import { maskPhonesInText } from '../../kernel/privacy';
import { formatTime } from '../../kernel/local-time';
import { COHORT_UNKNOWN, formatHours, formatSessionLine, hoursByDay } from '../cohorts';
import { excusedFrom, excusedFromHomework } from '../leave';
import { ATTENDANCE_STATUS_NAMES as STATUS, EARLY_LEAVE, NOT_SIGNED_IN } from '../attendance';
import { MODERATION_KIND_NAMES } from '../moderation';
import { attendanceRate, NOT_EXPECTED, SESSION_UNKNOWN, WEEK_START_UNREADABLE } from './texts';

/** What a brief may be told: `now` decides which sessions have ended (absence) and which are still ahead. */
export interface BriefOptions {
  now?: Date;
}

/** Everything of one cohort a brief is computed from. */
interface BriefData {
  cohort: Cohort;
  sessions: Session[];
  trainees: Member[];
  attendance: Attendance[];
  approvedLeave: LeaveRequest[];
  homework: Homework[];
  submissions: Submission[];
  activities: Activity[];
  moderation: ModerationRecord[];
}

/** Attendance over some sessions, counted per trainee and session (人次). */
interface AttendanceFigures {
  places: number;
  present: number;
  late: number;
  absent: number;
  leave: number;
  pending: number;
  earlyLeave: number;
}

/** Reads one cohort's data for briefs (plain finds per cohort, inside what FerretDB 1.24 serves). */
async function gatherBriefData(stores: Stores, cohortId: string): Promise<BriefData> {
  const cohort = await stores.cohorts.findById(cohortId);
  if (!cohort) throw new AppError('COHORT_UNKNOWN', COHORT_UNKNOWN, `cohort ${cohortId} not found`);
  const [sessions, trainees, attendance, approvedLeave, homework, submissions, activities, moderation] = await Promise.all([
    stores.sessions.listByCohort(cohortId),
    stores.members.listWithRole(cohortId, 'trainee'),
    stores.attendance.listByCohort(cohortId),
    stores.leave.listByCohort(cohortId, 'approved'),
    stores.homework.listByCohort(cohortId),
    stores.submissions.listByCohort(cohortId),
    stores.activities.list(cohortId),
    stores.moderation.listByCohort(cohortId),
  ]);
  return { cohort, sessions, trainees, attendance, approvedLeave, homework, submissions, activities, moderation };
}

/**
 * Counts attendance as closing each session would write it (SPEC §3.1–3.2): a trainee enrolled
 * by the session's end with no record is on leave when approved leave covers it, absent once
 * the session has ended, and still pending before that.
 */
function countAttendance(data: BriefData, sessions: Session[], now: Date): AttendanceFigures {
  const f: AttendanceFigures = { places: 0, present: 0, late: 0, absent: 0, leave: 0, pending: 0, earlyLeave: 0 };
  for (const s of sessions) {
    const records = data.attendance.filter((a) => a.sessionId === s.id);
    const byUser = new Map(records.map((r) => [r.userId, r]));
    const excused = excusedFrom(data.approvedLeave, s);
    const people = new Set([...data.trainees.filter((t) => t.joinedAt.getTime() <= s.endsAt.getTime()).map((t) => t.userId), ...byUser.keys()]);
    for (const userId of people) {
      f.places += 1;
      const r = byUser.get(userId);
      if (r) {
        if (r.status === 'on_time' || r.status === 'late') f.present += 1;
        if (r.status === 'late') f.late += 1;
        if (r.status === 'absent') f.absent += 1;
        if (r.status === 'leave') f.leave += 1;
        if (r.earlyLeave) f.earlyLeave += 1;
        continue;
      }
      if (excused.has(userId)) f.leave += 1;
      else if (s.closedAt || s.endsAt.getTime() <= now.getTime()) f.absent += 1;
      else f.pending += 1;
    }
  }
  return f;
}

/**
 * 出勤 line: 出勤率 = 到课 ÷ 应到 (the digest's rule and words: places not on leave, counted in
 * 人次 even for one session), then late, absent, leave, early leave, each in 人次.
 */
function attendanceLine(f: AttendanceFigures): string {
  if (f.places === 0) return '出勤：暂无学员名单';
  const base = f.places - f.leave;
  const rate = base > 0 ? `${((f.present / base) * 100).toFixed(1)}%` : '—';
  const unit = '人次';
  const parts = [`${STATUS.late} ${f.late} ${unit}`, `${STATUS.absent} ${f.absent} ${unit}`, `${STATUS.leave} ${f.leave} ${unit}（${NOT_EXPECTED}）`];
  if (f.earlyLeave > 0) parts.push(`${EARLY_LEAVE} ${f.earlyLeave} ${unit}`);
  if (f.pending > 0) parts.push(`${NOT_SIGNED_IN} ${f.pending} ${unit}`);
  return `出勤：${attendanceRate(rate, f.present, base)}；${parts.join('，')}`;
}

/** 作业 lines for the homework of some days: assigned, submitted (trainees) of those expected (approved leave for the day excuses), reviewed. */
function homeworkLines(data: BriefData, days: Set<string>): string[] {
  const items = data.homework.filter((h) => days.has(h.day));
  if (items.length === 0) return ['作业：未布置'];
  let submitted = 0;
  let reviewed = 0;
  const details = items.map((h, i) => {
    const subs = data.submissions.filter((s) => s.homeworkId === h.id);
    const submitters = new Set(subs.map((s) => s.userId));
    const excused = excusedFromHomework(data.approvedLeave, h, data.sessions);
    const expected = data.trainees.filter((t) => submitters.has(t.userId) || !excused.has(t.userId)).length;
    const by = submitters.size;
    const rev = new Set(subs.filter((s) => s.review).map((s) => s.userId)).size;
    submitted += by;
    reviewed += rev;
    const content = maskPhonesInText(h.content);
    return `  ${i + 1}. ${h.day.slice(5)} ${content.slice(0, 20)}${content.length > 20 ? '…' : ''}：已交 ${by}/${expected}，已点评 ${rev}`;
  });
  return [`作业：布置 ${items.length} 项，已交 ${submitted} 份，已点评 ${reviewed} 份`, ...details];
}

/** 互动 line: trainees' questions and lecturers' answers. */
function interactionLine(activities: Activity[]): string {
  const questions = activities.filter((a) => a.kind === 'question').length;
  const answers = activities.filter((a) => a.kind === 'answer').length;
  return `互动：学员提问 ${questions} 次，讲师解答 ${answers} 次`;
}

/** 亮点 line: trainees whose homework of those days was shown as an example (names without phone numbers). */
function highlightLine(data: BriefData, days: Set<string>): string {
  const homeworkIds = new Set(data.homework.filter((h) => days.has(h.day)).map((h) => h.id));
  const names = [...new Set(data.submissions.filter((s) => s.showcased && homeworkIds.has(s.homeworkId)).map((s) => maskPhonesInText(s.name)))];
  return names.length > 0 ? `亮点：优秀作业 ${names.join('、')}` : '亮点：暂无优秀作业展示';
}

/** 群管理 line: moderation actions in a time range, by kind. */
function moderationLine(records: ModerationRecord[], from: Date, to: Date): string {
  const inRange = records.filter((r) => r.at.getTime() >= from.getTime() && r.at.getTime() < to.getTime());
  if (inRange.length === 0) return '群管理：0 次';
  const byKind = new Map<string, number>();
  for (const r of inRange) byKind.set(MODERATION_KIND_NAMES[r.kind], (byKind.get(MODERATION_KIND_NAMES[r.kind]) ?? 0) + 1);
  return `群管理：${inRange.length} 次（${[...byKind.entries()].map(([k, n]) => `${k} ${n}`).join('，')}）`;
}

/**
 * The training brief of one session (seed 四(二)8 按场次编写培训简报), as text for the staff
 * chat: title, time, lecturer, attendance, the day's homework, interaction in the session,
 * showcased homework and moderation during the session; phone numbers anywhere in it masked.
 */
export async function briefForSession(stores: Stores, sessionId: string, options: BriefOptions = {}): Promise<string> {
  const session = await stores.sessions.findById(sessionId);
  if (!session) throw new AppError('SESSION_UNKNOWN', SESSION_UNKNOWN, `session ${sessionId} not found`);
  const data = await gatherBriefData(stores, session.cohortId);
  const tz = data.cohort.timezone;
  const now = options.now ?? session.endsAt;
  const days = new Set([session.day]);
  const actual =
    session.actualStart || session.actualEnd
      ? `（实际 ${session.actualStart ? formatTime(session.actualStart, tz) : '—'}-${session.actualEnd ? formatTime(session.actualEnd, tz) : '—'}）`
      : '';
  const from = session.actualStart ?? session.startsAt;
  const to = session.actualEnd ?? session.endsAt;
  const brief = [
    `📝 培训简报｜「${data.cohort.name}」`,
    `课程：${session.title}`,
    `时间：${DateTime.fromJSDate(session.startsAt, { zone: tz }).toFormat('yyyy-MM-dd HH:mm')}-${formatTime(session.endsAt, tz)}${actual}`,
    `讲师：${maskPhonesInText(session.lecturerName) || '未填写'}`,
    attendanceLine(countAttendance(data, [session], now)),
    ...homeworkLines(data, days),
    interactionLine(data.activities.filter((a) => a.sessionId === session.id)),
    highlightLine(data, days),
    moderationLine(data.moderation, from, to),
  ].join('\n');
  return maskPhonesInText(brief);
}

/**
 * The training brief of a week (seed 四(二)8 按周次编写培训简报) starting on `weekStartDay`
 * (yyyy-MM-dd, cohort time zone): the sessions with their attendance, hours taught per day,
 * homework, interaction, showcased homework and moderation over the seven days; phone numbers
 * anywhere in it masked.
 */
export async function briefForWeek(stores: Stores, cohortId: string, weekStartDay: string, options: BriefOptions = {}): Promise<string> {
  const data = await gatherBriefData(stores, cohortId);
  const tz = data.cohort.timezone;
  const start = DateTime.fromISO(weekStartDay, { zone: tz }).startOf('day');
  if (!start.isValid) throw new AppError('BRIEF_DAY_INVALID', WEEK_START_UNREADABLE, `bad week start ${weekStartDay}`);
  const end = start.plus({ days: 7 });
  const days = new Set(Array.from({ length: 7 }, (_, i) => start.plus({ days: i }).toFormat('yyyy-MM-dd')));
  const now = options.now ?? end.toJSDate();
  const sessions = data.sessions.filter((s) => days.has(s.day));
  const held = sessions.filter((s) => s.startsAt.getTime() <= now.getTime());
  const lecturers = [...new Set(sessions.map((s) => maskPhonesInText(s.lecturerName)).filter((n) => n))];
  const hours = hoursByDay(held);
  const lines = [
    `📝 培训周报｜「${data.cohort.name}」${start.toFormat('MM-dd')} 至 ${end.minus({ days: 1 }).toFormat('MM-dd')}`,
    `讲师：${lecturers.length > 0 ? lecturers.join('、') : '未填写'}`,
    `课程：${sessions.length} 节${held.length < sessions.length ? `（已上 ${held.length} 节）` : ''}`,
    ...sessions.map((s) => {
      const f = countAttendance(data, [s], now);
      const base = f.places - f.leave;
      const rate = s.startsAt.getTime() > now.getTime() ? '未开始' : base > 0 ? `出勤率 ${((f.present / base) * 100).toFixed(1)}%` : '出勤率 —';
      return `  ${formatSessionLine(s, tz)} · ${rate}`;
    }),
    `授课时长：${hours.length > 0 ? hours.map((h) => `${h.day.slice(5)} ${formatHours(h.hours)}`).join('，') : '—'}`,
    attendanceLine(countAttendance(data, held, now)),
    ...homeworkLines(data, days),
    interactionLine(data.activities.filter((a) => days.has(a.day))),
    highlightLine(data, days),
    moderationLine(data.moderation, start.toJSDate(), end.toJSDate()),
  ];
  return maskPhonesInText(lines.join('\n'));
}
