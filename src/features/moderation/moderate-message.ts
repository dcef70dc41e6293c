import type { Middleware } from '../../pipeline/compose';
import { enforce, staffOf } from './moderation-service';
import { reviewNote } from './texts';

/**
 * Moderates every group message the platform shows the bot (SPEC §3.7), commands included,
 * before anything else acts on it. Staff, lecturers and administrators are not policed. A
 * member under a mute is ignored (and their message recalled where the platform allows).
 */
export const moderateMessage: Middleware = async (ctx, next) => {
  const { event, deps, cohort } = ctx;
  if (event.type !== 'message' || !ctx.isGroup || !cohort || !event.text.trim()) return next();
  if (ctx.isAdmin || ctx.roles.has('staff') || ctx.roles.has('lecturer')) return next();
  const target = { cohort, platform: event.platform, groupId: event.conversation.id, user: event.sender, messageId: event.id, text: event.text, at: ctx.at };
  const mute = await deps.stores.moderation.activeMute(cohort.id, event.platform, event.sender.id, ctx.at);
  if (mute) {
    if (deps.outbound.recall) await deps.outbound.recall(event.id).catch(() => false);
    ctx.log.info({ action: mute.no }, 'message from a muted member ignored');
    return;
  }
  const scanned = deps.detector.scan(event.text);
  const all = ctx.command?.def.carriesPhoneNumber ? scanned.matches.filter((m) => m.word !== 'phone-number') : scanned.matches;
  const hits = all.filter((m) => m.tier !== 'review');
  if (hits.length === 0) {
    // Uncertain hits only (review tier): a private note to staff, nothing in the group.
    const review = all.filter((m) => m.tier === 'review');
    if (review.length > 0) {
      const reasons = review.map((m) => `${m.category}「${event.text.slice(m.start, m.end)}」(${m.reason ?? m.word})`);
      const text = reviewNote({ cohortName: cohort.name, who: event.sender.name, text: event.text, reasons });
      for (const id of await staffOf(deps, cohort)) {
        await ctx.send({ kind: 'private', id }, { text }).catch((err: unknown) => ctx.log.warn({ err }, 'review note failed'));
      }
      ctx.log.info({ hits: review.length }, 'moderation review note');
    }
    return next();
  }
  const categories = [...new Set(hits.map((h) => h.category))];
  const done = await enforce(deps, target, hits, categories);
  ctx.log.info({ rule: done.record.rule, step: done.step, no: done.record.no }, 'moderation action');
  const group = { kind: 'group' as const, id: event.conversation.id };
  await ctx.send(group, { text: done.groupText, mentions: done.step === 'escalate' ? [] : [event.sender] });
  if (done.staffText) {
    for (const id of await staffOf(deps, cohort)) {
      await ctx.send({ kind: 'private', id }, { text: done.staffText }).catch((err: unknown) => ctx.log.warn({ err }, 'staff notice failed'));
    }
  }
};
