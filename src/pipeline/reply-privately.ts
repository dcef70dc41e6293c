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
