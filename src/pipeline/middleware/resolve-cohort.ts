import type { Middleware } from '../compose';

/**
 * Finds the cohort the event belongs to (the group's binding, or in private chat the
 * sender's latest cohort) and the sender's roles in it. Administrators (configured in
 * ADMIN_IDS, or claimed with a one-time code) hold staff and office rights everywhere; an
 * unlisted member of a bound group is a trainee.
 */
export const resolveCohort: Middleware = async (ctx, next) => {
  const { stores, config } = ctx.deps;
  const { event } = ctx;
  ctx.isAdmin = config.ADMIN_IDS.includes(event.sender.id) || (await stores.admins.isAdmin(event.platform, event.sender.id));
  if (ctx.isAdmin) {
    ctx.roles.add('staff');
    ctx.roles.add('office');
  }
  if (event.conversation.kind === 'group') {
    ctx.binding = await stores.bindings.findByGroup(event.platform, event.conversation.id);
    if (ctx.binding) {
      // The rest of the cohort's state is read alongside this message's own reads, not one after another.
      ctx.deps.warmer?.warm(ctx.binding.cohortId, ctx.now);
      ctx.cohort = await stores.cohorts.findById(ctx.binding.cohortId);
    }
  } else {
    const memberships = await stores.members.listForUser(event.platform, event.sender.id);
    const latest = memberships.find((m) => m.active) ?? memberships[0];
    if (latest) ctx.cohort = await stores.cohorts.findById(latest.cohortId);
  }
  if (ctx.cohort) {
    const member = await stores.members.find(ctx.cohort.id, event.platform, event.sender.id);
    ctx.member = member;
    if (member) member.roles.forEach((r) => ctx.roles.add(r));
    else if (ctx.binding && !ctx.isAdmin) ctx.roles.add('trainee');
  }
  await next();
};
