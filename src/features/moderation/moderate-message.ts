import type { Middleware } from '../../pipeline/compose';
import { enforce, staffOf } from './moderation-service';
import { reviewNote } from './texts';
import { clipText } from '../../kernel/privacy';
import { withCohortWords } from './cohort-words';
import { reviewReasonName } from './rule-names';

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
  // The cohort's own changes (#敏感词) on top of the shared list: kept in memory, read at most every 30 s.
  const scanned = withCohortWords(deps.detector.scan(event.text).matches, event.text, await deps.stores.cohortWords.list(cohort.id));
  // A command is read by the bot, not a remark to the group: the review model's guess (trained on
  // chat) does not judge it, and a command that carries a phone number (登记) is no contact ad.
  const all = ctx.command ? scanned.filter((m) => m.layer !== 'model' && (!ctx.command?.def.carriesPhoneNumber || m.word !== 'phone-number')) : scanned;
  const hits = all.filter((m) => m.tier !== 'review');
  if (hits.length === 0) {
    // Uncertain hits only (review tier): a numbered private note to staff, nothing in the group;
    // words the cohort's staff dismissed before raise nothing (read only when there is a doubt).
    const doubtful = all.filter((m) => m.tier === 'review');
    const allowed = doubtful.length > 0 ? await deps.stores.reviews.allowedWords(cohort.id) : new Set<string>();
    const review = doubtful.filter((m) => !allowed.has(m.word));
    if (review.length > 0) {
      // A hit over the whole message (the review model's guess) is not quoted again: the note shows the message.
      const reasons = review.map((m) => {
        const why = reviewReasonName(m.reason, m.word);
        if (m.start === 0 && m.end === event.text.length) return why;
        return `${m.category === '未分类' ? '' : m.category}「${event.text.slice(m.start, m.end)}」（${why}）`;
      });
      const { review: note, created } = await deps.stores.reviews.open({
        cohortId: cohort.id,
        platform: event.platform,
        groupId: event.conversation.id,
        userId: event.sender.id,
        name: event.sender.name,
        messageId: event.id,
        text: clipText(event.text, 1_000),
        matches: review.map((m) => ({ word: m.word, category: m.category, start: m.start, end: m.end, ...(m.reason ? { reason: m.reason } : {}) })),
        at: ctx.at,
      });
      if (created) {
        const text = reviewNote({ no: note.no, cohortName: cohort.name, who: event.sender.name, text: event.text, reasons });
        for (const id of await staffOf(deps, cohort)) {
          await ctx.send({ kind: 'private', id }, { text }).catch((err: unknown) => ctx.log.warn({ err }, 'review note failed'));
        }
      }
      ctx.log.info({ hits: review.length, review: note.no }, 'moderation review note');
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
