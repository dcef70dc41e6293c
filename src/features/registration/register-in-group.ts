import type { Middleware } from '../../pipeline/compose';
import { staffOf } from '../moderation';
import { registerCommand } from './register.command';
import { registerInGroupNotice, registerPrivatelyHint, registrationExposedStaffNotice } from './texts';

/**
 * A 登记 sent in a group shows a phone number to everyone (SPEC §4), so it is never stored
 * there, whoever sent it and whatever the group: the message is recalled where the platform
 * can (`Outbound.recall`), the sender is told in the group (repeating nothing of the form) and
 * privately to register in a private chat, and where the message could not be recalled, the
 * cohort's staff and the administrators are told privately so a group owner takes it down.
 */
export const registerInGroup: Middleware = async (ctx, next) => {
  const { event, deps } = ctx;
  if (event.type !== 'message' || !ctx.isGroup || ctx.command?.def !== registerCommand) return next();
  const carriedData = ctx.command.raw.text !== '' || ctx.command.raw.lines.length > 0;
  const recalled = carriedData && deps.outbound.recall ? await deps.outbound.recall(event.id).catch(() => false) : false;
  ctx.log.info({ recalled, carriedData }, 'registration sent in a group');
  await ctx.reply(registerInGroupNotice({ carriedData, recalled }));
  await ctx
    .send({ kind: 'private', id: event.sender.id }, { text: registerPrivatelyHint({ carriedData, recalled }) })
    .catch((err: unknown) => ctx.log.warn({ err }, 'private registration hint failed'));
  if (!carriedData || recalled) return;
  const staff = ctx.cohort
    ? await staffOf(deps, ctx.cohort)
    : await deps.stores.admins.administratorIds(deps.config.ADMIN_IDS, [event.platform]);
  const text = registrationExposedStaffNotice({ cohortName: ctx.cohort?.name ?? null, who: event.sender.name, group: event.conversation.title ?? event.conversation.id });
  for (const id of staff.filter((s) => s !== event.sender.id)) {
    await ctx.send({ kind: 'private', id }, { text }).catch((err: unknown) => ctx.log.warn({ err }, 'staff registration notice failed'));
  }
};
