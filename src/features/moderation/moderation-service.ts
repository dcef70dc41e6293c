import type { BotDeps } from '../../pipeline/bot-deps';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Cohort } from '../../domain/types';
import type { ModerationRecord } from '../../domain/types';
import { ladderStep, ruleFor, type LadderStep } from './moderation-ladder';

/** A detector hit as the log keeps it. */
export interface Hit {
  word: string;
  category: string;
  start: number;
  end: number;
}

/** What happened to a flagged message. */
export interface Enforcement {
  record: ModerationRecord;
  step: LadderStep | 'escalate';
  /** Sentences for the group and for staff, in Chinese. */
  groupText: string;
  staffText: string;
}

/** Everyone who should hear an escalation: the cohort's staff and the configured administrators. */
export async function staffOf(deps: { stores: Pick<BotDeps['stores'], 'members'>; config: { ADMIN_IDS: string[] } }, cohort: Cohort): Promise<string[]> {
  const staff = (await deps.stores.members.listWithRole(cohort.id, 'staff')).map((m) => m.userId);
  return [...new Set([...staff, ...deps.config.ADMIN_IDS])];
}

type Target = { cohort: Cohort; platform: Platform; groupId: string; user: ChatUser; messageId: string; text: string; at: Date };

/**
 * Enforces one flagged message (SPEC §3.7). Political content: recalled where the platform
 * allows and escalated to staff at once, never repeated in the group. Other categories: a
 * public warning citing the rule, and the ladder (warn → mute → remove) over the warnings in
 * force. Every action is logged with the rule that fired; a redelivered message is not
 * punished twice.
 */
export async function enforce(deps: BotDeps, target: Target, hits: Hit[], categories: string[]): Promise<Enforcement> {
  const { stores, config } = deps;
  const political = categories.includes('政治');
  const main = hits.find((h) => h.category === (political ? '政治' : categories[0])) ?? hits[0]!;
  const rule = `${main.category}:${main.word}`;
  const who = target.user.name;
  const ttlMs = config.MODERATION_WARNING_TTL_HOURS * 3600_000;
  const base = {
    cohortId: target.cohort.id,
    platform: target.platform,
    groupId: target.groupId,
    userId: target.user.id,
    name: who,
    rule,
    categories,
    matches: hits,
    messageId: target.messageId,
    text: target.text,
    by: 'bot',
    at: target.at,
  };
  let recalled = false;
  if (deps.actions.recall && (political || categories.length > 0)) {
    recalled = await deps.actions.recall(target.messageId).catch(() => false);
  }
  const recallTodo = recalled ? '' : '请群主或管理员撤回该消息';
  if (political) {
    const { record } = await stores.moderation.log({ ...base, kind: 'escalate', recalled, staffTodo: recallTodo, expiresAt: new Date(target.at.getTime() + ttlMs), sourceKey: `mod:${target.messageId}` });
    return {
      record,
      step: 'escalate',
      groupText: `${recalled ? '一条消息已被撤回。' : ''}请大家遵守群规：${ruleFor('政治')}。`,
      staffText: `⚠️ 「${target.cohort.name}」群内出现涉政内容（第 ${record.no} 号记录）\n发送人：${who}\n命中规则：${rule}\n${recalled ? '消息已撤回。' : `${recallTodo}。`}请及时处理。`,
    };
  }
  const { record, created } = await stores.moderation.log({ ...base, kind: 'warn', recalled, staffTodo: '', expiresAt: new Date(target.at.getTime() + ttlMs), sourceKey: `mod:${target.messageId}` });
  const active = (await stores.moderation.activeWarnings(target.cohort.id, target.platform, target.user.id, target.at)).length;
  const step = ladderStep(active, { muteAfter: config.MODERATION_MUTE_AFTER, removeAfter: config.MODERATION_REMOVE_AFTER });
  const warning = `请遵守群规：${ruleFor(main.category)}。这是第 ${active} 次提醒（${config.MODERATION_WARNING_TTL_HOURS} 小时内累计 ${config.MODERATION_MUTE_AFTER} 次禁言，${config.MODERATION_REMOVE_AFTER} 次移出群）。`;
  let groupText = warning;
  let staffText = '';
  if (created && step === 'mute') {
    const minutes = config.MODERATION_MUTE_MINUTES;
    const todo = deps.capabilities.mute ? '' : `请群主在群设置中将 ${who} 禁言 ${minutes} 分钟`;
    await stores.moderation.log({ ...base, kind: 'mute', recalled: false, staffTodo: todo, expiresAt: new Date(target.at.getTime() + minutes * 60_000), sourceKey: `mute:${target.messageId}` });
    groupText = `${warning}\n已累计 ${active} 次，禁言 ${minutes} 分钟，期间发言将被忽略。`;
    staffText = `「${target.cohort.name}」${who} 累计 ${active} 次违规，已禁言 ${minutes} 分钟。${todo ? `${todo}。` : ''}`;
  } else if (created && step === 'remove') {
    const removed = deps.actions.remove ? await deps.actions.remove(target.groupId, target.user.id).catch(() => false) : false;
    const todo = removed ? '' : `请群主将 ${who} 移出群聊`;
    await stores.moderation.log({ ...base, kind: 'remove', recalled: false, staffTodo: todo, sourceKey: `remove:${target.messageId}` });
    groupText = `${warning}\n已累计 ${active} 次，${removed ? '已移出本群' : '将被移出本群'}。`;
    staffText = `「${target.cohort.name}」${who} 累计 ${active} 次违规，${removed ? '已移出群聊' : `${todo}（本平台机器人无法移出）`}。`;
  }
  return { record, step, groupText, staffText };
}
