import type { CheckStatus, CriterionKey, Scorecard } from './scorecard';
import { renderLecturerTier } from './lecturer-tier-assessment';
import { answersCounted, ATTENDANCE_RATE_DEFINED, CRITERION_NAMES, SCORECARD_DETAILS_IN_EXPORT, SCORECARD_NO_DATA, SCORECARD_SEVERE } from './texts';
import { ANSWER_WINDOW_MINUTES } from '../points';
import { formatHours } from '../cohorts';

const MARK: Record<CheckStatus, string> = { pass: '✅', fail: '❌', no_data: '—' };

/** The most lines the scorecard has: verdict, cohort, four criteria, 情节严重, up to four tier lines, the #导出 pointer. */
export const SCORECARD_MAX_LINES = 12;

// Rates are rounded down so that a figure just under a threshold never reads as the threshold itself.
const pct = (rate: number | null): string => (rate === null ? '无' : `${Math.floor(rate * 1000 + 1e-6) / 10}%`);
const md = (day: string): string => day.slice(5);
const yuan = (v: number): string => `¥${v.toFixed(2)}`;

/** Up to `max` entries, then 等 N <unit> (N = all of them). */
function few(entries: string[], max: number, unit: string): string {
  return entries.length > max ? `${entries.slice(0, max).join('、')} 等 ${entries.length} ${unit}` : entries.join('、');
}

/** Criterion 1 on one line: what fell short, or that all four requirements were met. */
function requirementsSummary(card: Scorecard): string {
  const r = card.requirements;
  const t = card.thresholds;
  if (r.status === 'no_data') return '无培训日';
  const short = r.hours.days.filter((d) => !d.ok).map((d) => `${md(d.day)} ${formatHours(d.hours)}`);
  const late = r.reviews.items.filter((i) => !i.ok);
  const never = late.filter((i) => i.delayDays === null).length;
  const problems = [
    short.length ? `授课不足 ${t.minHoursPerDay} 小时：${few(short, 2, '天')}` : '',
    r.timetable.status === 'fail' ? (r.timetable.providedLocal ? `课表 ${r.timetable.providedLocal.slice(5)} 才提供（开班 ${md(r.timetable.startDate)}）` : '未提供课表') : '',
    r.homework.missingDays.length ? `缺作业：${few(r.homework.missingDays.map(md), 3, '天')}` : '',
    late.length > never ? `点评超过次日 ${late.length - never} 项` : '',
    never ? `未点评 ${never} 项` : '',
  ].filter(Boolean);
  return problems.length ? problems.join('；') : `每天≥${t.minHoursPerDay}小时、开班前交课表、每日作业、次日点评都达标`;
}

/** Criterion 2 on one line: questions answered, reviews written, sessions cut short; ❌ on the part that failed. */
function interactionSummary(card: Scorecard): string {
  const i = card.interaction;
  const t = card.thresholds;
  const fail = (s: CheckStatus) => (s === 'fail' ? ' ❌' : '');
  const q =
    i.questions.asked === 0
      ? '无学员提问'
      : `解答 ${i.questions.answered}/${i.questions.asked} = ${pct(i.questions.share)}${i.questions.status === 'fail' ? ` ❌（需≥${pct(t.minAnsweredShare)}；${answersCounted(ANSWER_WINDOW_MINUTES)}）` : ''}`;
  const rv = i.reviews.submissions === 0 ? '无作业提交' : `点评 ${i.reviews.reviewed}/${i.reviews.submissions}${fail(i.reviews.status)}`;
  const cut =
    i.cutShort.status === 'no_data'
      ? '无下课记录'
      : i.cutShort.sessions.length === 0
        ? '未提前下课'
        : `提前下课 ${few(
            i.cutShort.sessions.map((s) => `${md(s.day)} ${s.minutesShort} 分钟`),
            2,
            '节',
          )}${fail(i.cutShort.status)}`;
  return [q, rv, cut].join(' · ');
}

/**
 * Criterion 3 on one line: the lecturer's first training day against the last, or the day the
 * sustained drop began. The figure is 出勤率 as the digest and the brief mean it (到课 ÷ 应到,
 * both in 人次, approved leave out of 应到), and the line says so.
 */
function attendanceSummary(card: Scorecard): string {
  const a = card.attendanceDrop;
  const rated = a.days.filter((d) => d.rate !== null);
  const last = rated[rated.length - 1];
  if (a.dayOneRate === null || !last) return rated.length ? '首日无人应到，无法比较' : '无出勤数据';
  const span = `${ATTENDANCE_RATE_DEFINED}${rated.length > 1 ? `首日 ${pct(a.dayOneRate)} → 末日 ${pct(last.rate)}` : `首日 ${pct(a.dayOneRate)}`}`;
  if (a.dropDay) return `自 ${md(a.dropDay)} 起低于警戒线 ${pct(a.floorRate)} 且持续下降；${span}`;
  const below = a.days.filter((d) => d.belowFloor).length;
  return `${span}${below ? `，${below} 天低于警戒线后回升` : '，未骤降'}`;
}

/** Criterion 4 on one line: the satisfied share against the minimum. */
function feedbackSummary(card: Scorecard): string {
  const f = card.feedback;
  const t = card.thresholds;
  if (f.respondents === 0) return '无人填写反馈';
  return `满意（${t.satisfiedMinScore}–5 分）${f.satisfied}/${f.respondents} = ${pct(f.share)}，需≥${pct(t.minSatisfiedShare)}`;
}

/** The first line: the lecturer and the verdict with what it costs. */
function verdictLine(card: Scorecard): string {
  const v = card.verdict;
  const head = `📋 讲师考核表：${card.lecturerName}`;
  if (v.passed) return `${head} ✅ 通过，课酬全额支付${v.feeYuan !== undefined ? `（${yuan(v.feeYuan)}）` : ''}`;
  const money = v.withheldYuan !== undefined && v.payableYuan !== undefined ? `（${yuan(v.withheldYuan)}，实付 ${yuan(v.payableYuan)}）` : '';
  return `${head} ❌ 未通过 ${v.failedCriteria.length} 项，拒付课酬 ${pct(v.withheldShare)}${money}`;
}

/**
 * The scorecard as staff chat text, one phone screen (at most SCORECARD_MAX_LINES lines): the
 * verdict first, the cohort, one line per criterion with ✅/❌/— and the figure behind it (a
 * criterion without data is never counted as failed, and says so), 情节严重 when several
 * failed, the lecturer's tier, and last where the day-by-day records are (#导出).
 */
export function renderScorecard(card: Scorecard): string {
  const { cohort, verdict: v } = card;
  const noData = (k: CriterionKey) => (v.noDataCriteria.includes(k) ? `，${SCORECARD_NO_DATA}` : '');
  const criterion = (n: number, k: CriterionKey, status: CheckStatus, summary: string) => `${MARK[status]} ${n}. ${CRITERION_NAMES[k]}：${summary}${noData(k)}`;
  const lines = [
    verdictLine(card),
    `班级：${cohort.name}${cohort.code ? `（${cohort.code}）` : ''}，开班 ${cohort.startDate}`,
    criterion(1, 'requirements', card.requirements.status, requirementsSummary(card)),
    criterion(2, 'interaction', card.interaction.status, interactionSummary(card)),
    criterion(3, 'attendanceDrop', card.attendanceDrop.status, attendanceSummary(card)),
    criterion(4, 'feedback', card.feedback.status, feedbackSummary(card)),
  ];
  if (v.severe) lines.push(SCORECARD_SEVERE);
  lines.push(...renderLecturerTier(card.lecturerTier), SCORECARD_DETAILS_IN_EXPORT);
  return lines.join('\n');
}
