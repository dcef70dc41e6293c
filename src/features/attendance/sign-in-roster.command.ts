import { defineCommand } from '../../pipeline/command';
import { noArgs } from '../../pipeline/arg-schemas';
import { replyPrivately } from '../../pipeline/reply-privately';
import { localDay } from '../../kernel/local-time';
import type { Cohort, Session } from '../../domain/types';
import { signInOpensAt } from './attendance-rules';
import { boardSourceWithLeave } from './board-source-with-leave';
import { renderRoster } from './sign-in-board';
import { NO_ROSTER_TODAY, ROSTER_SENT_PRIVATELY, ROSTER_SUMMARY, ROSTER_USAGE } from './texts';

/** The session 签到名单 is about: today's latest session (cohort time) whose sign-in has opened, closed or not. */
export function rosterSession(sessions: Session[], now: Date, cohort: Pick<Cohort, 'timezone' | 'settings'>): Session | null {
  const today = localDay(now, cohort.timezone);
  return (
    sessions
      .filter((s) => !s.cancelled && localDay(s.startsAt, cohort.timezone) === today && signInOpensAt(s, cohort.settings).getTime() <= now.getTime())
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime())[0] ?? null
  );
}

/**
 * 签到名单: the full sign-in list of the current session for staff and lecturers — everyone by
 * name, where the group's board names only the exceptions. It names trainees, so asked in the
 * group it goes to the sender privately and the group reads one line.
 */
export const signInRosterCommand = defineCommand({
  name: '签到名单',
  aliases: ['roster'],
  summary: ROSTER_SUMMARY,
  usage: ROSTER_USAGE,
  allowed: ['lecturer', 'staff'],
  where: 'any',
  needsCohort: true,
  args: noArgs('签到名单'),
  async handle(ctx) {
    const cohort = ctx.cohort;
    const { stores } = ctx.deps;
    const session = rosterSession(await stores.sessions.listByCohort(cohort.id), ctx.now, cohort);
    if (!session) {
      await ctx.reply(NO_ROSTER_TODAY);
      return;
    }
    const source = boardSourceWithLeave(stores);
    const [trainees, records, onLeave] = await Promise.all([source.trainees(cohort.id), source.records(session.id), source.onLeave?.(cohort.id, session)]);
    await replyPrivately(ctx, renderRoster(session, cohort, trainees, records, onLeave), ROSTER_SENT_PRIVATELY);
  },
});
