import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import type { ChatContext } from '../../pipeline/chat-context';
import { AppError } from '../../kernel/app-error';
import { formatDayTime } from '../../kernel/local-time';
import { clipText } from '../../kernel/privacy';
import { staffOf } from './moderation-service';
import {
  APPEAL_NOTHING,
  APPEAL_REASON_REQUIRED,
  APPEAL_SUBMITTED,
  appealNotice,
  askOwnerToRemove,
  cannotRemove,
  LOG_EMPTY,
  logLines,
  MODERATION_KIND_NAMES,
  MUTE_MINUTES_RANGE,
  mutedByStaff,
  nothingToPardon,
  nothingToUndo,
  ONE_MEMBER_REQUIRED,
  pardoned,
  platformCannotMute,
  RECORD_NUMBER_REQUIRED,
  recordUndone,
  removedByStaff,
  STAFF_WARNING_RULE,
  staffWarning,
} from './texts';

const oneMention = (extra: 'reason' | 'minutes' | 'none') =>
  z.custom<RawArgs>().transform((raw, ctx) => {
    if (raw.mentions.length !== 1) {
      ctx.addIssue({ code: 'custom', message: ONE_MEMBER_REQUIRED });
      return z.NEVER;
    }
    const rest = raw.tokens.join(' ').trim();
    if (extra === 'minutes') {
      const minutes = rest === '' ? undefined : Number(rest.replace(/分钟$/, ''));
      if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60)) {
        ctx.addIssue({ code: 'custom', message: MUTE_MINUTES_RANGE });
        return z.NEVER;
      }
      return { person: raw.mentions[0]!, reason: '', minutes };
    }
    return { person: raw.mentions[0]!, reason: rest, minutes: undefined };
  });

function staffAction(ctx: ChatContext) {
  const { event, cohort } = ctx;
  return { cohortId: cohort!.id, platform: event.platform, groupId: event.conversation.id, categories: [], matches: [], messageId: event.id, text: '', recalled: false, by: event.sender.id, at: ctx.now };
}

/** 警告 @某人 [原因]: a staff warning, counted on the ladder like the bot's. */
export const warnCommand = defineCommand({
  name: '警告',
  aliases: ['warn'],
  summary: '工作人员警告一位成员（计入警告次数）',
  usage: '#警告 @某人 [原因]',
  allowed: ['staff'],
  where: 'group',
  needsCohort: true,
  args: oneMention('reason'),
  async handle(ctx, { person, reason }) {
    const { config, stores } = ctx.deps;
    const { record } = await stores.moderation.log({
      ...staffAction(ctx),
      userId: person.id,
      name: person.name,
      kind: 'warn',
      rule: `staff:${reason || STAFF_WARNING_RULE}`,
      staffTodo: '',
      expiresAt: new Date(ctx.now.getTime() + config.MODERATION_WARNING_TTL_HOURS * 3600_000),
      sourceKey: `staff:${ctx.event.id}`,
    });
    const active = (await stores.moderation.activeWarnings(ctx.cohort.id, ctx.event.platform, person.id, ctx.now)).length;
    await ctx.send({ kind: 'group', id: ctx.event.conversation.id }, { text: staffWarning(reason, active, record.no), mentions: [person] });
  },
});

/** 禁言 @某人 [分钟]: staff mute a member; where the platform cannot, staff are told what to do. */
export const muteCommand = defineCommand({
  name: '禁言',
  aliases: ['mute'],
  summary: '工作人员禁言一位成员（期间机器人不处理其发言）',
  usage: '#禁言 @某人 [分钟]',
  allowed: ['staff'],
  where: 'group',
  needsCohort: true,
  args: oneMention('minutes'),
  async handle(ctx, { person, minutes }) {
    const { config, stores, outbound } = ctx.deps;
    const m = minutes ?? config.MODERATION_MUTE_MINUTES;
    const muted = outbound.mute ? await outbound.mute(ctx.event.conversation.id, person.id, m).catch(() => false) : false;
    const todo = muted ? '' : platformCannotMute(person.name, m);
    await stores.moderation.log({ ...staffAction(ctx), userId: person.id, name: person.name, kind: 'mute', rule: `staff:${MODERATION_KIND_NAMES.mute}`, staffTodo: todo, expiresAt: new Date(ctx.now.getTime() + m * 60_000), sourceKey: `staff:${ctx.event.id}` });
    await ctx.reply(mutedByStaff(person.name, m, todo));
  },
});

/** 移出 @某人: staff remove a member where the platform allows, else are told how. */
export const removeCommand = defineCommand({
  name: '移出',
  aliases: ['kick'],
  summary: '工作人员把成员移出群（平台不支持时提示如何操作）',
  usage: '#移出 @某人 [原因]',
  allowed: ['staff'],
  where: 'group',
  needsCohort: true,
  args: oneMention('reason'),
  async handle(ctx, { person, reason }) {
    const { stores, outbound } = ctx.deps;
    const removed = outbound.remove ? await outbound.remove(ctx.event.conversation.id, person.id).catch(() => false) : false;
    const todo = removed ? '' : askOwnerToRemove(person.name);
    await stores.moderation.log({ ...staffAction(ctx), userId: person.id, name: person.name, kind: 'remove', rule: `staff:${reason || MODERATION_KIND_NAMES.remove}`, staffTodo: todo, sourceKey: `staff:${ctx.event.id}` });
    await ctx.reply(removed ? removedByStaff(person.name) : cannotRemove(todo));
  },
});

/** 解除 @某人: staff undo a member's warnings and mute in force. */
export const undoCommand = defineCommand({
  name: '解除',
  aliases: ['pardon'],
  summary: '工作人员解除某人的警告和禁言',
  usage: '#解除 @某人',
  allowed: ['staff'],
  where: 'group',
  needsCohort: true,
  args: oneMention('none'),
  async handle(ctx, { person }) {
    const n = await ctx.deps.stores.moderation.undoActive(ctx.cohort.id, ctx.event.platform, person.id, ctx.event.sender.id, ctx.now);
    await ctx.reply(n > 0 ? pardoned(person.name, n) : nothingToPardon(person.name));
  },
});

/** 审核 [撤销 <编号>]: staff review the moderation log, and undo one action. */
export const reviewLogCommand = defineCommand({
  name: '审核',
  aliases: ['modlog'],
  summary: '查看群管理记录；#审核 撤销 <编号> 撤销一条',
  usage: '#审核 ｜ #审核 撤销 <编号>',
  allowed: ['staff'],
  where: 'any',
  needsCohort: true,
  args: z.custom<RawArgs>().transform((raw, ctx) => {
    if (raw.tokens[0] !== '撤销') return { undo: undefined };
    const no = Number(raw.tokens[1]);
    if (!Number.isInteger(no) || no < 1) {
      ctx.addIssue({ code: 'custom', message: RECORD_NUMBER_REQUIRED });
      return z.NEVER;
    }
    return { undo: no };
  }),
  async handle(ctx, { undo }) {
    const cohort = ctx.cohort;
    const { stores } = ctx.deps;
    if (undo !== undefined) {
      const r = await stores.moderation.undoOne(cohort.id, undo, ctx.event.sender.id, ctx.now);
      if (!r) throw new AppError('MODERATION_NOT_FOUND', nothingToUndo(undo));
      await ctx.reply(recordUndone(undo, r.name, r.rule));
      return;
    }
    const log = await stores.moderation.list(cohort.id, 20);
    await ctx.reply(
      log.length === 0
        ? LOG_EMPTY
        : logLines(
            log.map((r) => ({
              no: r.no,
              at: formatDayTime(r.at, cohort.timezone),
              name: r.name,
              kind: r.kind,
              rule: r.rule,
              undone: Boolean(r.undoneAt),
              ...(r.appeal ? { appeal: r.appeal.text } : {}),
              todo: r.staffTodo,
            })),
          ),
    );
  },
});

/** 申诉 <理由>: a member appeals their latest moderation action, privately; staff hear it. */
export const appealCommand = defineCommand({
  name: '申诉',
  aliases: ['appeal'],
  summary: '对群管理处理提出申诉（请私聊我）',
  usage: '#申诉 <理由>',
  allowed: 'all',
  where: 'private',
  needsCohort: true,
  args: z.custom<RawArgs>().transform((raw, ctx) => {
    const text = [raw.text, ...raw.lines].join(' ').trim();
    if (!text) {
      ctx.addIssue({ code: 'custom', message: APPEAL_REASON_REQUIRED });
      return z.NEVER;
    }
    return { text: clipText(text, 500) };
  }),
  async handle(ctx, { text }) {
    const cohort = ctx.cohort;
    const record = await ctx.deps.stores.moderation.appeal(cohort.id, ctx.event.platform, ctx.event.sender.id, text, ctx.now);
    if (!record) throw new AppError('APPEAL_NOTHING', APPEAL_NOTHING);
    for (const id of await staffOf(ctx.deps, cohort)) {
      await ctx.send({ kind: 'private', id }, { text: appealNotice(cohort.name, record.name, record.no, record.rule, text) });
    }
    await ctx.reply(APPEAL_SUBMITTED);
  },
});
