/**
 * Cohorts' user-facing wording (SPEC §2, §3.6): creation, binding, roles, plan approval, the
 * timetable, teaching markers and the newcomers' welcome. The reminders the jobs send are in
 * reminder-texts.ts.
 */
import type { CohortSettings } from '../../domain/types';
import type { DayHours } from './teaching-hours';
import { NOTHING_CHANGED } from '../../pipeline/texts';

/** A cohort id that no longer resolves (a job or report about a deleted cohort). */
export const COHORT_UNKNOWN = '找不到这个班级。';

/** A cohort code nobody created. */
export function cohortCodeNotFound(code: string): string {
  return `没有找到班级码 ${code}，请核对后重试。`;
}

/** A session number 课表 does not show. */
export function sessionNumberUnknown(no: number): string {
  return `课表里没有第 ${no} 节课，发送 #课表 查看编号。`;
}

/** Where a day's teaching hours came from, as the digest and the scorecard name it. */
export const HOURS_SOURCE_NAMES: Readonly<Record<DayHours['source'] | 'none', string>> = Object.freeze({
  actual: '上下课记录',
  timetable: '按课表',
  mixed: '部分按课表',
  none: '无课',
});

// 新建班级

/** 新建班级 without name or dates. */
export const CREATE_ARGS_MISSING = '需要名称、开始日期和结束日期';
/** 新建班级 with a name too long. */
export const COHORT_NAME_TOO_LONG = '班级名称最多 40 个字';
/** 新建班级 ending before it starts. */
export const END_BEFORE_START = '结束日期不能早于开始日期';

/** 新建班级 done: the code and the next steps. */
export function cohortCreated(c: { name: string; code: string; startDate: string; endDate: string; location: string }): string {
  return [
    `已新建班级「${c.name}」，班级码：${c.code}`,
    `培训期：${c.startDate} 至 ${c.endDate}${c.location ? `，地点：${c.location}` : ''}`,
    `下一步：在班级群里发送 #绑定 ${c.code}，再发送 #课表 录入课程，然后 #提交方案 等待办公室批准。`,
  ].join('\n');
}

// 绑定

/** A cohort code argument that is not one, when the schema gave no hint. */
export const COHORT_CODE_WRONG = '班级码不对';

/** 绑定 by someone who is not staff of that cohort. */
export const BIND_REFUSED = `「绑定」只有该班级的工作人员可以使用，${NOTHING_CHANGED}`;

/** 绑定 done. */
export function groupBound(name: string, code: string, enrolled: number, found: string[] = [], lecturerLike: string[] = []): string {
  const shown = found.length > 30 ? `${found.slice(0, 30).join('、')} 等 ${found.length} 人` : found.join('、');
  const lines = [`本群已绑定班级「${name}」（${code}），登记学员 ${enrolled} 人。`];
  if (found.length > 0) lines.push(`新登记为学员：${shown}`);
  for (const l of lecturerLike) lines.push(`「${l}」与课表讲师同名，没有登记为学员；是讲师请发 #授权 @${l} 讲师，是学员请发 #授权 @${l} 学员。`);
  lines.push('讲师和工作人员请用 #授权 @某人 讲师/工作人员 设定身份（他们不计入签到）。发送 #帮助 查看可用命令。');
  return lines.join('\n');
}

// 授权

/** 授权 without a person or a role. */
export const GRANT_ARGS_MISSING = '需要 @ 要授权的人，并写明 讲师、工作人员 或 学员';

/** 授权 with the person @-mentioned but no role word (or one it does not know). */
export function grantRoleMissing(names: string[], word: string): string {
  return word ? `「${word}」不是可授予的身份，请在 @${names[0]} 后面写 讲师、工作人员 或 学员` : `已 @ ${names.join('、')}，还要写明身份：讲师、工作人员 或 学员`;
}

/** 授权 with a role word but nobody @-mentioned. */
export function grantPersonMissing(role: string): string {
  return `要 @ 授予「${role}」身份的人（在群里输入 @ 选择），名字直接写不算`;
}

/** 授权 of the office role, which only configuration gives. */
export const OFFICE_ROLE_CONFIGURED = '领导组办公室的权限由系统配置（ADMIN_IDS）决定，不能在群里授权。';

/** 授权 done. */
export function roleGranted(names: string[], role: string): string {
  return `已将 ${names.join('、')} 设为本班${role}。`;
}

// 提交方案 / 批准 / 驳回

/** 批准/驳回 without a cohort code and outside a cohort. */
export const PLAN_CODE_REQUIRED = '请写上班级码，例如：#批准 K7Q2MX';

/** 驳回 without code or reason. */
export const REJECT_ARGS_MISSING = '需要班级码和驳回原因';

/** 提交方案 of an approved plan. */
export function planAlreadyApprovedNoResubmit(name: string): string {
  return `「${name}」的方案已经批准，无需再次提交。`;
}

/** 提交方案 before any timetable. */
export const PLAN_NEEDS_TIMETABLE = '提交方案前请先录入课表（#课表）。方案要包含培训时间、地点、内容、讲师和排期。';

/** 提交方案 of a plan already waiting. */
export function planAlreadySubmitted(name: string): string {
  return `「${name}」的方案已提交，正在等待办公室审批。`;
}

/** 批准 of an approved plan. */
export function planAlreadyApproved(name: string): string {
  return `「${name}」的方案已经批准过了。`;
}

/** 批准 of a plan not submitted. */
export function planNotSubmitted(name: string): string {
  return `「${name}」的方案还没有提交，不能批准。`;
}

/** 驳回 of a plan not waiting for a decision. */
export function planNotPending(name: string): string {
  return `「${name}」的方案不在待审批状态，不能驳回。`;
}

/** 提交方案 done. */
export function planSubmitted(name: string): string {
  return `「${name}」的培训方案已提交，等待领导组办公室批准。批准前不能签到，也不会发提醒。`;
}

/** The office's notice of a submitted plan. */
export function planWaitingForOffice(c: { name: string; code: string; startDate: string; endDate: string }): string {
  return `「${c.name}」（${c.code}）提交了培训方案，${c.startDate} 至 ${c.endDate}。批准请发送 #批准 ${c.code}，驳回请发送 #驳回 ${c.code} <原因>。`;
}

/** 批准 done. */
export function planApprovedReply(name: string): string {
  return `已批准「${name}」的培训方案，可以按课表开课了。`;
}

/** 驳回 done. */
export function planRejectedReply(name: string, reason: string): string {
  return `已驳回「${name}」的培训方案，原因：${reason}`;
}

/** A rejection, as the staff member who submitted the plan hears it privately. */
export function planRejectedToSubmitter(name: string, code: string, reason: string): string {
  return `「${name}」的培训方案被领导组办公室退回，原因：${reason}。请修改课表后重新 #提交方案 ${code}。`;
}

/** A rejection, as the class group hears it: nothing runs until a new plan is approved. */
export function planRejectedToGroup(reason: string): string {
  return `本班培训方案被领导组办公室退回（${reason}），工作人员修改后会重新提交；批准前暂不签到、不发提醒。`;
}

// 上课 / 下课

/** 上课/下课 with no session within an hour. */
export const NO_SESSION_TO_MARK = '现在前后一小时内没有课程，无法记录。发送 #课表 查看安排。';

/** 上课 recorded. */
export function classStarted(when: string, session: string): string {
  return `已记录上课 ${when}：${session}。请大家手机调为静音。`;
}

/** 上课 repeated. */
export const CLASS_START_ALREADY = '这节课已经记录过上课时间了。';

/**
 * 下课 recorded. The day's hours against the 6-hour minimum (seed: 讲师要求及职责 2(1)) are
 * judged once the day is over, in the staff digest, not in the group after one session.
 */
export function classEnded(when: string): string {
  return `已记录下课 ${when}。`;
}

// 课表

/** The right form of a timetable line, shown in replies. */
export const TIMETABLE_LINE_FORM = '12-01 09:00-12:00 标题 [讲师]';

/** 课表 改/删 without a session number. */
export const SESSION_NUMBER_REQUIRED = '需要课程编号（#课表 里的序号）';

/** 课表 改 without the new line. */
export const NEW_LINE_REQUIRED = '需要新的课程行，例如 12-01 09:00-12:00 直播基础';

/** Changing the timetable without the role. */
export const TIMETABLE_CHANGE_REFUSED = `修改课表只有讲师、工作人员可以使用，${NOTHING_CHANGED}`;

/** A cohort without a timetable yet. */
export function noTimetable(name: string): string {
  return `「${name}」还没有课表。讲师或工作人员请发送：\n#课表\n${TIMETABLE_LINE_FORM}`;
}

/** The timetable's heading. */
export function timetableHeading(name: string): string {
  return `「${name}」课表：`;
}

/** A timetable with bad lines: nothing saved, each line with its reason, and the right form. */
export function timetableErrors(errors: { line: number; text: string; reason: string }[]): string {
  return [
    '课表有误，本次没有保存任何课程：',
    ...errors.map((e) => `第 ${e.line} 行${e.text ? `「${e.text}」` : ''}：${e.reason}`),
    `每行格式：${TIMETABLE_LINE_FORM}`,
  ].join('\n');
}

/** Sessions saved, followed by the timetable. */
export function sessionsSaved(count: number, timetable: string): string {
  return `已保存 ${count} 节课。\n${timetable}`;
}

/** One session changed. */
export function sessionChanged(no: number, before: string, after: string): string {
  return `已修改第 ${no} 节：${before} → ${after}`;
}

/** One session cancelled. */
export function sessionCancelled(line: string): string {
  return `已取消：${line}`;
}

/** A changed session moved onto another's start. */
export const SESSION_CLASH = '这个时间已经有另一节课了，请换一个时间。';

/** Why one timetable line was rejected. */
export const TIMETABLE_LINE_ERRORS = {
  sameStart: (line: number) => `与第 ${line} 行开始时间相同`,
  noLines: '没有课程行',
  badDate: (text: string) => `日期“${text}”看不懂，请写成 12-01 或 2026-12-01`,
  badTime: (text: string) => `时间“${text}”看不懂，请写成 09:00-12:00`,
  endBeforeStart: '结束时间要晚于开始时间',
  noTitle: '缺少课程标题',
  outsideCohort: (day: string, start: string, end: string) => `日期 ${day} 不在班级培训期 ${start} 至 ${end} 内`,
} as const;

/** Why a timetable file was rejected. */
export const TIMETABLE_FILE_ERRORS = {
  headers: (missing: string) => `要有表头行（可在标题行下面）：日期、开始、结束、课程（讲师可选），缺少：${missing || '表头'}`,
  fileType: '只支持 .xlsx 或 .csv 文件',
  oldExcel: '这是旧版 Excel（.xls）文件，读不了：请在 Excel 里“另存为” Excel 工作簿（.xlsx）或 CSV（逗号分隔）后再导入',
  unreadableCsv: 'CSV 文件读不了，请在 Excel 里重新“另存为” CSV（逗号分隔）',
  unreadable: '文件打不开，不是有效的 .xlsx 文件',
  noSheet: '表格里没有工作表',
} as const;

// Members

/**
 * The group rules a newcomer is welcomed with (seed: 二(二)3 微信群管理, 培训会场制度 (3)(4)),
 * with the minutes early the cohort asks for.
 */
export function groupRules(settings: Pick<CohortSettings, 'arriveEarlyMinutes'>): string {
  return [
    '群规：严禁发布危害国家利益的言论，禁止涉及黄赌毒等敏感话题；',
    '相互包容、相互监督，禁止歧视、攻击、骚扰、过激等不良言行；',
    `上课提前 ${settings.arriveEarlyMinutes} 分钟入场并签到，不迟到、不早退；开课前手机调为静音。`,
  ].join('\n');
}

/** The welcome of newcomers to a bound group: the cohort, its rules, and how to register. */
export function welcome(cohortName: string, settings: Pick<CohortSettings, 'arriveEarlyMinutes'>): string {
  return `欢迎加入「${cohortName}」！\n${groupRules(settings)}\n请发送 #登记 <姓名> <手机> <乡镇/村> 完成学员登记。`;
}
