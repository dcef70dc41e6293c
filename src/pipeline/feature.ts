import type { BotDeps } from './bot-deps';
import type { Command, Middleware } from './chat-context';

/**
 * What one capability adds to the bot, the way a grammY plugin is a Composer: its commands,
 * middleware in the two places features may stand, and what it keeps in this process.
 */
export interface Feature {
  name: string;
  /** Chat commands, in the order 帮助 lists them. */
  commands?: Command[];
  /** Every event after the command is recognised and before the role guard (moderation, member events). */
  inbound?: Middleware[];
  /** Ordinary chat that no command took (interaction, homework images, private answers). */
  chat?: Middleware[];
  /** Sends what the feature still holds (a pending board) and releases its timers. */
  stop?(): Promise<void>;
  /** Drops in-memory state the feature no longer needs (sent, idle boards); the process's local timers call it every minute. */
  sweep?(): void;
}

/** Builds a feature for one bot process from the shared dependencies. */
export type FeatureFactory = (deps: BotDeps) => Feature;
