/** Leave's user-facing wording (SPEC §3.2): 请假 and the staff's decisions. */

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
export function wholeDay(day: string): string {
  return `${day.slice(5)} 全天`;
}

/** How a request reads in chat: the session or the day, and the reason. */
export function leaveLine(what: string, reason: string): string {
  return `${what}，原因：${reason}`;
}

/** 请假 filed. */
export function leaveRequested(no: number, line: string): string {
  return `已提交请假（编号 ${no}）：${line}。请等待工作人员审批。`;
}

/** A decision in a word. */
function verdict(approved: boolean): string {
  return approved ? '已批准' : '未批准';
}

/** A decision, as the trainee hears it (privately and in the groups). */
export function leaveDecided(r: { no: number; day: string; reason: string }, approved: boolean, note: string): string {
  return `你的请假（编号 ${r.no}，${r.day.slice(5)}，${r.reason}）${verdict(approved)}${note ? `：${note}` : ''}。`;
}

/** A decision, as staff deciding in private chat hear it. */
export function leaveDecisionDone(no: number, name: string, approved: boolean): string {
  return `${verdict(approved)}第 ${no} 号请假（${name}）。`;
}
