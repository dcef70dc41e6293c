import type { ChatEvent, ChatTarget, ChatUser, OutgoingMessage, Platform } from './chat-event';

/** What a platform lets the bot do beyond sending; the bot degrades where one is missing. */
export interface AdapterCapabilities {
  /** Sees every group message, not only those addressed to the bot. */
  seesAllGroupMessages: boolean;
  recall: boolean;
  mute: boolean;
  remove: boolean;
  listMembers: boolean;
  privateMessages: boolean;
  /** Can send a file (an exported workbook); where not, exports are saved on the server. */
  files: boolean;
}

/** Receives every event the adapter turns into a ChatEvent. */
export type EventSink = (event: ChatEvent) => Promise<void>;

/** The small port every platform implements; only adapters import platform SDKs. */
export interface PlatformAdapter {
  readonly platform: Platform;
  readonly capabilities: AdapterCapabilities;
  /** Connects and resolves with the bot's own identity once logged in. */
  start(onEvent: EventSink): Promise<ChatUser>;
  stop(): Promise<void>;
  send(target: ChatTarget, message: OutgoingMessage): Promise<void>;
  listMembers?(groupId: string): Promise<ChatUser[]>;
  recall?(messageId: string): Promise<boolean>;
  remove?(groupId: string, userId: string): Promise<boolean>;
}
