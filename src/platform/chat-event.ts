import { maskPhonesInText } from '../kernel/privacy';

/** The platforms a cohort's group can live on. */
export type Platform = 'wechaty' | 'dingtalk' | 'web' | 'memory';

/** A person as a platform identifies them. */
export interface ChatUser {
  id: string;
  name: string;
}

/** Where a message was said or should go. */
export interface ChatTarget {
  kind: 'group' | 'private';
  id: string;
}

/** A file that arrived with a message; loaded on demand because platforms fetch lazily. */
export interface ChatAttachment {
  kind: 'image' | 'file';
  name: string;
  mimeType?: string;
  load(): Promise<Buffer>;
  /** What the adapter's `loadAttachment` takes to fetch the bytes again after a restart (a message id, a download code). */
  ref?: string;
}

/** One platform event in our own shape; everything after the adapter sees only this. */
export interface ChatEvent {
  /** Stable per platform message; redeliveries carry the same id. */
  id: string;
  platform: Platform;
  type: 'message' | 'member_joined' | 'member_left';
  conversation: ChatTarget & { title?: string };
  sender: ChatUser;
  text: string;
  mentions: ChatUser[];
  mentionsBot: boolean;
  /** When the platform says the message was sent. */
  timestamp: Date;
  /** Members who joined or left (member events only). */
  members?: ChatUser[];
  attachments?: ChatAttachment[];
  /** The message this one replies to or quotes, when the platform says so. */
  quote?: { messageId?: string; text?: string };
  /** True when the bot itself sent it. */
  fromSelf: boolean;
}

/** What the bot says: text with optional @mentions. */
export interface OutgoingMessage {
  text: string;
  mentions?: ChatUser[];
}

/**
 * The message with every phone number in its text, and in the names it @mentions, masked by the
 * one phone policy (kernel/privacy): what the bot says passes here on its way to a platform.
 */
export function maskOutgoing(message: OutgoingMessage): OutgoingMessage {
  const masked: OutgoingMessage = { ...message, text: maskPhonesInText(message.text) };
  if (message.mentions) masked.mentions = message.mentions.map((m) => ({ ...m, name: maskPhonesInText(m.name) }));
  return masked;
}

/** A file the bot sends where the platform can (see `Outbound.sendFile`). */
export interface OutgoingFile {
  name: string;
  data: Buffer;
}

/**
 * The event for people joining or leaving a group, the same on every platform: its id is made
 * from the group, the people and the time, so a redelivered notice is handled once.
 */
export function memberEvent(platform: Platform, type: 'member_joined' | 'member_left', groupId: string, members: ChatUser[], at: Date): ChatEvent {
  return {
    id: `${type}:${groupId}:${members.map((m) => m.id).join(',')}:${at.getTime()}`,
    platform,
    type,
    conversation: { kind: 'group', id: groupId },
    sender: members[0] ?? { id: '', name: '' },
    text: '',
    mentions: [],
    mentionsBot: false,
    timestamp: at,
    members,
    fromSelf: false,
  };
}
