/** Homework's user-facing wording (SPEC §3.3): 布置作业, 交作业, 点评, 优秀作业 and homework sent as chat. */
import { maskPhonesInText } from '../../kernel/privacy';
import { ATTENDANCE_STATUS_NAMES } from '../attendance';

/** The board's label of trainees excused by approved leave: the one word attendance uses for it. */
const LEAVE_NAME = ATTENDANCE_STATUS_NAMES.leave;

/** The label of a submission after its deadline. */
export const LATE_LABEL = '迟交';

/** Appended to an acknowledgement when the submission came after the deadline; empty when it did not. */
export function lateSuffix(late: boolean): string {
  return late ? `，已过截止时间，记为${LATE_LABEL}` : '';
}

/** 交作业's line in 帮助, with the minutes images may follow the text. */
export function submitSummary(imageWindowMinutes: number): string {
  return `提交作业（文字，随后 ${imageWindowMinutes} 分钟内发的图片也算）`;
}

/** 布置作业 without content. */
export const CONTENT_REQUIRED = '请写明作业内容';
/** 布置作业 with content too long. */
export const CONTENT_TOO_LONG = '作业内容最多 1000 字';

/** A deadline that cannot be read or has passed. */
export function deadlineUnreadable(text: string): string {
  return `截止时间“${text}”看不懂或已经过去，请写成 21:00 或 12-02 09:00。`;
}

/** The group's notice of a homework: its number of the day, content, deadline and how to submit. */
export function assignmentNotice(h: { seq: number; content: string; deadline: string; imageWindowMinutes: number }): string {
  const extra = h.seq > 1 ? `（今天第 ${h.seq} 项）` : '';
  return `📚 今日作业${extra}：${h.content}\n截止：${h.deadline}\n提交方法：发送 #交作业 <内容>，图片在交作业后 ${h.imageWindowMinutes} 分钟内发出即可。`;
}

/** 交作业 with neither text nor images. */
export const SUBMISSION_EMPTY = '作业内容是空的。请发送 #交作业 <内容>，图片可以随后发。';

/** 交作业 before any homework was assigned. */
export const NO_HOMEWORK = '现在没有布置的作业，等讲师 #布置作业 后再提交。';

/** 交作业 stored: which version, and late or not (said in the group when the trainee cannot be reached privately). */
export function submissionReceived(version: number, late: boolean): string {
  const versionNote = version > 1 ? `（第 ${version} 次提交，之前的也保留了）` : '';
  return `作业已收到${versionNote}${lateSuffix(late)}。`;
}

/** The short name of a homework on its board and in receipts: its first line, masked before it is cut to 16 characters, so no partial phone number shows. */
export function homeworkTitle(content: string): string {
  const first = Array.from(maskPhonesInText((content.split('\n', 1)[0] ?? '').trim()));
  return first.length > 16 ? `${first.slice(0, 16).join('')}…` : first.join('');
}

/** 交作业 stored, said to the trainee privately: which homework, which version, late or not. */
export function submissionReceipt(title: string, version: number, late: boolean): string {
  const versionNote = version > 1 ? `（第 ${version} 次提交，之前的也保留了）` : '';
  return `作业《${title}》已收到${versionNote}${lateSuffix(late)}。`;
}

/** A reply quoting the homework stored as a submission, said to the trainee privately. */
export function quotedSubmissionReceipt(title: string, late: boolean): string {
  return `作业《${title}》已收到（回复作业消息）${lateSuffix(late)}。`;
}

/** The board's label of trainees who handed in a homework more than once. */
export const RESUBMITTED_LABEL = '重交';
/** The board's label of trainees who have not handed in the homework. */
export const NOT_SUBMITTED_LABEL = '未交';

/**
 * The live homework board of a group: the homework, how many handed it in of those expected to,
 * late, resubmitted, who is excused by approved leave (请假, outside 已交 N/M) and who is missing.
 */
export function homeworkBoard(b: { title: string; deadline: string; submitted: number; total: number; late: number; resubmitted: number; missing: string[]; leave?: string[] }): string {
  const leave = b.leave ?? [];
  const counts =
    `已交 ${b.submitted}/${b.total}` +
    (b.late ? ` · ${LATE_LABEL} ${b.late}` : '') +
    (b.resubmitted ? ` · ${RESUBMITTED_LABEL} ${b.resubmitted}` : '') +
    (leave.length ? ` · ${LEAVE_NAME} ${leave.length}` : '') +
    (b.missing.length ? ` · ${NOT_SUBMITTED_LABEL} ${b.missing.length}` : '');
  const lines = [`📚 作业《${b.title}》 截止 ${b.deadline}`, counts];
  if (leave.length) lines.push(`📝 ${LEAVE_NAME}：${names(leave)}`);
  if (b.missing.length) lines.push(`⬜ ${NOT_SUBMITTED_LABEL}：${names(b.missing)}`);
  return maskPhonesInText(lines.join('\n'));
}

/** Names the board shows of those who have not handed in; a longer list ends in 「等 N 人」. */
const BOARD_MAX_NAMES = 8;

function names(list: string[]): string {
  return list.length > BOARD_MAX_NAMES ? `${list.slice(0, BOARD_MAX_NAMES).join('、')} 等 ${list.length} 人` : list.join('、');
}

/** A reply quoting the homework, stored as a submission (said in the group when the trainee cannot be reached privately). */
export function quotedSubmissionReceived(late: boolean): string {
  return `作业已收到（回复作业消息）${lateSuffix(late)}。`;
}

/** Images attached to the trainee's latest submission. */
export function imagesAttached(count: number): string {
  return `图片已加入你的作业（共 ${count} 张）。`;
}

/** 点评 without one trainee and a score. */
export const REVIEW_ARGS_MISSING = '需要 @ 一位学员并写分数';
/** 点评 with a score outside 0–100. */
export const SCORE_RANGE = '分数要在 0 到 100 之间';

/** 点评 of a trainee with nothing submitted. */
export function nothingToReview(name: string): string {
  return `${name} 还没有提交作业，无法点评。`;
}

/** 点评 alone with nothing waiting. */
export const REVIEW_QUEUE_EMPTY = '没有待点评的作业。';

/** 点评 alone: what waits for a review; each text is masked before it is cut, so no partial phone number shows. */
export function reviewQueue(items: { name: string; late: boolean; text: string; images: number }[]): string {
  return [
    `待点评 ${items.length} 份：`,
    ...items.map((s) => `${s.name}${s.late ? `（${LATE_LABEL}）` : ''}：${maskPhonesInText(s.text).slice(0, 30)}${s.images ? ` [图${s.images}]` : ''}`),
  ].join('\n');
}

/** A review as the group sees it. */
export function reviewPosted(score: number, comment: string): string {
  return `作业点评：${score} 分${comment ? `，${comment}` : ''}`;
}

/** The ledger's note of a review's points. */
export function reviewPointsDetail(score: number): string {
  return `点评 ${score} 分`;
}

/** 优秀作业 without one trainee. */
export const ONE_TRAINEE_REQUIRED = '需要 @ 一位学员';

/** 优秀作业 of a trainee with nothing submitted. */
export function nothingToShowcase(name: string): string {
  return `${name} 还没有提交作业。`;
}

/** 优秀作业 shown to the group. */
export function showcase(name: string, text: string): string {
  return `🌟 优秀作业 · ${name}\n${text}`;
}

/** The file name of a showcased submission's image (the group sees it; a phone in the nickname is masked). */
export function showcaseImageName(name: string, n: number, extension = 'jpg'): string {
  return `${maskPhonesInText(name)}-作业-${n}.${extension}`;
}

/** 点评 of several people with fewer scores than people. */
export function scoresPerTrainee(people: number): string {
  return `@ 了 ${people} 位学员，要写 ${people} 个分数，按 @ 的顺序：#点评 @甲 90 @乙 85 评语`;
}

/** 点评 <分数> with nobody @-mentioned and no submission quoted. */
export const REVIEW_WHOM = '点评谁？请 @ 学员，或引用（回复）他的作业消息再发 #点评 <分数> [评语]。本次没有点评。';

/** 点评 alone in a group: the queue went to the lecturer privately. */
export const REVIEW_QUEUE_SENT_PRIVATELY = '待点评的作业已私聊发给你。';

/** Reviews given in a private chat: who was reviewed (they hear it in the class group). */
export function reviewsDone(names: string[]): string {
  return `已点评：${names.join('、')}。点评已发到班级群。`;
}
