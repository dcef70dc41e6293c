import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { cohortCode } from '../../pipeline/arg-schemas';
import type { ChatContext } from '../../pipeline/chat-context';
import { AppError } from '../../kernel/app-error';
import type { Cohort } from '../../domain/types';
import { approvePlan, rejectPlan, submitPlan } from './plan-service';

async function cohortFor(ctx: ChatContext, code: string | undefined): Promise<Cohort> {
  if (code) {
    const found = await ctx.deps.stores.cohorts.findByCode(code);
    if (!found) throw new AppError('COHORT_NOT_FOUND', `没有找到班级码 ${code}。`);
    return found;
  }
  if (ctx.cohort) return ctx.cohort;
  throw new AppError('COHORT_REQUIRED', '请写上班级码，例如：#批准 K7Q2MX');
}

/** Tells the office (configured administrators) about a plan waiting for them. */
async function notifyOffice(ctx: ChatContext, text: string): Promise<void> {
  for (const id of ctx.deps.config.ADMIN_IDS) {
    if (id === ctx.event.sender.id) continue;
    await ctx.send({ kind: 'private', id }, { text }).catch((err: unknown) => ctx.log.warn({ err }, 'office notice failed'));
  }
}

const optionalCode = z.custom<RawArgs>().transform((raw, ctx) => {
  if (!raw.tokens[0]) return { code: undefined };
  const code = cohortCode.safeParse(raw.tokens[0]);
  if (!code.success) {
    ctx.addIssue({ code: 'custom', message: '班级码是 6 位字母或数字' });
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
    await ctx.reply(`「${updated.name}」的培训方案已提交，等待领导组办公室批准。批准前不能签到，也不会发提醒。`);
    await notifyOffice(ctx, `「${updated.name}」（${updated.code}）提交了培训方案，${updated.startDate} 至 ${updated.endDate}。批准请发送 #批准 ${updated.code}，驳回请发送 #驳回 ${updated.code} <原因>。`);
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
    await ctx.reply(`已批准「${updated.name}」的培训方案，可以按课表开课了。`);
  },
});

const rejectArgs = z.custom<RawArgs>().transform((raw, ctx) => {
  const code = cohortCode.safeParse(raw.tokens[0]);
  const reason = raw.tokens.slice(1).join(' ').trim();
  if (!code.success || !reason) {
    ctx.addIssue({ code: 'custom', message: '需要班级码和驳回原因' });
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
    await ctx.reply(`已驳回「${updated.name}」的培训方案，原因：${reason}`);
  },
});
