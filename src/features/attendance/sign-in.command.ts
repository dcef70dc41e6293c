import { defineCommand } from '../../pipeline/command';
import { noArgs } from '../../pipeline/arg-schemas';
import { describeSignIn, signIn } from './sign-in-service';
import { awardAttendance } from '../points';
import type { SignInBoard } from './sign-in-board';
import { signInSummary } from './texts';
import { answerPrivately } from '../../pipeline/reply-privately';

/** 签到: attendance for the session whose sign-in window is open (SPEC §3.1); answers on the process's board. */
export function createSignInCommand(board: SignInBoard) {
  return defineCommand({
    name: '签到',
    aliases: ['checkin'],
    summary: signInSummary,
    usage: '#签到（或直接发送“签到”）',
    allowed: ['trainee'],
    where: 'group',
    needsCohort: true,
    args: noArgs('签到'),
    async handle(ctx) {
      const cohort = ctx.cohort;
      const { event, deps } = ctx;
      const outcome = await signIn(deps.stores, {
        cohort,
        platform: event.platform,
        user: event.sender,
        at: ctx.at,
        eventId: event.id,
        // Enrol someone signing in who was in the group before binding saw them; members are not rewritten.
        enrolIfMissing: ctx.member === null || !ctx.member.active,
      });
      if (outcome.kind === 'recorded') {
        // Paid on every sign-in message: the ledger's source key keeps it to once per session
        // (a process that saw it paid writes nothing again).
        await awardAttendance(deps.stores, deps.scoring, outcome.record);
        // New sign-ins show on the coalesced board, not as one reply each; a record that stood
        // already is asked for only if the board does not count it yet (a retry after a failure).
        await board.touch(outcome.session, cohort, { kind: 'group', id: event.conversation.id }, outcome.created ? undefined : event.sender.id);
        // A repeat leaves the board as it was: it is answered with the record that stands (SPEC §3.1),
        // privately, so a class that sends 签到 twice does not fill the group.
        if (!outcome.created) {
          const standing = describeSignIn(outcome, cohort.timezone);
          await answerPrivately(ctx, standing, standing);
        }
        return;
      }
      await ctx.reply(describeSignIn(outcome, cohort.timezone));
    },
  });
}
