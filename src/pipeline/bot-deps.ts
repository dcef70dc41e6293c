import type { RedisClient } from '../queue/redis-connection';
import type { Config } from '../kernel/load-config';
import type { ScoringConfig } from '../kernel/scoring-config';
import type { ChatTarget, ChatUser, OutgoingMessage } from '../platform/chat-event';
import type { Clock } from '../kernel/clock';
import type { Logger } from '../kernel/logger';
import type { Outbound } from '../platform/platform-adapter';
import type { JobScheduler } from '../queue/job-scheduler';
import type { Stores } from '../stores/create-stores';
import type { CohortWarmer } from './warm-cohort';

/** Everything the pipeline needs, built once per process and shared by all events. */
export interface BotDeps {
  config: Config;
  scoring: ScoringConfig;
  stores: Stores;
  redis: RedisClient;
  clock: Clock;
  log: Logger;
  /** What the bot can do on its platform: `send` always, the rest where the platform has it. */
  outbound: Outbound;
  /**
   * Hands a message for a chat that another bot account serves (a notice to an administrator
   * reached on another platform or through another WeChat account) to that account's outbox,
   * under `key`; false when this account serves the chat (or none is known) and sends it itself.
   * Absent: everything is sent here.
   */
  relay?: (target: ChatTarget, message: OutgoingMessage, key: string, cohortId: string | undefined) => Promise<boolean>;
  scheduler: JobScheduler;
  /** Reads a cohort's hot state ahead of its messages (a process that keeps hot state); absent elsewhere. */
  warmer?: CohortWarmer;
  /** The bot's own identity once logged in. */
  self: () => ChatUser;
  /** The moderation detector in use (swapped atomically on reload). */
  detector: { scan(text: string): { flagged: boolean; categories: string[]; matches: { word: string; category: string; start: number; end: number; tier?: 'public' | 'review'; reason?: string; layer?: 'exact' | 'normalised' | 'pinyin' | 'solicitation' | 'model' }[] } };
}
