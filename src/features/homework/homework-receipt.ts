import type { ChatContext } from '../../pipeline/chat-context';
import { answerPrivately } from '../../pipeline/reply-privately';

/**
 * Tells a trainee their homework was received where only they read it, so the group is not
 * sent one message per submission (the group sees the homework board); `groupText` @mentions
 * them in the group when they cannot be reached privately.
 */
export function sendReceipt(ctx: ChatContext, privateText: string, groupText: string): Promise<void> {
  return answerPrivately(ctx, privateText, groupText);
}
