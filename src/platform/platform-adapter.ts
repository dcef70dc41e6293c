import type { ChatEvent, ChatTarget, ChatUser, OutgoingFile, OutgoingMessage, Platform } from './chat-event';

/** Receives every event the adapter turns into a ChatEvent. */
export type EventSink = (event: ChatEvent) => Promise<void>;

/**
 * What a platform says about the bot's own session, for the process to act on: a login QR
 * code someone must scan with the bot's phone, a (new) login, or the session lost (logged
 * out, or the connection to the platform gone) so the bot can no longer send.
 */
export type SessionEvent =
  | { type: 'login-qr'; qr: string; status: 'waiting' | 'scanned' | 'confirmed' | 'timeout' | 'cancelled' | 'unknown' }
  | { type: 'logged-in'; self: ChatUser }
  | { type: 'session-lost'; reason: 'logout' | 'disconnected'; detail: string };

/** Receives the adapter's session events; must not throw. */
export type SessionSink = (event: SessionEvent) => void;

/** The inbound half of a platform: its events, turned into our ChatEvent. */
export interface Inbound {
  readonly platform: Platform;
  /** Sees every group message (so it can moderate), not only those addressed to the bot. */
  readonly seesAllGroupMessages: boolean;
  /**
   * Connects and resolves with the bot's own identity once logged in. Platforms with a login
   * of their own (WeChat's QR code) report it, and a lost session, to `onSession`.
   */
  start(onEvent: EventSink, onSession?: SessionSink): Promise<ChatUser>;
  stop(): Promise<void>;
  /** Fetches an attachment's bytes again from its `ref`, for an event resumed after a restart. */
  loadAttachment?(ref: string): Promise<Buffer>;
}

/**
 * The outbound half: what the bot can do on the platform. `send` reaches a group or a person
 * privately on every platform (surveys and follow-ups are private). Every other method is a
 * capability: present where the platform has it, absent where it does not, and the features
 * degrade by checking for the method (no mute: staff are told to mute by hand).
 */
export interface Outbound {
  /** Text with optional @mentions, to a group or privately to one person. */
  send(target: ChatTarget, message: OutgoingMessage): Promise<void>;
  /** Sends a file (an exported workbook, a homework image). */
  sendFile?(target: ChatTarget, file: OutgoingFile): Promise<void>;
  /** Takes back a message the bot or a member sent; false when the platform refused. */
  recall?(messageId: string): Promise<boolean>;
  /** Silences a member of a group for some minutes. */
  mute?(groupId: string, userId: string, minutes: number): Promise<boolean>;
  /** Removes a member from a group. */
  remove?(groupId: string, userId: string): Promise<boolean>;
  /** The group's current members. */
  listMembers?(groupId: string): Promise<ChatUser[]>;
}

/** A platform: the inbound and outbound halves, implemented by one adapter object. */
export type PlatformAdapter = Inbound & Outbound;

/**
 * The outbound half of an adapter with `send` replaced (by one that hands failures to the
 * outbox), keeping exactly the capabilities the adapter has, bound to it.
 */
export function outboundOf(adapter: Outbound, send: Outbound['send']): Outbound {
  const out: Outbound = { send };
  if (adapter.sendFile) out.sendFile = adapter.sendFile.bind(adapter);
  if (adapter.recall) out.recall = adapter.recall.bind(adapter);
  if (adapter.mute) out.mute = adapter.mute.bind(adapter);
  if (adapter.remove) out.remove = adapter.remove.bind(adapter);
  if (adapter.listMembers) out.listMembers = adapter.listMembers.bind(adapter);
  return out;
}
