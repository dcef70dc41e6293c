/**
 * Feedback's user-facing wording (SPEC §3.5): the survey and its replies, 讲师资料, and the
 * labels the scorecard and the lecturer tiers share. The scorecard's body is built line by
 * line in render-scorecard.ts.
 */
import type { LecturerCertificateKind } from '../../domain/types';

// Survey

/** How a trainee answers, shown in the questions and in every usage reply. */
export const SURVEY_ANSWER_FORM = '满意度 内容 节奏（各 1–5 分）+ 建议，例如：5 4 4 希望多讲直播';

/** Who a survey is about when the timetable names no lecturer. */
export const LECTURER_FALLBACK = '本班讲师';

/** The survey questions sent privately to each trainee (seed: 四(二)5 培训意见反馈表). */
export function surveyQuestions(cohortName: string, lecturerName: string): string {
  return [
    `「${cohortName}」培训反馈（${lecturerName || LECTURER_FALLBACK}）`,
    '请按 1–5 分回答（5 最好）：① 对讲师是否满意 ② 课程内容是否有用 ③ 讲课节奏是否合适，再写一句希望改进的地方。',
    `直接回复：${SURVEY_ANSWER_FORM}`,
    '反馈不记名，讲师看不到是谁填写的。约 24 小时内有效。',
  ].join('\n');
}

/** An answer stored: 反馈 and a plain private reply say the same. */
export const FEEDBACK_THANKS = '谢谢你的反馈！已匿名记录。';

/** A second answer to the same survey. */
export const FEEDBACK_ALREADY = '你已经填写过这份反馈了，谢谢！';

/** 反馈 with no survey open for the trainee. */
export const SURVEY_NONE = '现在没有需要你填写的反馈。';

/** An answer sent before the survey about the lecturer opened; it is not kept, the questions come after `endsAt`. */
export function surveyNotOpenYet(lecturerName: string, endsAt: string): string {
  return `问卷还没开始，这次的回复没有记录。${lecturerName || LECTURER_FALLBACK}的课程结束后（${endsAt}）会私信发给你，到时再按「5 4 4 建议」这样回复。`;
}

/** An answer that does not read as `5 4 4 建议`. */
export const SURVEY_NOT_UNDERSTOOD = `没看懂你的反馈。请回复：${SURVEY_ANSWER_FORM}`;

// 讲师资料

/** How a lecturer or staff records the profile; shown in usage replies and wherever a profile is missing. */
export const LECTURER_PROFILE_USAGE = '#讲师资料 [@讲师] 年龄 <岁>|出生 <yyyy-MM-dd> 从业 <年> 证书 <证书1,证书2>|无 [从业证明 有|无]';

/** A filled-in example of the command, for usage replies and hints. */
export const LECTURER_PROFILE_EXAMPLE = '#讲师资料 @张老师 年龄 45 从业 8 年 证书 T1讲师证,支付宝大学讲师证';

/** Why a 讲师资料 message is malformed. */
export const LECTURER_PROFILE_ERRORS = {
  oneLecturer: '一次只能填写一位讲师的资料',
  noField: '请至少写一项：年龄（或出生）、从业、证书、从业证明',
  unreadable: (text: string) => `看不懂「${text}」`,
  twice: (keyword: string) => `「${keyword}」写了两次`,
  age: '年龄要写 18–100 的整数，例如：年龄 45',
  birthDate: '出生日期要写成 1980-05-01 这样的日期',
  years: '从业年限要写 0–60 的年数，例如：从业 8 年',
  certificateNames: '证书要写名称，多个用逗号分开；没有证书写：证书 无',
  certificateLimits: '证书最多 10 个，每个名称不超过 40 个字',
  proof: '从业证明写「有」或「无」',
  ageAndBirth: '年龄和出生日期只写一个',
} as const;

/** A lecturer filling in someone else's profile. */
export const LECTURER_PROFILE_NOT_OWN = '讲师只能填写自己的资料；其他讲师的资料请本人或工作人员填写。';

/** 讲师资料 about someone who is not a lecturer of the cohort. */
export function notALecturer(name: string | null): string {
  return name !== null
    ? `${name} 还不是本班讲师，请先发送 #授权 @${name} 讲师。`
    : `你不是本班讲师。工作人员请 @ 要填写资料的讲师，例如：${LECTURER_PROFILE_EXAMPLE}`;
}

/** 讲师资料 stored: what the profile now says and what it still lacks for a tier. */
export function lecturerProfileRecorded(name: string, described: string, missing: string[]): string {
  return (
    `已记录 ${name} 的讲师资料：${described}。` +
    (missing.length > 0 ? `\n还缺${missing.join('、')}，补全后才能评定讲师等级。` : '\n讲师等级将在讲师考核表和结业报告中评定。')
  );
}

/** A profile field nobody stated. */
export const NOT_STATED = '未填';

// Tier labels

// Keyed by literal names rather than lecturer-tier's and scorecard's types, which import this file.

/** Chinese names of the lecturer tiers, as the office uses them (seed (四)). */
export const LECTURER_TIER_NAMES: Readonly<Record<'expert' | 'midSenior' | 'ordinary', string>> = Object.freeze({
  expert: '专家级',
  midSenior: '中高级',
  ordinary: '普通级',
});

/** Chinese names of the certificate kinds, shown next to each certificate so staff see how it counts. */
export const CERTIFICATE_KIND_NAMES: Readonly<Record<LecturerCertificateKind, string>> = Object.freeze({
  t1: 'T1 讲师证',
  expert: '专家级证书',
  platform: '平台证书',
  skill: '专业技能证书',
  lecturer: '讲师证',
  other: '其他，不计入等级',
});

/** The heading of a lecturer's tier on the scorecard and in the end-of-cohort report. */
export const LECTURER_TIER_LABEL = '讲师等级';

/** What the profile lacks for a tier rule. */
export const DATA_MISSING = '缺少资料';

/** A certificate or timetable the lecturer did not provide. */
export const NOT_PROVIDED = '未提供';

/** A practitioner without a certificate who provided proof of employment (seed (二)1). */
export const NO_CERTIFICATE_WITH_PROOF = '无证书，已提供从业证明';

/** Chinese names of the four scorecard criteria, in seed (五) wording. */
export const CRITERION_NAMES: Readonly<Record<'requirements' | 'interaction' | 'attendanceDrop' | 'feedback', string>> = Object.freeze({
  requirements: '是否完成主办方的要求',
  interaction: '课堂氛围及互动情况',
  attendanceDrop: '参与学员是否骤降',
  feedback: '学员反馈',
});

/**
 * Criterion 3's figure, named with its definition: 出勤率 = 到课人次 ÷ 应到人次 per training day of
 * the lecturer, approved leave out of 应到 (the digest's and the brief's 出勤率).
 */
export const ATTENDANCE_RATE_DEFINED = '出勤率（到课人次/应到人次，已扣除请假）';

/** A scorecard criterion without data: not counted as failed, staff should check. */
export const SCORECARD_NO_DATA = '未计为不合格，请工作人员核实';

/** The scorecard's flag when several criteria failed (seed (五) 情节严重者). */
export const SCORECARD_SEVERE = '⚠️ 情节严重：建议终止合作（从此不产生其他合作），请培训办决定';

/** The scorecard's last line: the day-by-day records behind the figures are in the workbooks. */
export const SCORECARD_DETAILS_IN_EXPORT = '逐日出勤和反馈原文：发送 #导出 签到表 或 #导出 反馈表';

/** How the scorecard counts a lecturer's answers, said next to the figure. */
export function answersCounted(windowMinutes: number): string {
  return `引用或 @ 学员的回复、提问后 ${windowMinutes} 分钟内讲师的发言都算解答`;
}
