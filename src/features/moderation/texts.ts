/** Moderation's user-facing wording (SPEC §3.7): the rules quoted, warnings, staff notices, flood control and the staff commands. */
import type { ModerationRecord } from '../../domain/types';
import { maskPhonesInText } from '../../kernel/privacy';
import { ruleLabel, ruleWordName } from './rule-names';

/** How much of a doubtful message a review note quotes. */
const REVIEW_QUOTE_MAX = 300;

/** Chinese names of moderation actions: 审核, the digest and the training brief use these. */
export const MODERATION_KIND_NAMES: Readonly<Record<ModerationRecord['kind'], string>> = Object.freeze({
  warn: '警告',
  mute: '禁言',
  remove: '移出',
  escalate: '上报',
  flood: '刷屏',
});

/** The rule each category breaks, quoted in public warnings (seed: 二(二)3 微信群管理). */
export const RULE_TEXTS = {
  political: '严禁在群内发布任何危害国家利益的言论',
  vice: '禁止涉及黄赌毒等敏感话题',
  violence: '禁止发布暴力、恐怖等过激内容',
  abuse: '禁止歧视、攻击、骚扰、过激等不良言行',
  solicitation: '禁止发布广告、拉人加微信、刷单兼职等信息',
  other: '禁止发布违法违规信息',
} as const;

/** What staff should do where the bot could not recall a message. */
export const RECALL_TODO = '请群主或管理员撤回该消息';

/** What staff should do where the bot could not mute. */
export function askOwnerToMute(name: string, minutes: number): string {
  return `请群主在群设置中将 ${name} 禁言 ${minutes} 分钟`;
}

/** What staff should do where the bot could not remove. */
export function askOwnerToRemove(name: string): string {
  return `请群主将 ${name} 移出群聊`;
}

/** The group's notice after political content: never repeated, only the rule. */
export function politicalGroupNotice(recalled: boolean, rule: string): string {
  return `${recalled ? '一条消息已被撤回。' : ''}请大家遵守群规：${rule}。`;
}

/** Staff's notice of political content, escalated at once. */
export function politicalStaffNotice(n: { cohortName: string; no: number; who: string; rule: string; recalled: boolean }): string {
  return `⚠️ 「${n.cohortName}」群内出现涉政内容（第 ${n.no} 号记录）\n发送人：${n.who}\n命中规则：${ruleLabel(n.rule)}\n${n.recalled ? '消息已撤回。' : `${RECALL_TODO}。`}请及时处理。`;
}

/** The public warning: the rule, the count, and the ladder's thresholds. */
export function warningText(rule: string, active: number, ladder: { ttlHours: number; muteAfter: number; removeAfter: number }): string {
  return `请遵守群规：${rule}。这是第 ${active} 次提醒（${ladder.ttlHours} 小时内累计 ${ladder.muteAfter} 次禁言，${ladder.removeAfter} 次移出群）。`;
}

/** The warning followed by the mute the ladder reached. */
export function mutedByLadder(warning: string, active: number, minutes: number): string {
  return `${warning}\n已累计 ${active} 次，禁言 ${minutes} 分钟，期间发言将被忽略。`;
}

/** Staff's notice of a mute the ladder reached, with what they still have to do. */
export function mutedStaffNotice(cohortName: string, who: string, active: number, minutes: number, todo: string): string {
  return `「${cohortName}」${who} 累计 ${active} 次违规，已禁言 ${minutes} 分钟。${todo ? `${todo}。` : ''}`;
}

/** The warning followed by the removal the ladder reached. */
export function removedByLadder(warning: string, active: number, removed: boolean): string {
  return `${warning}\n已累计 ${active} 次，${removed ? '已移出本群' : '将被移出本群'}。`;
}

/** Staff's notice of a removal the ladder reached, with what they still have to do. */
export function removedStaffNotice(cohortName: string, who: string, active: number, removed: boolean, todo: string): string {
  return `「${cohortName}」${who} 累计 ${active} 次违规，${removed ? '已移出群聊' : `${todo}（本平台机器人无法移出）`}。`;
}

/** Told once per window to a member who floods. */
export function floodWarning(seconds: number, max: number): string {
  return `请勿刷屏：${seconds} 秒内最多 ${max} 条，稍后再发。`;
}

/** A staff command that names no single member. */
export const ONE_MEMBER_REQUIRED = '需要 @ 一位群成员';

/** 禁言 with minutes out of range. */
export const MUTE_MINUTES_RANGE = '禁言分钟数要是 1 到 10080 的整数';

/** The rule logged for a staff warning without a reason. */
export const STAFF_WARNING_RULE = '工作人员警告';

/** 警告 as the group sees it. */
export function staffWarning(reason: string, active: number, no: number): string {
  return `工作人员提醒${reason ? `：${reason}` : '：请遵守群规'}（第 ${active} 次，记录 ${no}）。`;
}

/** What staff should do where the bot could not mute on their 禁言. */
export function platformCannotMute(name: string, minutes: number): string {
  return `本平台机器人不能禁言，${askOwnerToMute(name, minutes)}`;
}

/** 禁言 done, with what staff still have to do. */
export function mutedByStaff(name: string, minutes: number, todo: string): string {
  return `已禁言 ${name} ${minutes} 分钟，期间其发言将被忽略。${todo ? `\n${todo}。` : ''}`;
}

/** 移出 done. */
export function removedByStaff(name: string): string {
  return `已将 ${name} 移出本群。`;
}

/** 移出 where the platform cannot. */
export function cannotRemove(todo: string): string {
  return `机器人无法在本平台移出成员。${todo}。`;
}

/** 解除 done. */
export function pardoned(name: string, n: number): string {
  return `已解除 ${name} 的 ${n} 条警告或禁言。`;
}

/** 解除 of someone with nothing in force. */
export function nothingToPardon(name: string): string {
  return `${name} 目前没有生效的警告或禁言。`;
}

/** 审核 撤销 without a number. */
export const RECORD_NUMBER_REQUIRED = '需要记录编号';

/** 审核 撤销 of a number that cannot be undone. */
export function nothingToUndo(no: number): string {
  return `没有可撤销的第 ${no} 号记录。`;
}

/** 审核 撤销 done. */
export function recordUndone(no: number, name: string, rule: string): string {
  return `已撤销第 ${no} 号记录（${name}，${ruleLabel(rule)}）。`;
}

/** 审核 with an empty log. */
export const LOG_EMPTY = '没有群管理记录。';

/** 审核: the latest records, one line each. */
export function logLines(records: { no: number; at: string; name: string; kind: ModerationRecord['kind']; rule: string; undone: boolean; appeal?: string; todo: string }[]): string {
  return [
    '最近的群管理记录：',
    ...records.map(
      (r) =>
        `${r.no}. ${r.at} ${r.name} ${MODERATION_KIND_NAMES[r.kind]} 规则：${ruleLabel(r.rule)}${r.undone ? '（已撤销）' : ''}${r.appeal !== undefined ? ` 申诉：${r.appeal}` : ''}${r.todo ? ` 待办：${r.todo}` : ''}`,
    ),
  ].join('\n');
}

/** 申诉 without a reason. */
export const APPEAL_REASON_REQUIRED = '请写申诉理由';

/** 申诉 from someone with no record. */
export const APPEAL_NOTHING = '没有找到针对你的群管理记录，无需申诉。';

/** Staff's notice of an appeal, with how to undo. */
export function appealNotice(cohortName: string, name: string, no: number, rule: string, text: string): string {
  return `「${cohortName}」${name} 对第 ${no} 号记录（${ruleLabel(rule)}）提出申诉：${text}\n撤销请发送 #审核 撤销 ${no}`;
}

/** 申诉 filed. */
export const APPEAL_SUBMITTED = '申诉已提交给工作人员，请等待处理。';

/**
 * Private note to staff about a message the detector is unsure of (review tier): the line (its
 * first 300 characters, phones masked before the cut) and why, nothing said in the group.
 */
export function reviewNote(n: { no?: number; cohortName: string; who: string; text: string; reasons: string[] }): string {
  const masked = maskPhonesInText(n.text);
  const quote = masked.length > REVIEW_QUOTE_MAX ? `${masked.slice(0, REVIEW_QUOTE_MAX)}…` : masked;
  const head = `【待审核${n.no !== undefined ? ` ${n.no}` : ''}】${n.cohortName}：${n.who} 的消息可能违规，未在群内处理，请人工判断。\n原文：${quote}\n依据：${n.reasons.join('；')}`;
  return n.no === undefined ? head : `${head}\n回复「#确认 ${n.no}」按违规处理（群里警告，计入累计）；回复「#忽略 ${n.no}」不处理，本班以后不再因同样的依据提示。`;
}

/** 确认/忽略 without a number, or with one that is not a whole number. */
export const REVIEW_NUMBER_REQUIRED = '请写上待审核编号，例如：#确认 12 或 #忽略 12';

/** No review note has that number. */
export function reviewNotFound(no: number): string {
  return `没有编号为 ${no} 的待审核消息，请核对提醒里的编号。`;
}

/** The sender is not staff of the cohort the note is about. */
export const REVIEW_NOT_YOURS = '这条待审核消息属于其他班级，只有该班的工作人员可以处理。';

/** The note was decided already (by this person or another). */
export function reviewAlreadyDecided(no: number, status: 'confirmed' | 'dismissed' | 'pending'): string {
  return `编号 ${no} 已经处理过了（${status === 'confirmed' ? '已确认违规' : '已忽略'}），没有重复处理。`;
}

/** 确认 done: what happened in the group. */
export function reviewConfirmed(no: number, who: string, groupText: string): string {
  return `已确认编号 ${no}：已在群里提醒 ${who}。\n群里看到的是：${groupText}`;
}

/** 忽略 done: what the cohort's detector learnt. */
export function reviewDismissed(no: number, words: readonly string[]): string {
  return `已忽略编号 ${no}，没有在群里处理。${words.length > 0 ? `本班以后不再因「${words.map(ruleWordName).join('」「')}」提示。` : ''}`;
}

/** How 敏感词 is used. */
export const WORDS_USAGE = '用法：#敏感词（查看本班词表）｜ #敏感词 添加 <词> <类别> ｜ #敏感词 删除 <词>。类别：政治、色情、赌博、毒品、暴恐、辱骂、广告';

/** A one-character word would flag half the chat. */
export const WORD_TOO_SHORT = '敏感词至少要两个字，单个字会误伤正常聊天。';

/** 添加 with no category, or one that is not a banned kind. */
export function wordCategoryUnknown(category: string | undefined): string {
  return `${category ? `没有「${category}」这个类别。` : '请写上类别。'}类别：政治、色情、赌博、毒品、暴恐、辱骂、广告。例如：#敏感词 添加 上车群 广告`;
}

/** 添加 done. */
export function wordAdded(word: string, category: string): string {
  return `已添加：本班群里出现「${word}」将按「${category}」处理（警告并计入累计），立即生效。`;
}

/** 删除 of a word the cohort had added. */
export function wordRemoved(word: string): string {
  return `已从本班词表删除「${word}」，立即生效。`;
}

/** 删除 of a listed word: lifted in this cohort. */
export function wordLifted(word: string): string {
  return `本班以后不再因「${word}」处理或提示，立即生效。要恢复，发送 #敏感词 添加 ${word} <类别>。`;
}

/** The cohort's own list. */
export function wordListLines(cohortName: string, words: readonly { word: string; op: 'add' | 'lift'; category: string; at: string }[]): string {
  if (words.length === 0) return `「${cohortName}」没有自己添加或取消的敏感词，使用共用词表。\n${WORDS_USAGE}`;
  const added = words.filter((w) => w.op === 'add').map((w) => `「${w.word}」${w.category}（${w.at}）`);
  const lifted = words.filter((w) => w.op === 'lift').map((w) => `「${w.word}」（${w.at}）`);
  return [
    `「${cohortName}」的敏感词调整：`,
    ...(added.length > 0 ? [`添加：${added.join('、')}`] : []),
    ...(lifted.length > 0 ? [`不处理：${lifted.join('、')}`] : []),
  ].join('\n');
}
