import type { BotDeps } from '../../pipeline/bot-deps';
import type { ChatUser, Platform } from '../../platform/chat-event';
import type { Cohort } from '../../domain/types';
import type { ModerationRecord } from '../../domain/types';
import { clipText } from '../../kernel/privacy';
import { ladderStep, ruleFor, type LadderStep } from './moderation-ladder';
import {
  askOwnerToMute,
  askOwnerToRemove,
  mutedByLadder,
  mutedStaffNotice,
  politicalGroupNotice,
  politicalStaffNotice,
  RECALL_TODO,
  removedByLadder,
  removedStaffNotice,
  warningText,
} from './texts';

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

/**
 * Everyone who should hear an escalation, a digest or a scorecard: the cohort's staff and the
 * administrators (configured, or claimed with a one-time code on the cohort's platforms).
 */
export async function staffOf(deps: { stores: Pick<BotDeps['stores'], 'members' | 'admins' | 'bindings'>; config: { ADMIN_IDS: string[] } }, cohort: Cohort): Promise<string[]> {
  const staff = (await deps.stores.members.listWithRole(cohort.id, 'staff')).map((m) => m.userId);
  const platforms = [...new Set((await deps.stores.bindings.listByCohort(cohort.id)).map((b) => b.platform))];
  return [...new Set([...staff, ...(await deps.stores.admins.administratorIds(deps.config.ADMIN_IDS, platforms))])];
}

type Target = { cohort: Cohort; platform: Platform; groupId: string; user: ChatUser; messageId: string; text: string; at: Date };

/**
 * How much of a flagged message the log keeps as evidence: its first 1,000 characters and first
 * 50 hits. Every moderated message reads the log (mutes, warnings in force), and FerretDB's
 * PostgreSQL handler scans whole documents to do it: unbounded evidence (a spammer's 100,000
 * characters with thousands of hits) made every later message slower.
 */
const EVIDENCE_MAX_CHARS = 1_000;
const EVIDENCE_MAX_HITS = 50;

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
    matches: hits.slice(0, EVIDENCE_MAX_HITS),
    messageId: target.messageId,
    text: clipText(target.text, EVIDENCE_MAX_CHARS),
    by: 'bot',
    at: target.at,
  };
  let recalled = false;
  if (deps.outbound.recall && (political || categories.length > 0)) {
    recalled = await deps.outbound.recall(target.messageId).catch(() => false);
  }
  const recallTodo = recalled ? '' : RECALL_TODO;
  if (political) {
    const { record } = await stores.moderation.log({ ...base, kind: 'escalate', recalled, staffTodo: recallTodo, expiresAt: new Date(target.at.getTime() + ttlMs), sourceKey: `mod:${target.messageId}` });
    return {
      record,
      step: 'escalate',
      groupText: politicalGroupNotice(recalled, ruleFor('政治')),
      staffText: politicalStaffNotice({ cohortName: target.cohort.name, no: record.no, who, rule, recalled }),
    };
  }
  const { record, created } = await stores.moderation.log({ ...base, kind: 'warn', recalled, staffTodo: '', expiresAt: new Date(target.at.getTime() + ttlMs), sourceKey: `mod:${target.messageId}` });
  const active = (await stores.moderation.activeWarnings(target.cohort.id, target.platform, target.user.id, target.at)).length;
  const step = ladderStep(active, { muteAfter: config.MODERATION_MUTE_AFTER, removeAfter: config.MODERATION_REMOVE_AFTER });
  const warning = warningText(ruleFor(main.category), active, { ttlHours: config.MODERATION_WARNING_TTL_HOURS, muteAfter: config.MODERATION_MUTE_AFTER, removeAfter: config.MODERATION_REMOVE_AFTER });
  let groupText = warning;
  let staffText = '';
  if (created && step === 'mute') {
    const minutes = config.MODERATION_MUTE_MINUTES;
    const muted = deps.outbound.mute ? await deps.outbound.mute(target.groupId, target.user.id, minutes).catch(() => false) : false;
    const todo = muted ? '' : askOwnerToMute(who, minutes);
    await stores.moderation.log({ ...base, kind: 'mute', recalled: false, staffTodo: todo, expiresAt: new Date(target.at.getTime() + minutes * 60_000), sourceKey: `mute:${target.messageId}` });
    groupText = mutedByLadder(warning, active, minutes);
    staffText = mutedStaffNotice(target.cohort.name, who, active, minutes, todo);
  } else if (created && step === 'remove') {
    const removed = deps.outbound.remove ? await deps.outbound.remove(target.groupId, target.user.id).catch(() => false) : false;
    const todo = removed ? '' : askOwnerToRemove(who);
    await stores.moderation.log({ ...base, kind: 'remove', recalled: false, staffTodo: todo, sourceKey: `remove:${target.messageId}` });
    groupText = removedByLadder(warning, active, removed);
    staffText = removedStaffNotice(target.cohort.name, who, active, removed, todo);
  }
  return { record, step, groupText, staffText };
}
