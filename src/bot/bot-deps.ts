import type { Redis } from 'ioredis';
import type { Config } from '../config/load-config';
import type { ScoringConfig } from '../config/scoring-config';
import type { ChatTarget, ChatUser, OutgoingMessage } from '../core/chat-event';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { AdapterCapabilities } from '../core/platform-adapter';
import type { JobScheduler } from '../queue/job-scheduler';
import type { LeaveService } from '../services/leave-service';
import type { SignInBoard } from '../services/sign-in-board';
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
  board: SignInBoard;
  leave: LeaveService;
  /** The bot's own identity once logged in. */
  self: () => ChatUser;
  /** Platform actions beyond sending, where the platform has them. */
  actions: { recall?: (messageId: string) => Promise<boolean>; remove?: (groupId: string, userId: string) => Promise<boolean> };
  /** The moderation detector in use (swapped atomically on reload). */
  detector: { scan(text: string): { flagged: boolean; categories: string[]; matches: { word: string; category: string; start: number; end: number }[] } };
  listMembers?: (groupId: string) => Promise<ChatUser[]>;
}
