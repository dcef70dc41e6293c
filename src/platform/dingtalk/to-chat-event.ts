import type { ChatAttachment, ChatEvent, ChatUser } from '../chat-event';
import type { RobotMessage } from './robot-message';

/** What the conversion needs beyond the payload: names learnt so far and file download. */
export interface ToChatEventDeps {
  /** A display name the adapter has seen for this user id, if any. */
  nameOf(userId: string): string | undefined;
  /** Fetches a file the message refers to by its download code. */
  download(downloadCode: string): Promise<Buffer>;
}

/** The id the bot knows a DingTalk person by: the staff id (userId) in the organisation, else the sender id. */
export function senderIdOf(msg: Pick<RobotMessage, 'senderStaffId' | 'senderId'>): string {
  return msg.senderStaffId || msg.senderId;
}

/**
 * Turns a robot message into our ChatEvent (null for kinds the bot ignores). DingTalk removes
 * the robot's own @ from the text and lists everyone @mentioned in `atUsers` (the robot as
 * well, without a staff id); other people's @name stays in the text.
 */
export function toChatEvent(msg: RobotMessage, deps: ToChatEventDeps): ChatEvent | null {
  const body = bodyOf(msg, deps);
  if (!body) return null;
  const isGroup = msg.conversationType === '2';
  const sender: ChatUser = { id: senderIdOf(msg), name: msg.senderNick };
  const mentions = isGroup ? mentionsOf(msg, body.text, deps) : [];
  return {
    id: msg.msgId,
    platform: 'dingtalk',
    type: 'message',
    conversation: isGroup
      ? { kind: 'group', id: msg.conversationId, ...(msg.conversationTitle ? { title: msg.conversationTitle } : {}) }
      : { kind: 'private', id: sender.id },
    sender,
    text: body.text,
    mentions,
    mentionsBot: isGroup && msg.isInAtList === true,
    timestamp: new Date(msg.createAt),
    attachments: body.attachments,
    fromSelf: false,
  };
}

function bodyOf(msg: RobotMessage, deps: ToChatEventDeps): { text: string; attachments: ChatAttachment[] } | null {
  switch (msg.msgtype) {
    case 'text':
      return { text: (msg.text?.content ?? '').trim(), attachments: [] };
    case 'picture': {
      const code = msg.content?.downloadCode ?? msg.content?.pictureDownloadCode;
      return { text: '', attachments: code ? [image(`${msg.msgId}.jpg`, code, deps)] : [] };
    }
    case 'richText': {
      const parts = msg.content?.richText ?? [];
      const attachments: ChatAttachment[] = [];
      let text = '';
      parts.forEach((p, i) => {
        if (p.text !== undefined) text += p.text;
        const code = p.downloadCode ?? p.pictureDownloadCode;
        if (p.type === 'picture' && code) attachments.push(image(`${msg.msgId}-${i}.jpg`, code, deps));
      });
      return { text: text.trim(), attachments };
    }
    default:
      return null;
  }
}

function image(name: string, downloadCode: string, deps: ToChatEventDeps): ChatAttachment {
  return { kind: 'image', name, mimeType: 'image/jpeg', load: () => deps.download(downloadCode), ref: downloadCode };
}

/**
 * People @mentioned other than the robot. `atUsers` carries ids but no names: a name comes
 * from the senders seen so far, else from the @name tags in the text when they pair up one
 * to one with the people listed.
 */
function mentionsOf(msg: RobotMessage, text: string, deps: ToChatEventDeps): ChatUser[] {
  const others = msg.atUsers.filter((u) => u.dingtalkId !== msg.chatbotUserId);
  const tags = [...text.matchAll(/@([^\s@\u2005\u2006]+)/gu)].map((m) => m[1] ?? '');
  const pairByOrder = tags.length === others.length;
  return others.map((u, i) => {
    const id = u.staffId || u.dingtalkId;
    return { id, name: deps.nameOf(id) ?? (pairByOrder ? (tags[i] ?? '') : '') };
  });
}
