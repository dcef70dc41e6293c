import type { Message } from 'wechaty';
import { types } from 'wechaty';
import type { ChatAttachment, ChatEvent, ChatUser } from '../chat-event';

/** Turns a Wechaty message into our ChatEvent (null for kinds the bot ignores). */
export async function toChatEvent(msg: Message, self: ChatUser): Promise<ChatEvent | null> {
  const type = msg.type();
  const isText = type === types.Message.Text;
  const isImage = type === types.Message.Image;
  if (!isText && !isImage) return null;
  const room = msg.room();
  const talker = msg.talker();
  const mentions: ChatUser[] = room ? (await msg.mentionList()).map((c) => ({ id: c.id, name: c.name() })) : [];
  const attachments: ChatAttachment[] = isImage
    ? [
        {
          kind: 'image',
          name: `${msg.id}.jpg`,
          mimeType: 'image/jpeg',
          load: async () => (await msg.toFileBox()).toBuffer(),
          ref: msg.id,
        },
      ]
    : [];
  const raw = isText ? msg.text() : '';
  // WeChat delivers a quoted reply as text: 「name：quoted」, a dashed rule, then the reply.
  const quoted = /^「([\s\S]+?)」\n(?:- ){5,}-?\n([\s\S]*)$/u.exec(raw);
  return {
    id: msg.id,
    platform: 'wechaty',
    type: 'message',
    conversation: room ? { kind: 'group', id: room.id, title: await room.topic() } : { kind: 'private', id: talker.id },
    sender: { id: talker.id, name: talker.name() },
    text: quoted ? quoted[2]! : raw,
    mentions,
    mentionsBot: mentions.some((m) => m.id === self.id),
    timestamp: msg.date(),
    attachments,
    fromSelf: msg.self(),
    quote: quoted ? { text: quoted[1] } : undefined,
  };
}
