/**
 * Reporting's user-facing wording (SPEC §3.6, §3.9): 日报, 简报, 导出 and 我的. The digest,
 * brief and archive bodies are built line by line where they are rendered; the labels they
 * share with other features come from those features' texts.
 */

/** 日报 with a date that is not one. */
export const DIGEST_DATE_FORM = '日期写成 03-02 或 2027-03-02，不写就是今天';

/** The digest's verdict when nothing needs staff: with the day's attendance rate when sessions were held. */
export function digestAllClear(rate: string | null): string {
  return `✅ 一切正常，无需处理${rate !== null ? `（出勤率 ${rate}）` : ''}`;
}

/** The digest's verdict naming what needs staff, most urgent first. */
export function digestNeedsAttention(issues: string): string {
  return `⚠️ 需处理：${issues}`;
}

// One meaning per word across the digest, the brief and the lecturer scorecard:
// 到课 = trainee-sessions signed in (on time or late), counted in 人次 (one trainee at one session);
// 应到 = trainee-sessions enrolled, less those approved leave covers (人次);
// 出勤率 = 到课 ÷ 应到; 人 = distinct trainees. Figures since the cohort began say 累计.

/** The attendance figure everywhere: the rate with its two counts named, so 到课 always reads as 人次; `note` adds to the brackets. */
export function attendanceRate(rate: string, present: number, expected: number, note?: string): string {
  return `出勤率 ${rate}（到课/应到 ${present}/${expected} 人次${note ? `，${note}` : ''}）`;
}

/** What approved leave is: outside the 应到 count (and, for homework, the 应交 count). */
export const NOT_EXPECTED = '不计入应到';

/** The homework line's trainees excused by approved leave for the homework's day; empty when none. */
export function homeworkLeave(count: number): string {
  return count > 0 ? `，请假 ${count} 人（不计入应交）` : '';
}

/** Why a trainee needs attention: absences and missed homework since the cohort began, said as cumulative. */
export function cumulativeRisk(absences: number, missedHomework: number): string {
  return `累计${[absences > 0 ? `缺勤${absences}节` : '', missedHomework > 0 ? `缺交作业${missedHomework}次` : ''].filter(Boolean).join('、')}`;
}

/** The digest's last line: the full name lists and per-session figures are in the workbooks. */
export const DIGEST_DETAILS_IN_EXPORT = '完整名单和明细：发送 #导出 签到表 或 #导出 成绩表';

/** 简报 with an argument that is neither a date nor a week. */
export const BRIEF_ARG_FORM = '写日期（如 03-02）或 本周，不写就是今天';

/** 简报 of a day with no session begun yet. */
export function noBriefYet(day: string): string {
  return `${day.slice(5)} 还没有上过课，没有简报。发送 #简报 本周 查看本周。`;
}

/** A brief about a session that does not exist. */
export const SESSION_UNKNOWN = '找不到这节课。';

/** A week brief from a start day that is not a date. */
export const WEEK_START_UNREADABLE = '日期看不懂，请写成 2027-03-01。';

/** 导出 without a kind it knows. */
export function exportKindRequired(kinds: readonly string[]): string {
  return `要写导出哪一种：${kinds.join('、')}`;
}

/** The message that comes with an archive file. */
export function archiveCaption(cohortName: string, kind: string, fileName: string): string {
  return `「${cohortName}」${kind}：${fileName}`;
}

/** The group's one line when a staff report was asked for there and sent privately. */
export function reportSentPrivately(report: string): string {
  return `${report}含学员个人情况，已私聊发给你，不在群里公开。`;
}

/** 导出 asked for in a group: the file went privately. */
export function archiveSentPrivately(kind: string): string {
  return `${kind}含学员个人信息，已私聊发给你。`;
}

// End of training: 优秀学员 is the tier (as evaluated); 推荐名单 (worded by the points feature) is the list put forward for staff to review.

/** The end-of-training report's first line. */
export function endOfTrainingHeading(cohortName: string): string {
  return `🎓「${cohortName}」培训结束`;
}

/** How many trainees ended in each tier. */
export function tierCounts(tiers: { name: string; count: number }[]): string {
  return `等级评定：${tiers.map((t) => `${t.name} ${t.count} 人`).join('，')}`;
}

/** The end-of-training report's line about the archive workbook, which follows as a file. */
export function archiveFollows(fileName: string): string {
  return `📎 培训档案 ${fileName} 随后以文件私聊发送。`;
}

/**
 * Said instead of sending an archive where the platform cannot send files (导出, and the archive
 * at the end of training): how staff get it, never a server path.
 */
export function archiveNotSendable(cohortName: string, cohortCode: string, kind = '档案'): string {
  return `「${cohortName}」${kind === '档案' ? '培训档案' : kind}：本平台机器人不能发送文件，请管理员在控制台运行 cohort-bot export ${cohortCode} ${kind} 获取。`;
}

/** 我的: the heading of a trainee's record. */
export function myRecordHeading(cohortName: string, name: string): string {
  return `「${cohortName}」${name} 的记录`;
}

/** 我的: homework submitted and the average review. */
export function myHomework(submitted: number, assigned: number, averageReview: number | null): string {
  return `作业：已交 ${submitted}/${assigned}${averageReview !== null ? `，平均 ${averageReview} 分` : ''}`;
}

/** 我的: points, rank and tier. */
export function myStanding(points: number, rank: number, of: number, tier: string): string {
  return `积分：${points} 分，全班第 ${rank}/${of} 名，等级：${tier}`;
}

/** 我的: leave from today on, approved or waiting for staff. */
export function myUpcomingLeave(items: { day: string; sessionNo?: number; approved: boolean }[]): string {
  return `请假：${items.map((i) => `${i.day.slice(5)} ${i.sessionNo ? `第${i.sessionNo}节` : '全天'}（${i.approved ? '已批准' : '待审批'}）`).join('、')}`;
}

/** 导出 with a word after the kind that only 回访 takes. */
export const FULL_PHONES_ONLY_FOLLOW_UP = '只有 #导出 回访 可以加「完整号码」（回访打电话用），其他表格都只显示打码的号码';

/** The caption's addition when the 回访 workbook carries full numbers. */
export const FULL_PHONES_CAPTION = '\n含完整手机号，仅供回访打电话使用，请勿转发；本次导出已记录。';
