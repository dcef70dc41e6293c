import type { Middleware } from '../../pipeline/compose';
import { welcome } from './texts';

/**
 * Members joining a bound group are enrolled as trainees and welcomed with the rules;
 * members leaving are recorded. Other events pass on.
 */
export const memberEvents: Middleware = async (ctx, next) => {
  const { event, deps } = ctx;
  if (event.type === 'message') return next();
  if (!ctx.cohort || !event.members?.length) return;
  const selfId = deps.self().id;
  const people = event.members.filter((m) => m.id !== selfId);
  if (event.type === 'member_joined') {
    const newcomers = [];
    for (const m of people) {
      // Administrators (configured or claimed) are never enrolled as trainees.
      if (!deps.config.ADMIN_IDS.includes(m.id) && !(await deps.stores.admins.isAdmin(event.platform, m.id))) newcomers.push(m);
    }
    await deps.stores.members.enrolTrainees(ctx.cohort.id, event.platform, newcomers, ctx.now);
    if (newcomers.length === 0) return;
    await ctx.send(
      { kind: 'group', id: event.conversation.id },
      {
        text: welcome(ctx.cohort.name, ctx.cohort.settings),
        mentions: newcomers,
      },
    );
    return;
  }
  for (const m of people) await deps.stores.members.markLeft(ctx.cohort.id, event.platform, m.id, ctx.now);
};
