import { DateTime } from 'luxon';
import type { Digest, ProgressFigure } from './digest';
import { maskPhonesInText } from '../../kernel/privacy';
import { ATTENDANCE_STATUS_NAMES as STATUS } from '../attendance';
import { formatHours, HOURS_SOURCE_NAMES } from '../cohorts';
import { MODERATION_KIND_NAMES } from '../moderation';

/** Names shown per list before the rest fold into 等 N 人; keeps a 50-trainee digest under ~1,800 characters. */
export const DIGEST_MAX_NAMES = 8;

const NAME_MAX_CHARS = 10;
const TREND_MAX_DAYS = 7;

// Rates are rounded down so that a figure just under a threshold never reads as the threshold itself.
const pct = (rate: number | null): string => (rate === null ? '无' : `${Math.floor(rate * 1000 + 1e-6) / 10}%`);
const md = (day: string): string => day.slice(5);
const hm = (at: Date, tz: string): string => DateTime.fromJSDate(at, { zone: tz }).toFormat('HH:mm');

/** A name as the digest prints it: phone numbers masked (SPEC §4) before long nicknames are clipped. */
function shown(name: string): string {
  const chars = Array.from(maskPhonesInText(name).trim());
  return chars.length > NAME_MAX_CHARS ? `${chars.slice(0, NAME_MAX_CHARS).join('')}…` : chars.join('') || '（无名）';
}

/** Joins up to DIGEST_MAX_NAMES entries; the rest become 等 N 人 (N = the whole list). */
function nameList(entries: string[]): string {
  const head = entries.slice(0, DIGEST_MAX_NAMES).join('、');
  return entries.length > DIGEST_MAX_NAMES ? `${head} 等 ${entries.length} 人` : head;
}

/** One titled block of the digest. */
interface Section {
  heading: string;
  lines: string[];
}

function attendanceSection(d: Digest): Section {
  const a = d.attendance;
  const lines: string[] = [];
  if (a.sessionsHeld === 0) {
    lines.push(a.sessionsPending > 0 ? `今天的 ${a.sessionsPending} 节课还没有结束。` : '今天没有课。');
    return { heading: '出勤', lines };
  }
  const leave = a.onLeave > 0 ? `，请假 ${a.onLeave} 人次不计` : '';
  const pending = a.sessionsPending > 0 ? `，另有 ${a.sessionsPending} 节未结束` : '';
  lines.push(`出勤率 ${pct(a.rate)}：到课 ${a.present}/${a.expected} 人次（${a.sessionsHeld} 节课${leave}${pending}）`);
  if (a.lateNames.length) lines.push(`${STATUS.late} ${a.lateNames.length} 人：${nameList(a.lateNames.map((n) => `${shown(n.name)} ${n.minutes.join('/')}分钟`))}`);
  if (a.absentNames.length) {
    lines.push(`⚠️ ${STATUS.absent} ${a.absentNames.length} 人：${nameList(a.absentNames.map((n) => `${shown(n.name)}${a.sessionsHeld > 1 ? `（${n.sessions}节）` : ''}`))}`);
  }
  if (a.leaveNames.length) {
    lines.push(`${STATUS.leave} ${a.leaveNames.length} 人：${nameList(a.leaveNames.map((n) => `${shown(n.name)}${a.sessionsHeld > 1 ? `（${n.sessions}节）` : ''}`))}`);
  }
  return { heading: '出勤', lines };
}

function homeworkSection(d: Digest): Section {
  const lines: string[] = [];
  const tz = d.cohort.timezone;
  for (const h of d.homework.items) {
    const missing = h.expected - h.submitted;
    const tail = h.deadlinePassed ? (missing > 0 ? `，未交 ${missing}` : '') : `，${hm(h.deadline, tz)} 截止`;
    lines.push(`第${h.seq}项：已交 ${h.submitted}/${h.expected}${h.late ? `（迟交 ${h.late}）` : ''}，已点评 ${h.reviewed}${tail}`);
  }
  if (d.homework.items.length === 0) lines.push(d.dayNo !== null ? '⚠️ 今天没有布置作业' : '今天没有作业');
  for (const b of d.homework.reviewBacklog) {
    lines.push(
      b.overdue
        ? `⚠️ 点评逾期：${md(b.day)} 第${b.seq}项 ${b.unreviewed} 份未点评（应在 ${md(b.dueDay)} 前）`
        : `⚠️ 待点评：${md(b.day)} 第${b.seq}项 ${b.unreviewed} 份（今天内点评）`,
    );
  }
  return { heading: '作业', lines };
}

function moderationSection(d: Digest): Section {
  const m = d.moderation;
  if (m.total === 0) return { heading: '群管理', lines: ['无'] };
  const kinds = (Object.keys(MODERATION_KIND_NAMES) as (keyof typeof MODERATION_KIND_NAMES)[])
    .filter((k) => (m.byKind[k] ?? 0) > 0)
    .map((k) => `${MODERATION_KIND_NAMES[k]} ${m.byKind[k] ?? 0}`);
  return { heading: '群管理', lines: [`${m.total} 次：${kinds.join(' · ')}${m.undone ? `（已撤销 ${m.undone}）` : ''}`] };
}

function leaveSection(d: Digest): Section {
  const p = d.pendingLeave;
  if (p.length === 0) return { heading: '待批请假', lines: ['无'] };
  const entries = p.map((l) => `#${l.no} ${shown(l.name)} ${md(l.day)}`);
  const head = entries.slice(0, DIGEST_MAX_NAMES).join('、');
  const more = p.length > DIGEST_MAX_NAMES ? ` 等 ${p.length} 条` : '';
  return { heading: '待批请假', lines: [`⚠️ ${p.length} 条：${head}${more}（#批准请假 <编号>）`] };
}

function riskSection(d: Digest): Section {
  if (d.atRisk.length === 0) return { heading: '需关注学员', lines: ['无'] };
  const entries = d.atRisk.map((r) => {
    const why = [r.absences > 0 ? `缺勤${r.absences}节` : '', r.missedHomework > 0 ? `缺交作业${r.missedHomework}次` : ''].filter(Boolean).join('、');
    return `${shown(r.name)}（${why}）`;
  });
  return { heading: '需关注学员', lines: [`⚠️ ${nameList(entries)}`] };
}

function lecturerSection(d: Digest): Section {
  const l = d.lecturer;
  const tz = d.cohort.timezone;
  const lines: string[] = [];
  if (l.lecturers.length) lines.push(`讲师：${l.lecturers.map(shown).join('、')}`);
  if (l.days.length === 0) lines.push('还没有培训日');
  else {
    const hourDays = l.days.map((x) => `${md(x.day)} ${formatHours(x.hours)}${x.hoursOk ? '' : '⚠️'}`).join('、');
    const mark = l.shortDays.length ? '⚠️' : '✅';
    lines.push(`${mark} 授课时长（每天≥${l.minHoursPerDay}小时）：${hourDays}`);
    const sources = [...new Set(l.days.map((x) => x.source))];
    if (sources.some((s) => s !== 'actual')) lines.push(`  （时长来源：${sources.map((s) => HOURS_SOURCE_NAMES[s]).join('、')}）`);
    lines.push(l.homeworkMissingDays.length ? `⚠️ 每日作业：${l.homeworkMissingDays.map(md).join('、')} 未布置` : '✅ 每日作业：每天都已布置');
  }
  const provided = l.timetableProvidedAt ? DateTime.fromJSDate(l.timetableProvidedAt, { zone: tz }).toFormat('MM-dd HH:mm') : '';
  lines.push(
    l.timetable === 'before_start'
      ? `✅ 课表：开班前已提供（${provided}）`
      : l.timetable === 'after_start'
        ? `⚠️ 课表：开班后才提供（${provided}）`
        : '⚠️ 课表：尚未提供',
  );
  return { heading: '讲师执行', lines };
}

function trendSection(d: Digest): Section | null {
  const rated = d.trend.filter((x) => x.rate !== null);
  if (rated.length < 2) return null;
  // Day one stays as the baseline; only the latest days follow it when the cohort is long.
  const shownDays = [rated[0]!, ...rated.slice(1).slice(-(TREND_MAX_DAYS - 1))];
  const parts = shownDays.map((x, i) => (i === 0 ? `${md(x.day)} ${pct(x.rate)}（首日）` : `${md(x.day)} ${pct(x.rate)}（首日的 ${pct(x.ofDayOne)}）${x.belowFloor ? '⚠️' : ''}`));
  const lines = [parts.join(' → ')];
  const dropped = d.trend.filter((x) => x.belowFloor).map((x) => md(x.day));
  if (dropped.length) lines.push(`⚠️ ${dropped.join('、')} 出勤不足首日的一半`);
  return { heading: '出勤趋势', lines };
}

function progressSection(d: Digest): Section | null {
  const fig = (label: string, f: ProgressFigure) => `${label} ${f.answered}/${f.total}（${pct(f.share)}）`;
  const parts = [d.progress.surveys ? fig('问卷已答', d.progress.surveys) : '', d.progress.followUps ? fig('回访已完成', d.progress.followUps) : ''].filter(Boolean);
  return parts.length ? { heading: '问卷回访', lines: [parts.join(' · ')] } : null;
}

function title(d: Digest): string {
  const no = d.dayNo !== null ? `（第${d.dayNo}天/共${d.trainingDays}天）` : '';
  return `📊「${shown(d.cohort.name)}」日报 ${md(d.day)}${no}`;
}

function sections(d: Digest): Section[] {
  return [
    attendanceSection(d),
    homeworkSection(d),
    moderationSection(d),
    leaveSection(d),
    riskSection(d),
    lecturerSection(d),
    trendSection(d),
    progressSection(d),
  ].filter((s): s is Section => s !== null);
}

function asOfLine(d: Digest): string | null {
  const endOfDay = DateTime.fromISO(d.day, { zone: d.cohort.timezone }).endOf('day').toMillis();
  return d.asOf.getTime() < endOfDay ? `截至 ${hm(d.asOf, d.cohort.timezone)}` : null;
}

/** The digest as staff chat text (SPEC §3.9): short sections, ⚠️ on risks, phone numbers masked (in names before they are clipped, then anywhere). */
export function renderDigest(digest: Digest): string {
  const head = [title(digest), asOfLine(digest)].filter((x): x is string => x !== null);
  return maskPhonesInText([...head, ...sections(digest).flatMap((s) => [`【${s.heading}】`, ...s.lines])].join('\n'));
}

/** The digest as a markdown webhook message (DingTalk/WeCom robots): the same sections as headed lists, phone numbers masked. */
export function renderDigestForWebhook(digest: Digest): { title: string; markdown: string } {
  const t = title(digest);
  const asOf = asOfLine(digest);
  const body = sections(digest).flatMap((s) => [`#### ${s.heading}`, ...s.lines.map((l) => `- ${l.trim()}`), '']);
  return { title: maskPhonesInText(t), markdown: maskPhonesInText([`### ${t}`, ...(asOf ? [asOf, ''] : ['']), ...body].join('\n').trimEnd()) };
}
