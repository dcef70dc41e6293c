import { approvedLeaveFor } from '../leave';
import { defineCommand } from '../../pipeline/command';
import { noArgs } from '../../pipeline/arg-schemas';
import { signOut } from './sign-in-service';
import { formatTime } from '../../kernel/local-time';
import { alreadySignedOut, SIGN_OUT_NOT_SIGNED_IN, signedOut, signedOutEarly } from './texts';

/** 签退: ends attendance; before the session's end it is early leave (早退). */
export const signOutCommand = defineCommand({
  name: '签退',
  aliases: ['checkout'],
  summary: '下课签退（提前签退记为早退，已批准请假的除外）',
  usage: '#签退（或直接发送“签退”）',
  allowed: ['trainee'],
  where: 'group',
  needsCohort: true,
  args: noArgs('签退'),
  async handle(ctx) {
    const cohort = ctx.cohort;
    const { event, deps } = ctx;
    const outcome = await signOut(deps.stores, {
      cohort,
      platform: event.platform,
      user: event.sender,
      at: ctx.at,
      hasApprovedLeave: async (session) => (await approvedLeaveFor(deps.stores, cohort.id, session)).has(event.sender.id),
    });
    if (outcome.kind === 'not_signed_in') {
      await ctx.reply(SIGN_OUT_NOT_SIGNED_IN);
      return;
    }
    const at = outcome.record.signedOutAt ? formatTime(outcome.record.signedOutAt, cohort.timezone) : '';
    if (outcome.already) await ctx.reply(alreadySignedOut(at));
    else if (outcome.record.earlyLeave) await ctx.reply(signedOutEarly(at));
    else await ctx.reply(signedOut(at));
  },
});
