import { localClock, localDayBounds, type Digest } from './digest';
import { maskPhonesInText } from '../../kernel/privacy';
import { ATTENDANCE_STATUS_NAMES as STATUS } from '../attendance';
import { formatHours } from '../cohorts';
import { MODERATION_KIND_NAMES } from '../moderation';
import { attendanceRate, cumulativeRisk, DIGEST_DETAILS_IN_EXPORT, digestAllClear, digestNeedsAttention, homeworkLeave, NOT_EXPECTED } from './texts';

/** Names shown per list before the rest fold into 等 N 人: the digest is read on a phone, the full lists are in #导出. */
export const DIGEST_MAX_NAMES = 3;

/** The most lines the chat digest has (verdict, title, at most nine figures, the #导出 pointer): one phone screen. */
export const DIGEST_MAX_LINES = 12;

/** Issues named in the verdict line before the rest fold into 等 N 项. */
const VERDICT_MAX_ISSUES = 3;

const NAME_MAX_CHARS = 10;

// Rates are rounded down so that a figure just under a threshold never reads as the threshold itself.
const pct = (rate: number | null): string => (rate === null ? '无' : `${Math.floor(rate * 1000 + 1e-6) / 10}%`);
const md = (day: string): string => day.slice(5);
const hm = localClock;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** A name as the digest prints it: phone numbers masked (SPEC §4) before long nicknames are clipped. */
function shown(name: string): string {
  const chars = Array.from(maskPhonesInText(name).trim());
  return chars.length > NAME_MAX_CHARS ? `${chars.slice(0, NAME_MAX_CHARS).join('')}…` : chars.join('') || '（无名）';
}

/** Joins up to `max` entries; the rest become 等 N 人 (N = the whole list). */
function nameList(entries: string[], max = DIGEST_MAX_NAMES, unit = '人'): string {
  const head = entries.slice(0, max).join('、');
  return entries.length > max ? `${head} 等 ${entries.length} ${unit}` : head;
}

/**
 * What staff should act on, most urgent first, each as a short label with its count (the
 * verdict line). Standing facts of earlier days (a timetable handed in late, a short day last
 * week) stay on the lecturer line and do not turn every later verdict into ⚠️.
 */
function issues(d: Digest): string[] {
  const a = d.attendance;
  const overdue = sum(d.homework.reviewBacklog.filter((b) => b.overdue).map((b) => b.unreviewed));
  const dueToday = sum(d.homework.reviewBacklog.filter((b) => !b.overdue).map((b) => b.unreviewed));
  const todayHours = d.lecturer.days.find((x) => x.day === d.day);
  const today = d.trend.find((x) => x.day === d.day);
  return [
    d.pendingLeave.length > 0 ? `待批请假 ${d.pendingLeave.length} 条` : '',
    a.absentNames.length > 0 ? `${STATUS.absent} ${a.absentNames.length} 人` : '',
    today?.belowFloor ? '出勤率不足首日一半' : '',
    overdue > 0 ? `点评逾期 ${overdue} 份` : '',
    dueToday > 0 ? `待点评 ${dueToday} 份` : '',
    d.dayNo !== null && d.homework.items.length === 0 ? '今天没有布置作业' : '',
    d.atRisk.length > 0 ? `需关注学员 ${d.atRisk.length} 人` : '',
    todayHours && !todayHours.hoursOk ? `授课不足 ${d.lecturer.minHoursPerDay} 小时` : '',
    d.lecturer.timetable === 'missing' ? '课表未提供' : '',
  ].filter(Boolean);
}

/** The first line: all clear, or what needs attention (the first few issues, then 等 N 项). */
function verdictLine(d: Digest): string {
  const found = issues(d);
  if (found.length === 0) return digestAllClear(d.attendance.sessionsHeld > 0 ? pct(d.attendance.rate) : null);
  const head = found.slice(0, VERDICT_MAX_ISSUES).join('、');
  return digestNeedsAttention(found.length > VERDICT_MAX_ISSUES ? `${head} 等 ${found.length} 项` : head);
}

function title(d: Digest): string {
  const no = d.dayNo !== null ? `（第${d.dayNo}天/共${d.trainingDays}天）` : '';
  const endOfDay = localDayBounds(d.day, d.cohort.timezone).end;
  const asOf = d.asOf.getTime() < endOfDay ? ` 截至 ${hm(d.asOf, d.cohort.timezone)}` : '';
  return `📊「${shown(d.cohort.name)}」日报 ${md(d.day)}${no}${asOf}`;
}

function attendanceLines(d: Digest): string[] {
  const a = d.attendance;
  if (a.sessionsHeld === 0) return [a.sessionsPending > 0 ? `出勤：今天的 ${a.sessionsPending} 节课还没有结束` : '出勤：今天没有课'];
  const parts = [
    a.lateNames.length > 0 ? `${STATUS.late} ${a.lateNames.length} 人` : '',
    a.leaveNames.length > 0 ? `${STATUS.leave} ${a.leaveNames.length} 人（${NOT_EXPECTED}）` : '',
    a.sessionsPending > 0 ? `另有 ${a.sessionsPending} 节未结束` : '',
  ].filter(Boolean);
  const lines = [`${attendanceRate(pct(a.rate), a.present, a.expected, `${a.sessionsHeld} 节课`)}${parts.length ? `，${parts.join('，')}` : ''}`];
  if (a.absentNames.length) lines.push(`⚠️ ${STATUS.absent} ${a.absentNames.length} 人：${nameList(a.absentNames.map((n) => shown(n.name)))}`);
  return lines;
}

function homeworkLines(d: Digest): string[] {
  const items = d.homework.items;
  const lines: string[] = [];
  if (items.length === 1) {
    const h = items[0]!;
    const missing = h.expected - h.submitted;
    const tail = h.deadlinePassed ? (missing > 0 ? `，未交 ${missing}` : '') : `，${hm(h.deadline, d.cohort.timezone)} 截止`;
    lines.push(`作业：已交 ${h.submitted}/${h.expected}${h.late ? `（迟交 ${h.late}）` : ''}，已点评 ${h.reviewed}${tail}${homeworkLeave(h.onLeave)}`);
  } else if (items.length > 1) {
    const missing = sum(items.filter((h) => h.deadlinePassed).map((h) => h.expected - h.submitted));
    // The items are all the day's, and leave excuses per day: the same trainees are on leave for each (the largest count is them).
    lines.push(
      `作业 ${items.length} 项：已交 ${sum(items.map((h) => h.submitted))}/${sum(items.map((h) => h.expected))}，已点评 ${sum(items.map((h) => h.reviewed))}${missing > 0 ? `，未交 ${missing}` : ''}${homeworkLeave(Math.max(0, ...items.map((h) => h.onLeave)))}`,
    );
  } else if (d.dayNo !== null) {
    lines.push('⚠️ 今天没有布置作业');
  }
  const overdue = d.homework.reviewBacklog.filter((b) => b.overdue);
  const dueToday = d.homework.reviewBacklog.filter((b) => !b.overdue);
  const backlog = [
    overdue.length ? `点评逾期 ${sum(overdue.map((b) => b.unreviewed))} 份（最早 ${md(overdue[0]!.day)} 的作业）` : '',
    dueToday.length ? `待点评 ${sum(dueToday.map((b) => b.unreviewed))} 份（今天内）` : '',
  ].filter(Boolean);
  if (backlog.length) lines.push(`⚠️ ${backlog.join('，')}`);
  return lines;
}

function leaveLines(d: Digest): string[] {
  const p = d.pendingLeave;
  if (p.length === 0) return [];
  return [`⚠️ 待批请假 ${p.length} 条：${nameList(p.map((l) => `#${l.no} ${shown(l.name)}`), 2, '条')}（#批准请假 <编号>）`];
}

function riskLines(d: Digest): string[] {
  if (d.atRisk.length === 0) return [];
  const entries = d.atRisk.map((r) => {
    return `${shown(r.name)}（${cumulativeRisk(r.absences, r.missedHomework)}）`;
  });
  return [`⚠️ 需关注 ${d.atRisk.length} 人：${nameList(entries, 2)}`];
}

/** One line on the lecturers' compliance so far: ✅ when nothing is short, else what is. */
function lecturerLine(d: Digest): string[] {
  const l = d.lecturer;
  const who = l.lecturers.length ? `讲师 ${nameList(l.lecturers.map(shown), 2)}` : '讲师';
  if (l.days.length === 0) return [];
  const short = l.days.filter((x) => !x.hoursOk);
  const earlier = l.homeworkMissingDays.filter((day) => day !== d.day);
  const problems = [
    short.length ? `授课不足 ${l.minHoursPerDay} 小时：${nameList(short.map((x) => `${md(x.day)} ${formatHours(x.hours)}`), 2, '天')}` : '',
    // Today's missing homework is on the homework line already.
    earlier.length ? `未布置作业：${nameList(earlier.map(md), 2, '天')}` : '',
    l.timetable === 'missing' ? '课表尚未提供' : l.timetable === 'after_start' ? '课表开班后才提供' : '',
  ].filter(Boolean);
  return [problems.length ? `⚠️ ${who}：${problems.join('；')}` : `✅ ${who}：授课时长、每日作业、课表都达标`];
}

/** Today's attendance against day one, when there are two days to compare. */
function trendLine(d: Digest): string[] {
  const first = d.trend[0];
  const today = d.trend.find((x) => x.day === d.day);
  if (!first || !today || first === today || first.rate === null || today.rate === null) return [];
  const dropped = d.trend.filter((x) => x.belowFloor).length;
  return [`${dropped ? '⚠️ ' : ''}出勤率趋势：首日 ${pct(first.rate)} → 今天 ${pct(today.rate)}${today.belowFloor ? '（不足首日一半）' : dropped ? `（${dropped} 天不足首日一半）` : ''}`];
}

/** Moderation and the survey and follow-up progress, on one line when any of them has something. */
function otherLine(d: Digest): string[] {
  const m = d.moderation;
  const kinds = (Object.keys(MODERATION_KIND_NAMES) as (keyof typeof MODERATION_KIND_NAMES)[])
    .filter((k) => (m.byKind[k] ?? 0) > 0)
    .map((k) => `${MODERATION_KIND_NAMES[k]} ${m.byKind[k] ?? 0}`);
  const { surveys, followUps } = d.progress;
  const parts = [
    m.total > 0 ? `群管理 ${m.total} 次（${kinds.join(' · ')}${m.undone ? `，已撤销 ${m.undone}` : ''}）` : '',
    surveys ? `问卷已答 ${surveys.answered}/${surveys.total}（${pct(surveys.share)}）` : '',
    followUps ? `回访已完成 ${followUps.answered}/${followUps.total}（${pct(followUps.share)}）` : '',
  ].filter(Boolean);
  return parts.length ? [parts.join(' · ')] : [];
}

/** The digest's lines between the title and the #导出 pointer, at most DIGEST_MAX_LINES − 3 of them. */
function bodyLines(d: Digest): string[] {
  return [...attendanceLines(d), ...homeworkLines(d), ...leaveLines(d), ...riskLines(d), ...lecturerLine(d), ...trendLine(d), ...otherLine(d)].slice(
    0,
    DIGEST_MAX_LINES - 3,
  );
}

/**
 * The digest as staff chat text (SPEC §3.9), one phone screen: the verdict first (all clear, or
 * what needs attention), the title, one line per figure with ⚠️ on risks and at most a few
 * names, and last where the full lists are (#导出). Phone numbers masked.
 */
export function renderDigest(digest: Digest): string {
  return maskPhonesInText([verdictLine(digest), title(digest), ...bodyLines(digest), DIGEST_DETAILS_IN_EXPORT].join('\n'));
}

/** The digest as a markdown webhook message (DingTalk/WeCom robots): the same lines, the verdict in bold, phone numbers masked. */
export function renderDigestForWebhook(digest: Digest): { title: string; markdown: string } {
  const t = title(digest);
  const body = [`### ${t}`, `**${verdictLine(digest)}**`, '', ...bodyLines(digest).map((l) => `- ${l}`), '', DIGEST_DETAILS_IN_EXPORT];
  return { title: maskPhonesInText(t), markdown: maskPhonesInText(body.join('\n')) };
}
