import { DateTime } from 'luxon';
import type { CheckStatus, Scorecard } from './scorecard';
import { renderLecturerTier } from './lecturer-tier-assessment';
import { answersCounted, CRITERION_NAMES } from './texts';
import { ANSWER_WINDOW_MINUTES } from '../points';
import { formatHours, HOURS_SOURCE_NAMES } from '../cohorts';

const MARK: Record<CheckStatus, string> = { pass: '✅', fail: '❌', no_data: '—' };

// Rates are rounded down so that a figure just under a threshold never reads as the threshold itself.
const pct = (rate: number | null): string => (rate === null ? '无' : `${Math.floor(rate * 1000 + 1e-6) / 10}%`);
const md = (day: string): string => day.slice(5);
const yuan = (v: number): string => `¥${v.toFixed(2)}`;
const hm = (at: Date, tz: string): string => DateTime.fromJSDate(at, { zone: tz }).toFormat('HH:mm');

function requirementLines(card: Scorecard): string[] {
  const r = card.requirements;
  const t = card.thresholds;
  const hourDays = r.hours.days.map((d) => `${md(d.day)} ${formatHours(d.hours)}（${HOURS_SOURCE_NAMES[d.source]}）${d.ok ? '' : '❌'}`);
  const timetable = r.timetable.providedLocal
    ? `${r.timetable.providedLocal} 提供，开班日 ${r.timetable.startDate}`
    : `未提供，开班日 ${r.timetable.startDate}`;
  const homework =
    r.homework.trainingDays.length === 0
      ? '无培训日'
      : `已布置 ${r.homework.assignedDays.filter((d) => r.homework.trainingDays.includes(d)).map(md).join('、') || '无'}` +
        (r.homework.missingDays.length ? `；缺 ${r.homework.missingDays.map(md).join('、')}` : '');
  const reviews = r.reviews.items.map((i) => {
    const what = `${md(i.day)}${i.title ? `「${i.title}」` : ''}`;
    if (i.delayDays === null) return `${what} ${i.submissions === 0 ? '无人提交' : '未点评 ❌'}`;
    const when = i.delayDays <= 0 ? '当天点评' : `${i.delayDays} 天后点评`;
    return `${what} ${when}${i.ok ? '' : ' ❌'}`;
  });
  return [
    `  · 每日授课不少于 ${t.minHoursPerDay} 小时 ${MARK[r.hours.status]}：${hourDays.join('；') || '无培训日'}`,
    `  · 开班前提供课表 ${MARK[r.timetable.status]}：${timetable}`,
    `  · 每日布置作业 ${MARK[r.homework.status]}：${homework}`,
    `  · 作业次日点评 ${MARK[r.reviews.status]}：${reviews.join('；') || '无作业'}`,
  ];
}

function interactionLines(card: Scorecard): string[] {
  const i = card.interaction;
  const t = card.thresholds;
  const q = i.questions.asked === 0 ? '无学员提问' : `${i.questions.answered}/${i.questions.asked} = ${pct(i.questions.share)}（${answersCounted(ANSWER_WINDOW_MINUTES)}）`;
  const rv = i.reviews.submissions === 0 ? '无作业提交' : `${i.reviews.reviewed}/${i.reviews.submissions} = ${pct(i.reviews.share)}`;
  const tz = card.cohort.timezone;
  const cut =
    i.cutShort.status === 'no_data'
      ? '无下课记录'
      : i.cutShort.sessions.length === 0
        ? `${i.cutShort.sessionsWithEndMarker} 节有下课记录，均未提前`
        : i.cutShort.sessions
            .map((s) => `${md(s.day)}${s.title ? `「${s.title}」` : ''} ${hm(s.actualEnd, tz)} 下课（课表 ${hm(s.endsAt, tz)}，提前 ${s.minutesShort} 分钟）`)
            .join('；');
  return [
    `  · 解答学员问题（不少于 ${pct(t.minAnsweredShare)}）${MARK[i.questions.status]}：${q}`,
    `  · 作业点评（不少于 ${pct(t.minReviewedShare)} 的提交）${MARK[i.reviews.status]}：${rv}`,
    `  · 未减少课程时长（提前下课不超过 ${t.cutShortToleranceMinutes} 分钟）${MARK[i.cutShort.status]}：${cut}`,
  ];
}

function attendanceLines(card: Scorecard): string[] {
  const a = card.attendanceDrop;
  if (a.days.length === 0) return ['  · 无出勤数据'];
  const lines = a.days.map(
    (d, n) =>
      `  · 第${n + 1}天 ${md(d.day)}：到课 ${d.present}/${d.expected} 人次 = ${pct(d.rate)}（共 ${d.places} 人次，请假 ${d.onLeave} 人次）${d.belowFloor ? ' ⚠️低于警戒线' : ''}`,
  );
  lines.push(`  · 警戒线（首日出勤率的 ${pct(1 - card.thresholds.attendanceDropShare)}）：${pct(a.floorRate)}`);
  if (a.dropDay) lines.push(`  · 自 ${md(a.dropDay)} 起骤降且持续下降`);
  return lines;
}

function feedbackLine(card: Scorecard): string {
  const f = card.feedback;
  const t = card.thresholds;
  if (f.respondents === 0) return `无人填写反馈，请工作人员核实`;
  const dist = [5, 4, 3, 2, 1].map((s) => `${s}分 ${f.distribution[s - 1] ?? 0}`).join(' · ');
  return `满意（${t.satisfiedMinScore}–5 分）${f.satisfied}/${f.respondents} = ${pct(f.share)}，需不低于 ${pct(t.minSatisfiedShare)}（${dist}）`;
}

/** The scorecard as Chinese text for the staff chat: each criterion with ✅/❌/—, its figures and evidence, the verdict, and the lecturer's tier. */
export function renderScorecard(card: Scorecard): string {
  const { cohort, verdict: v, thresholds: t } = card;
  const lines = [
    `📋 讲师考核表：${card.lecturerName}`,
    `班级：${cohort.name}${cohort.code ? `（${cohort.code}）` : ''}，开班 ${cohort.startDate}`,
    '',
    `1. ${CRITERION_NAMES.requirements} ${MARK[card.requirements.status]}`,
    ...requirementLines(card),
    `2. ${CRITERION_NAMES.interaction} ${MARK[card.interaction.status]}`,
    ...interactionLines(card),
    `3. ${CRITERION_NAMES.attendanceDrop}（首日后骤降超过 ${pct(t.attendanceDropShare)} 且持续下降为不合格，已扣除请假）${MARK[card.attendanceDrop.status]}`,
    ...attendanceLines(card),
    `4. ${CRITERION_NAMES.feedback} ${MARK[card.feedback.status]}：${feedbackLine(card)}`,
    '',
  ];
  const failedNames = v.failedCriteria.map((k) => CRITERION_NAMES[k]).join('、');
  if (v.passed) {
    lines.push('结论：✅ 考核通过，课酬全额支付' + (v.feeYuan !== undefined ? `（${yuan(v.feeYuan)}）` : ''));
  } else {
    lines.push(`结论：❌ 未通过（${v.failedCriteria.length} 项未达标：${failedNames}）`);
    lines.push(
      v.withheldYuan !== undefined && v.feeYuan !== undefined && v.payableYuan !== undefined
        ? `拒付课酬 ${pct(v.withheldShare)}：${yuan(v.withheldYuan)}（课酬 ${yuan(v.feeYuan)}，实付 ${yuan(v.payableYuan)}）`
        : `拒付课酬 ${pct(v.withheldShare)}`,
    );
  }
  if (v.severe) lines.push('⚠️ 情节严重：建议终止合作（从此不产生其他合作），请培训办决定');
  if (v.noDataCriteria.length) {
    lines.push(`— 无数据：${v.noDataCriteria.map((k) => CRITERION_NAMES[k]).join('、')}，未计为不合格，请工作人员核实`);
  }
  lines.push('', ...renderLecturerTier(card.lecturerTier));
  return lines.join('\n');
}
