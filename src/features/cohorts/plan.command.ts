import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { cohortCode } from '../../pipeline/arg-schemas';
import type { ChatContext } from '../../pipeline/chat-context';
import { AppError } from '../../kernel/app-error';
import type { Cohort } from '../../domain/types';
import { approvePlan, rejectPlan, submitPlan } from './plan-service';
import { COHORT_CODE_FORM } from '../../pipeline/texts';
import {
  cohortCodeNotFound,
  PLAN_CODE_REQUIRED,
  planApprovedReply,
  planRejectedReply,
  planRejectedToGroup,
  planRejectedToSubmitter,
  planSubmitted,
  planWaitingForOffice,
  REJECT_ARGS_MISSING,
} from './texts';

async function cohortFor(ctx: ChatContext, code: string | undefined): Promise<Cohort> {
  if (code) {
    const found = await ctx.deps.stores.cohorts.findByCode(code);
    if (!found) throw new AppError('COHORT_NOT_FOUND', cohortCodeNotFound(code));
    return found;
  }
  if (ctx.cohort) return ctx.cohort;
  throw new AppError('COHORT_REQUIRED', PLAN_CODE_REQUIRED);
}

/** Tells the office (the administrators, configured or claimed) about a plan waiting for them. */
async function notifyOffice(ctx: ChatContext, text: string): Promise<void> {
  for (const id of await ctx.deps.stores.admins.administratorIds(ctx.deps.config.ADMIN_IDS, [ctx.event.platform])) {
    if (id === ctx.event.sender.id) continue;
    await ctx.send({ kind: 'private', id }, { text }).catch((err: unknown) => ctx.log.warn({ err }, 'office notice failed'));
  }
}

const optionalCode = z.custom<RawArgs>().transform((raw, ctx) => {
  if (!raw.tokens[0]) return { code: undefined };
  const code = cohortCode.safeParse(raw.tokens[0]);
  if (!code.success) {
    ctx.addIssue({ code: 'custom', message: COHORT_CODE_FORM });
    return z.NEVER;
  }
  return { code: code.data };
});

/** 提交方案: staff submit the training plan to the office. */
export const submitPlanCommand = defineCommand({
  name: '提交方案',
  aliases: ['submitplan'],
  summary: '把培训方案（课表、地点、讲师）提交给领导组办公室审批',
  usage: '#提交方案 [班级码]',
  allowed: ['staff'],
  where: 'any',
  needsCohort: false,
  args: optionalCode,
  async handle(ctx, { code }) {
    const cohort = await cohortFor(ctx, code);
    const updated = await submitPlan(ctx.deps.stores, cohort, ctx.event.sender.id, ctx.now);
    await ctx.reply(planSubmitted(updated.name));
    await notifyOffice(ctx, planWaitingForOffice(updated));
  },
});

/** 批准 <班级码>: the office approves a plan. */
export const approvePlanCommand = defineCommand({
  name: '批准',
  aliases: ['approve'],
  summary: '批准班级的培训方案（领导组办公室）',
  usage: '#批准 <班级码>',
  examples: ['#批准 K7Q2MX'],
  allowed: ['office'],
  where: 'any',
  needsCohort: false,
  args: optionalCode,
  async handle(ctx, { code }) {
    const cohort = await cohortFor(ctx, code);
    const updated = await approvePlan(ctx.deps.stores, ctx.deps.scheduler, cohort, ctx.event.sender.id, ctx.now);
    await ctx.reply(planApprovedReply(updated.name));
  },
});

const rejectArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const code = cohortCode.safeParse(raw.tokens[0]);
  const reason = raw.tokens.slice(1).join(' ').trim();
  if (!code.success || !reason) {
    ctx.addIssue({ code: 'custom', message: REJECT_ARGS_MISSING });
    return z.NEVER;
  }
  return { code: code.data, reason };
});

/** 驳回 <班级码> <原因>: the office rejects a plan with a reason. */
export const rejectPlanCommand = defineCommand({
  name: '驳回',
  aliases: ['reject'],
  summary: '驳回班级的培训方案并说明原因（领导组办公室）',
  usage: '#驳回 <班级码> <原因>',
  examples: ['#驳回 K7Q2MX 课表缺少实操环节'],
  allowed: ['office'],
  where: 'any',
  needsCohort: false,
  args: rejectArgs,
  async handle(ctx, { code, reason }) {
    const cohort = await cohortFor(ctx, code);
    const updated = await rejectPlan(ctx.deps.stores, cohort, ctx.event.sender.id, ctx.now, reason);
    await ctx.reply(planRejectedReply(updated.name, reason));
    // The one who submitted it has to act; the class has to know nothing runs yet.
    const submitter = updated.plan.submittedBy;
    if (submitter && submitter !== ctx.event.sender.id) {
      await ctx.send({ kind: 'private', id: submitter }, { text: planRejectedToSubmitter(updated.name, updated.code, reason) }).catch((err: unknown) => ctx.log.warn({ err }, 'rejection notice to the submitter failed'));
    }
    for (const g of await ctx.deps.stores.bindings.listByCohort(updated.id)) {
      if (g.groupId === ctx.event.conversation.id) continue;
      await ctx.send({ kind: 'group', id: g.groupId }, { text: planRejectedToGroup(reason) }).catch((err: unknown) => ctx.log.warn({ err }, 'rejection notice to the group failed'));
    }
  },
});
