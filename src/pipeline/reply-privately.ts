import type { ChatContext } from './chat-context';

/**
 * Answers with a staff report (names with 需关注, pending leave, lecturers' execution) where
 * only the sender reads it: asked in a group, the report goes to the sender privately and the
 * group gets one line saying so; asked privately, it is the reply.
 */
export async function replyPrivately(ctx: ChatContext, text: string, groupNote: string): Promise<void> {
  if (!ctx.isGroup) {
    await ctx.reply(text);
    return;
  }
  await ctx.send({ kind: 'private', id: ctx.event.sender.id }, { text });
  await ctx.reply(groupNote);
}

/**
 * Tells the sender something only they need (a receipt, their standing record) where only they
 * read it, so the group is not sent one message per person. When the platform cannot reach
 * them privately (not a friend of the bot, a refusal), `groupText` @mentions them in the group
 * instead: the answer is never lost.
 */
export async function answerPrivately(ctx: ChatContext, privateText: string, groupText: string): Promise<void> {
  if (!ctx.isGroup) {
    await ctx.reply(privateText);
    return;
  }
  try {
    await ctx.send({ kind: 'private', id: ctx.event.sender.id }, { text: privateText });
  } catch (err) {
    ctx.log.warn({ err }, 'private answer failed; said in the group');
    await ctx.reply(groupText);
  }
}
