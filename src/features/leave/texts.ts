/** Leave's user-facing wording (SPEC §3.2): 请假 and the staff's decisions. A reason or note is people's own text: a phone in it is masked. */
import { maskPhonesInText } from '../../kernel/privacy';

/** 请假 without a reason. */
export const REASON_REQUIRED = '请写明请假原因';
/** 请假 with a reason too long. */
export const REASON_TOO_LONG = '原因最多 200 个字';
/** 批准请假/驳回请假 without a number. */
export const LEAVE_NUMBER_REQUIRED = '需要请假编号（数字）';

/** A leave day outside the training period. */
export function dayOutsideCohort(day: string, start: string, end: string): string {
  return `${day} 不在培训期 ${start} 至 ${end} 内。`;
}

/** A decision about a number nobody filed. */
export function leaveNotFound(no: number): string {
  return `没有编号为 ${no} 的请假。`;
}

/** A decision about a request already decided. */
export function leaveAlreadyDecided(no: number, approved: boolean): string {
  return `第 ${no} 号请假已经${approved ? '批准' : '驳回'}过了。`;
}

/** A whole day asked for, as a request reads in chat. */
export function wholeDay(label: string): string {
  return `${label} 全天`;
}

/** How a request reads in chat: the session or the day, and the reason. */
export function leaveLine(what: string, reason: string): string {
  return `${what}，原因：${maskPhonesInText(reason)}`;
}

/** 请假 filed. */
export function leaveRequested(no: number, line: string): string {
  return `已提交请假（编号 ${no}）：${line}。请等待工作人员审批。`;
}

/** A decision in a word. */
function verdict(approved: boolean): string {
  return approved ? '已批准' : '未批准';
}

/** A decision, as the trainee hears it (privately and in the groups, so reason and note are masked). */
export function leaveDecided(r: { no: number; day: string; reason: string }, approved: boolean, note: string): string {
  return `你的请假（编号 ${r.no}，${r.day.slice(5)}，${maskPhonesInText(r.reason)}）${verdict(approved)}${note ? `：${maskPhonesInText(note)}` : ''}。`;
}

/** A decision, as staff deciding in private chat hear it. */
export function leaveDecisionDone(no: number, name: string, approved: boolean): string {
  return `${verdict(approved)}第 ${no} 号请假（${name}）。`;
}

/** 请假 out of class hours with no day named. */
export const DAY_MISSING = '请写明哪天请假，例如：#请假 家里有事 明天、#请假 家里有事 12月5日 或 #请假 家里有事 第3节。本次没有提交。';

/** 请假 naming a date that is not on the calendar. */
export function dayUnreadable(word: string): string {
  return `「${word}」不是有效的日期，请写成 12月5日 或 12-05。本次没有提交。`;
}

/** 请假 naming two days or more. */
export function severalDays(days: string[]): string {
  return `你写了 ${days.length} 个日期（${days.map((d) => d.slice(5)).join('、')}），请每天发一条请假。本次没有提交。`;
}

const PART_NAMES = { morning: '上午', afternoon: '下午', evening: '晚上' } as const;

/** 上午/下午 on a day with no class then. */
export function noClassInPart(day: string, part: keyof typeof PART_NAMES): string {
  return `${day.slice(5)} ${PART_NAMES[part]}没有课，不用请假。请看 #课表 核对日期。本次没有提交。`;
}

/** 上午/下午 on a day with several classes then. */
export function severalInPart(day: string, part: keyof typeof PART_NAMES, numbers: number[]): string {
  return `${day.slice(5)} ${PART_NAMES[part]}有 ${numbers.length} 节课（第 ${numbers.join('、')} 节），请写明第几节，例如 #请假 家里有事 第${numbers[0]}节；整天请假就不写上午下午。本次没有提交。`;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** What a leave day is to the trainee: its weekday and, when near, 今天/明天/后天 (so a misread day is seen at once). */
export function dayNote(day: string, today: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const offset = Math.round((d.getTime() - new Date(`${today}T00:00:00Z`).getTime()) / 86_400_000);
  const near = ['今天', '明天', '后天'][offset];
  return `（周${WEEKDAYS[(d.getUTCDay() + 6) % 7]}${near ? `，${near}` : ''}）`;
}
