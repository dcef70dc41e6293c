import { DateTime } from 'luxon';
import { computeDigest, type Digest, type DigestInput, type DigestOptions } from './digest';
import { attendanceRate, cumulativeRisk, DIGEST_DETAILS_IN_EXPORT, homeworkLeave, NOT_EXPECTED } from './texts';
import { ATTENDANCE_STATUS_NAMES as STATUS } from '../attendance';
import { attendanceTrendSvg } from '../../charts/trend-chart';
import { CARD_COLORS as C, SvgCard, cardText } from '../../charts/svg-card';

/** The card's width: a phone screen's worth at 2× (WeChat shows it full width). */
export const DIGEST_CARD_WIDTH = 720;

/** Names listed per list on the card before the rest fold into 等 N 人 (the full lists are in #导出). */
export const DIGEST_CARD_MAX_NAMES = 8;

const NAME_MAX_CHARS = 10;
const TREND_HEIGHT = 240;

/** One held session of the day and its attendance, counted by the digest's own rule. */
export interface SessionAttendance {
  label: string;
  present: number;
  expected: number;
  rate: number | null;
}

const pct = (rate: number | null): string => (rate === null ? '无' : `${Math.floor(rate * 1000 + 1e-6) / 10}%`);
const md = (day: string): string => day.slice(5);
const hm = (at: Date, tz: string): string => DateTime.fromJSDate(at, { zone: tz }).toFormat('HH:mm');
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** A name as the text digest prints it: phone numbers masked, clipped at ten characters. */
function shown(name: string): string {
  const chars = Array.from(cardText(name));
  return chars.length > NAME_MAX_CHARS ? `${chars.slice(0, NAME_MAX_CHARS).join('')}…` : chars.join('') || '（无名）';
}

function nameList(entries: string[], max = DIGEST_CARD_MAX_NAMES, unit = '人'): string {
  const head = entries.slice(0, max).join('、');
  return entries.length > max ? `${head} 等 ${entries.length} ${unit}` : head;
}

/**
 * The day's held sessions one by one, each counted by computeDigest over that session alone,
 * so the card's per-session figures follow the digest's rule (leave out of 应到) exactly.
 */
export function sessionAttendance(input: DigestInput, day: string, options: DigestOptions = {}): SessionAttendance[] {
  const tz = input.cohort.timezone;
  return input.sessions
    .filter((s) => s.day === day && !s.cancelled)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .flatMap((s) => {
      const a = computeDigest({ ...input, sessions: [s] }, day, options).attendance;
      if (a.sessionsHeld === 0) return [];
      return [{ label: `${hm(s.startsAt, tz)} ${s.title}`, present: a.present, expected: a.expected, rate: a.rate }];
    });
}

function rateColor(rate: number | null): string {
  if (rate === null) return C.muted;
  return rate >= 0.9 ? C.ok : rate >= 0.7 ? C.warn : C.bad;
}

function drawAttendance(card: SvgCard, d: Digest, sessions: readonly SessionAttendance[]): void {
  const a = d.attendance;
  card.heading('出勤');
  if (a.sessionsHeld === 0) {
    card.paragraph(a.sessionsPending > 0 ? `今天的 ${a.sessionsPending} 节课还没有结束` : '今天没有课', { color: C.muted });
    return;
  }
  card.paragraph(attendanceRate(pct(a.rate), a.present, a.expected, `${a.sessionsHeld} 节课`), { size: 24, weight: 'bold', color: rateColor(a.rate) });
  for (const s of sessions) card.bar(s.label, s.rate, `${pct(s.rate)} ${s.present}/${s.expected}`, rateColor(s.rate));
  const parts = [
    a.lateNames.length > 0 ? `${STATUS.late} ${a.lateNames.length} 人` : '',
    a.leaveNames.length > 0 ? `${STATUS.leave} ${a.leaveNames.length} 人（${NOT_EXPECTED}）` : '',
    a.sessionsPending > 0 ? `另有 ${a.sessionsPending} 节未结束` : '',
  ].filter(Boolean);
  if (parts.length) card.paragraph(parts.join('，'), { color: C.muted, size: 20 });
  if (a.absentNames.length) card.paragraph(`${STATUS.absent} ${a.absentNames.length} 人：${nameList(a.absentNames.map((n) => shown(n.name)))}`, { color: C.bad, size: 20 }, 3);
}

function drawTrend(card: SvgCard, d: Digest): void {
  if (d.trend.length < 2) return;
  card.heading('出勤率趋势');
  const points = d.trend.map((t) => ({ day: t.day, rate: t.rate === null ? null : Math.floor(t.rate * 1000 + 1e-6) / 10 }));
  card.embed(attendanceTrendSvg(points, { width: card.inner, height: TREND_HEIGHT }), TREND_HEIGHT);
  const dropped = d.trend.filter((t) => t.belowFloor).length;
  if (dropped) card.paragraph(`${dropped} 天不足首日一半`, { color: C.bad, size: 20 });
}

function drawHomework(card: SvgCard, d: Digest): void {
  const items = d.homework.items;
  const overdue = d.homework.reviewBacklog.filter((b) => b.overdue);
  const dueToday = d.homework.reviewBacklog.filter((b) => !b.overdue);
  if (items.length === 0 && d.dayNo === null && overdue.length === 0 && dueToday.length === 0) return;
  card.heading('作业');
  if (items.length === 0 && d.dayNo !== null) card.paragraph('今天没有布置作业', { color: C.bad });
  for (const h of items) {
    const missing = h.expected - h.submitted;
    const label = items.length > 1 ? `作业 ${h.seq}` : '已交';
    card.bar(label, h.expected > 0 ? h.submitted / h.expected : null, `${h.submitted}/${h.expected}`, h.deadlinePassed && missing > 0 ? C.warn : C.ok);
    const tail = h.deadlinePassed ? (missing > 0 ? `，未交 ${missing}` : '') : `，${hm(h.deadline, d.cohort.timezone)} 截止`;
    card.paragraph(`已点评 ${h.reviewed}${h.late ? `，迟交 ${h.late}` : ''}${tail}${homeworkLeave(h.onLeave)}`, { color: C.muted, size: 20 });
  }
  const backlog = [
    overdue.length ? `点评逾期 ${sum(overdue.map((b) => b.unreviewed))} 份（最早 ${md(overdue[0]!.day)} 的作业）` : '',
    dueToday.length ? `待点评 ${sum(dueToday.map((b) => b.unreviewed))} 份（今天内）` : '',
  ].filter(Boolean);
  if (backlog.length) card.paragraph(backlog.join('，'), { color: C.warn, size: 20 });
}

function drawRisk(card: SvgCard, d: Digest): void {
  if (d.atRisk.length === 0) return;
  card.heading(`需关注 ${d.atRisk.length} 人`, C.bad);
  for (const r of d.atRisk.slice(0, DIGEST_CARD_MAX_NAMES)) card.paragraph(`${shown(r.name)}（${cumulativeRisk(r.absences, r.missedHomework)}）`, { size: 20 }, 1, 16);
  if (d.atRisk.length > DIGEST_CARD_MAX_NAMES) card.paragraph(`等 ${d.atRisk.length} 人`, { size: 20, color: C.muted }, 1, 16);
}

function drawLeave(card: SvgCard, d: Digest): void {
  const p = d.pendingLeave;
  if (p.length === 0) return;
  card.heading(`待批请假 ${p.length} 条`, C.warn);
  card.paragraph(nameList(p.map((l) => `#${l.no} ${shown(l.name)} ${md(l.day)}`), 6, '条'), { size: 20 }, 3);
  card.paragraph('#批准请假 <编号>', { size: 20, color: C.muted });
}

/**
 * The staff daily digest as a picture (SVG, drawn to PNG by charts/render-png): the text
 * digest's verdict and title, attendance with a bar per held session, the trend chart, homework,
 * 需关注 names and pending leave, in the text digest's words. Pure: the same digest gives the same
 * card. `digestText` is renderDigest's output (its first two lines are drawn as they read).
 */
export function digestCardSvg(digest: Digest, digestText: string, sessions: readonly SessionAttendance[] = []): string {
  const [verdict = '', title = ''] = digestText.split('\n');
  const card = new SvgCard(DIGEST_CARD_WIDTH);
  card.paragraph(title, { size: 28, weight: 'bold' }, 2);
  card.space(12);
  card.band(verdict, verdict.startsWith('✅') ? C.ok : C.warn);
  drawAttendance(card, digest, sessions);
  drawTrend(card, digest);
  drawHomework(card, digest);
  drawRisk(card, digest);
  drawLeave(card, digest);
  card.space(16);
  card.rect(card.padding, card.y, card.inner, 1, C.line);
  card.paragraph(DIGEST_DETAILS_IN_EXPORT, { size: 18, color: C.muted });
  return card.toSvg();
}
