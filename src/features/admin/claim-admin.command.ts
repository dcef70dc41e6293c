import { z } from 'zod';
import { defineCommand, type RawArgs } from '../../pipeline/command';
import { CLAIM_ATTEMPTS_PER_HOUR, hashClaimCode, normaliseClaimCode, takeClaimAttempt } from './admin-claim';
import { ALREADY_ADMIN, CLAIM, CLAIM_EXPIRED, CLAIM_UNKNOWN, CLAIM_USED, CLAIMED, tooManyClaims } from './texts';

const args = z.custom<RawArgs>().transform((raw, ctx) => {
  const code = normaliseClaimCode(raw.text);
  if (code === '') {
    ctx.addIssue({ code: 'custom', message: CLAIM.missing });
    return z.NEVER;
  }
  return { code };
});

/**
 * 认领管理员 <认领码>, privately: spends a one-time code from `cohort-bot admin invite` and makes
 * the sender an administrator (like ADMIN_IDS), so the first admin needs no platform id. Each
 * sender has a few attempts an hour; the claim is recorded with the code's id.
 */
export const claimAdminCommand = defineCommand({
  name: '认领管理员',
  aliases: ['claimadmin'],
  summary: CLAIM.summary,
  usage: CLAIM.usage,
  examples: [CLAIM.example],
  allowed: 'all',
  where: 'private',
  needsCohort: false,
  args,
  async handle(ctx, { code }) {
    const { stores, redis, config } = ctx.deps;
    const { platform, sender } = ctx.event;
    if (ctx.isAdmin) {
      await ctx.reply(ALREADY_ADMIN);
      return;
    }
    if (!(await takeClaimAttempt(redis, config.QUEUE_PREFIX, platform, sender.id))) {
      ctx.log.warn({ platform, userId: sender.id }, 'administrator claim refused: too many attempts');
      await ctx.reply(tooManyClaims(CLAIM_ATTEMPTS_PER_HOUR));
      return;
    }
    const outcome = await stores.admins.spendClaimCode(hashClaimCode(code), ctx.now, { platform, userId: sender.id, name: sender.name });
    if (outcome.status !== 'claimed') {
      ctx.log.info({ platform, userId: sender.id, outcome: outcome.status }, 'administrator claim refused');
      await ctx.reply(outcome.status === 'used' ? CLAIM_USED : outcome.status === 'expired' ? CLAIM_EXPIRED : CLAIM_UNKNOWN);
      return;
    }
    await stores.admins.add({ platform, userId: sender.id, name: sender.name, grantedAt: ctx.now, claimCodeId: outcome.codeId });
    ctx.log.info({ audit: 'admin-claimed', platform, userId: sender.id, codeId: outcome.codeId, at: ctx.now.toISOString() }, 'administrator claimed with a one-time code');
    await ctx.reply(CLAIMED);
  },
});
