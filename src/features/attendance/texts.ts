/** Attendance's user-facing wording (SPEC §3.1): status names, 签到/签退 replies and the sign-in board. */
import type { AttendanceStatus, CohortSettings } from '../../domain/types';

/** Chinese names of the attendance statuses: 我的, the board, the digest, briefs and the archives all use these. */
export const ATTENDANCE_STATUS_NAMES: Readonly<Record<AttendanceStatus, string>> = Object.freeze({
  on_time: '准时',
  late: '迟到',
  absent: '缺勤',
  leave: '请假',
});

/** A trainee enrolled at a session who has no record yet. */
export const NOT_SIGNED_IN = '未签到';

/** 签退 before the session's end without approved leave. */
export const EARLY_LEAVE = '早退';

/** On time but not the minutes early the cohort asks for (only where the cohort flags it). */
export const NOT_EARLY = '未提前入场';

/** Minutes late as a short mark (我的, the board): `7分钟`. */
export function lateMinutes(minutes: number): string {
  return `${minutes}分钟`;
}

/** A name list cut short on the board: the first names, then how many the list holds in all. */
export function andMore(shown: string, total: number): string {
  return `${shown} 等 ${total} 人`;
}

/** The board's last line: on-time names are not listed, and where the full list is. */
export const ROSTER_HINT = '完整名单：讲师或工作人员发 #签到名单';

/** 签到名单 in 帮助. */
export const ROSTER_SUMMARY = '查看本节课完整签到名单：准时、迟到、请假、未签到各是谁（讲师、工作人员；在群里发会私聊给你）';

/** 签到名单's right form. */
export const ROSTER_USAGE = '#签到名单';

/** 签到名单 asked in a group: the list went privately. */
export const ROSTER_SENT_PRIVATELY = '签到名单已私聊发给你，群里只显示人数。';

/** 签到名单 with no session of today whose sign-in has opened. */
export const NO_ROSTER_TODAY = '今天还没有开始签到的课程，暂无签到名单。';

/** The first line of the full list (签到名单) of one session. */
export function rosterHeading(when: string, title: string): string {
  return `📋 签到名单 ${when} ${title}`;
}

/** 签到's line in 帮助: the cohort's opening and arrive-early minutes (seed: 培训会场制度 (3)). */
export function signInSummary(settings: CohortSettings): string {
  return `上课签到（开课前 ${settings.signInOpensMinutes} 分钟开放，提前 ${settings.arriveEarlyMinutes} 分钟到场为准时）`;
}

/** 签到 while the cohort's plan is not approved (seed: 第五条). */
export const PLAN_NOT_APPROVED = '本班培训方案还没有经过领导组办公室批准，暂不能签到。请工作人员先 #提交方案，待办公室 #批准 后再开始上课。';

/** Sign-in while the plan is submitted and waits for the office. */
export const PLAN_AWAITING_APPROVAL = '本班培训方案已提交，正在等领导组办公室批准，批准后才能签到。请稍候，工作人员会通知大家。';

/** Sign-in while the plan was sent back by the office. */
export const PLAN_REJECTED = '本班培训方案被领导组办公室退回，正在修改，批准后才能签到。请稍候，工作人员会通知大家。';

/** A sign-in repeated after it was recorded. */
export function alreadySignedIn(when: string, status: AttendanceStatus, minutesLate: number, title: string): string {
  const shown = status === 'late' ? `${ATTENDANCE_STATUS_NAMES.late} ${minutesLate} 分钟` : ATTENDANCE_STATUS_NAMES.on_time;
  return `你已于 ${when} 签到（${shown}）：${title}`;
}

/** A sign-in before the next session's window opens. */
export function signInNotOpen(next: string, title: string, opensAt: string): string {
  return `现在还不能签到。下一节课：${next} ${title}，${opensAt} 起可以签到。`;
}

/** A sign-in outside any window, with the next session. */
export function notSignInTime(next: string, title: string): string {
  return `现在不在签到时间。下一节课：${next} ${title}。`;
}

/** A sign-in with no session open and none ahead. */
export const NO_SESSION_AHEAD = '现在没有正在签到的课程，课表里也没有后续课程。';

/** 签退 without a sign-in to end. */
export const SIGN_OUT_NOT_SIGNED_IN = '没有找到你今天的签到记录，无法签退。请先签到。';

/** 签退 repeated. */
export function alreadySignedOut(at: string): string {
  return `你已于 ${at} 签退过了。`;
}

/** 签退 before the end: early leave. */
export function signedOutEarly(at: string): string {
  return `已签退（${at}），早于下课时间，记为${EARLY_LEAVE}。`;
}

/** 签退 at or after the end. */
export function signedOut(at: string): string {
  return `已签退（${at}），辛苦了！`;
}
