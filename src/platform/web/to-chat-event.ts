import type { ChatAttachment, ChatEvent, ChatUser } from '../chat-event';
import type { WebMessage } from './web-chat-store';

/** What turning a web chat message into a ChatEvent needs beside the message. */
export interface WebEventContext {
  self: ChatUser;
  /** The display name of a person id (for @mentions). */
  nameOf(id: string): string;
  /** The group's title, for group messages. */
  groupTitle?: string;
  /** Reads an uploaded file's bytes; called only when the bot wants them, as platforms fetch lazily. */
  loadFile(id: string): Promise<Buffer>;
}

/** Turns a member's web chat message into our ChatEvent; an uploaded image is an attachment, as on WeChat. */
export function toChatEvent(message: WebMessage, ctx: WebEventContext): ChatEvent {
  const mentions: ChatUser[] = message.mentionIds.map((id) => ({ id, name: ctx.nameOf(id) }));
  const attachments: ChatAttachment[] = [];
  const file = message.file;
  if (file) {
    attachments.push({ kind: file.kind, name: file.name, mimeType: file.mimeType, load: () => ctx.loadFile(file.id), ref: file.id });
  }
  const group = message.conversation.kind === 'group';
  return {
    id: message.id,
    platform: 'web',
    type: 'message',
    conversation: group ? { kind: 'group', id: message.conversation.id, title: ctx.groupTitle } : { kind: 'private', id: message.conversation.id },
    sender: { id: message.senderId, name: message.senderName },
    text: message.text,
    mentions,
    mentionsBot: message.mentionIds.includes(ctx.self.id),
    timestamp: message.at,
    attachments,
    fromSelf: message.senderId === ctx.self.id,
  };
}
