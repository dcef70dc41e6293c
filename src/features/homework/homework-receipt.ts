import type { ChatContext } from '../../pipeline/chat-context';

/**
 * Tells a trainee their homework was received where only they read it, so the group is not
 * sent one message per submission (the group sees the homework board). When the platform
 * cannot reach them privately (not a friend of the bot, a refusal), the short `groupText`
 * @mentions them in the group instead: a receipt is never lost.
 */
export async function sendReceipt(ctx: ChatContext, privateText: string, groupText: string): Promise<void> {
  if (!ctx.isGroup) {
    await ctx.reply(privateText);
    return;
  }
  try {
    await ctx.send({ kind: 'private', id: ctx.event.sender.id }, { text: privateText });
  } catch (err) {
    ctx.log.warn({ err }, 'private homework receipt failed; said in the group');
    await ctx.reply(groupText);
  }
}
