/**
 * The pipeline's user-facing wording (SPEC §2): the cross-cutting refusals every command may
 * meet (wrong place, no cohort, wrong role, malformed arguments), 帮助's own lines, and the
 * apology for a failure that is not the user's. Features build on these; this file imports
 * no feature.
 */
import { ROLE_NAMES } from '../domain/role-names';
import type { Role } from '../domain/types';

/** Ends every refusal: a refused command changes nothing. */
export const NOTHING_CHANGED = '本次没有做任何改动。';

/** A group-only command used in private chat. */
export function groupOnly(command: string): string {
  return `「${command}」要在班级群里使用。`;
}

/** A private-only command used in a group. */
export function privateOnly(command: string): string {
  return `「${command}」请私聊我使用。`;
}

/** A command that needs a cohort, sent in a group no cohort is bound to; 帮助 shows it too. */
export const GROUP_NOT_BOUND = '本群还没有绑定班级。请工作人员先发送 #新建班级 <名称> <开始日期> <结束日期>，再在本群发送 #绑定 <班级码>。';

/** A command that needs a cohort, sent privately by someone in no cohort. */
export const NOT_IN_COHORT = '你还没有加入任何班级。请在班级群里使用，或联系工作人员。';

/** How the sender's roles read when they hold none. */
export const NO_ROLE = '未登记';

/** A command its sender's roles do not allow: who may, who the sender is, and that nothing changed. */
export function roleRefusal(command: string, allowed: readonly Role[], mine: readonly Role[]): string {
  const who = allowed.map((r) => ROLE_NAMES[r]).join('、');
  const me = mine.length > 0 ? mine.map((r) => ROLE_NAMES[r]).join('、') : NO_ROLE;
  return `「${command}」只有${who}可以使用（你的身份：${me}），${NOTHING_CHANGED}`;
}

/**
 * How to get the role a refused command needs, or '' when there is nothing to ask for: staff
 * are named by a cohort's staff with 授权, or are administrators (ADMIN_IDS, or a one-time code
 * from `cohort-bot admin invite`, which is how the very first one gets in); the office role
 * belongs to administrators only; lecturers are named with 授权.
 */
export function howToGetRole(allowed: readonly Role[]): string {
  const claim = '还没有管理员时，请部署机器人的人运行 cohort-bot admin invite 生成认领码，你私聊我发送 #认领管理员 <认领码>';
  if (allowed.includes('staff')) return `需要工作人员身份的话：请本班工作人员在群里发送 #授权 @你 工作人员；${claim}。`;
  if (allowed.includes('office')) return `领导组办公室的权限属于管理员：请部署机器人的人把你的账号加入 ADMIN_IDS，或运行 cohort-bot admin invite 生成认领码，你私聊我发送 #认领管理员 <认领码>。`;
  if (allowed.includes('lecturer')) return '需要讲师身份的话：请本班工作人员在群里发送 #授权 @你 讲师。';
  return '';
}

/** Malformed arguments: the schema's Chinese hint if any, the right form and the first example. */
export function formatRefusal(hint: string | undefined, usage: string, example: string | undefined): string {
  return `格式不对${hint ? `：${hint}` : ''}。正确用法：${usage}${example ? `\n例如：${example}` : ''}`;
}

/** An @bot message that names no command. */
export const NOT_UNDERSTOOD = '我没看懂这条命令。发送 #帮助 看看我能做什么。';

/** The apology for a failure that is not the user's; the event may be redelivered. */
export const SYSTEM_BUSY = '系统繁忙，请稍后再试。';

/** The same, when the bot keeps the message and runs it again by itself (a second copy would be filed twice). */
export const SYSTEM_BUSY_WILL_RETRY = '系统繁忙，你的消息已记下，恢复后会自动处理，不用重发。';

/** A kept message that failed on every retry: now the sender must send it again. */
export const SYSTEM_GAVE_UP = '抱歉，系统故障持续，你刚才的消息没能处理，请稍后重新发送。';

/** What to tell the sender of a command whose handling failed for a reason not theirs, by delivery; null when a retry is already promised. */
export function failureReply(delivery: { attempt: number; last: boolean }): string | null {
  if (!delivery.last) return delivery.attempt === 1 ? SYSTEM_BUSY_WILL_RETRY : null;
  return delivery.attempt === 1 ? SYSTEM_BUSY : SYSTEM_GAVE_UP;
}

/** A cohort code argument that is absent. */
export const COHORT_CODE_MISSING = '缺少班级码';

/** The shape of a cohort code, for any argument that is not one. */
export const COHORT_CODE_FORM = '班级码是 6 位字母或数字';

/** 帮助's wording: its own declaration and the lines it answers with. */
export const HELP = {
  summary: '看看我能做什么',
  usage: '#帮助 [命令]',
  example: '#帮助 签到',
  heading: '我能帮你做这些（命令前加 # 或 /）：',
  footer: '发送 #帮助 <命令> 查看用法和例子。',
} as const;

/** 帮助 about a command that does not exist. */
export function unknownCommand(topic: string): string {
  return `没有「${topic}」这个命令。发送 #帮助 查看全部。`;
}

/** A mistyped command with a likely meaning (#签道 → 签到). */
export function didYouMean(command: string): string {
  return `你是不是想发 #${command}？发送 #帮助 查看全部命令。`;
}

/** A command that takes nothing, sent with words after it. */
export function takesNoArguments(command: string): string {
  return `「${command}」后面不用加内容`;
}

/** 帮助 about one command: its names and summary, the usage, the examples and why the sender may not run it. */
export function commandDetail(c: { name: string; alias: string; summary: string; usage: string; examples: readonly string[]; refusal: string | null }): string {
  const lines = [`#${c.name}（/${c.alias}）：${c.summary}`, `用法：${c.usage}`];
  if (c.examples.length) lines.push(`例如：${c.examples.join('\n')}`);
  if (c.refusal) lines.push(`提示：${c.refusal}`);
  return lines.join('\n');
}

/** One line of 帮助's overview. */
export function commandLine(name: string, summary: string): string {
  return `#${name} — ${summary}`;
}

/** The name shown for someone whose platform gave no display name. */
export const NAMELESS = '（无昵称）';
