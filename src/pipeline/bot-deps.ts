import type { Redis } from 'ioredis';
import type { Config } from '../kernel/load-config';
import type { ScoringConfig } from '../kernel/scoring-config';
import type { ChatTarget, ChatUser, OutgoingMessage } from '../platform/chat-event';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../kernel/logger';
import type { AdapterCapabilities } from '../platform/platform-adapter';
import type { JobScheduler } from '../queue/job-scheduler';
import type { Stores } from '../stores/create-stores';

/** Sends a message through the running platform adapter. */
export type SendFn = (target: ChatTarget, message: OutgoingMessage) => Promise<void>;

/** Everything the pipeline needs, built once per process and shared by all events. */
export interface BotDeps {
  config: Config;
  scoring: ScoringConfig;
  stores: Stores;
  redis: Redis;
  clock: Clock;
  log: Logger;
  send: SendFn;
  capabilities: AdapterCapabilities;
  scheduler: JobScheduler;
  /** The bot's own identity once logged in. */
  self: () => ChatUser;
  /** Platform actions beyond sending, where the platform has them. */
  actions: { recall?: (messageId: string) => Promise<boolean>; remove?: (groupId: string, userId: string) => Promise<boolean> };
  /** The moderation detector in use (swapped atomically on reload). */
  detector: { scan(text: string): { flagged: boolean; categories: string[]; matches: { word: string; category: string; start: number; end: number }[] } };
  listMembers?: (groupId: string) => Promise<ChatUser[]>;
}
