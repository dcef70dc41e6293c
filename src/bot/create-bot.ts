import type { ChatEvent } from '../core/chat-event';
import type { Command } from '../commands/command';
import { allCommands } from '../commands/all-commands';
import { countInteraction } from '../middleware/count-interaction';
import { dedupe } from '../middleware/dedupe';
import { dropStale } from '../middleware/drop-stale';
import { ignoreSelf } from '../middleware/ignore-self';
import { homeworkChat } from '../middleware/homework-chat';
import { memberEvents } from '../middleware/member-events';
import { moderateMessage } from '../middleware/moderate-message';
import { privateAnswers } from '../middleware/private-answers';
import { floodControl } from '../middleware/flood-control';
import { recogniseCommand } from '../middleware/recognise-command';
import { resolveCohort } from '../middleware/resolve-cohort';
import { roleGuard } from '../middleware/role-guard';
import { runCommand } from '../middleware/run-command';
import type { BotDeps } from './bot-deps';
import { ChatContext } from './chat-context';
import { compose, type Middleware } from './middleware';

/** The bot as adapters and tests see it: one entry for every platform event. */
export interface Bot {
  processEvent(event: ChatEvent): Promise<void>;
  readonly commands: Command[];
}

/** Options to add features into the pipeline (moderation, interaction counting). */
export interface CreateBotOptions {
  /** Runs after the cohort is resolved and before commands (e.g. moderation). */
  beforeCommands?: Middleware[];
  /** Runs for ordinary chat after commands declined it. */
  afterCommands?: Middleware[];
}

/**
 * Wires the pipeline: ignore self → drop stale → dedupe → resolve cohort → member events →
 * recognise command → moderation → flood control → [features] → role guard → run command →
 * count interaction → homework in chat → private answers → [chat features].
 * A failure that is not the user's is logged, answered with a short apology, and rethrown
 * so the dedupe key is released and a redelivery can succeed.
 */
export function createBot(deps: BotDeps, options: CreateBotOptions = {}): Bot {
  const commands = allCommands();
  const pipeline = compose([
    ignoreSelf,
    dropStale,
    dedupe,
    resolveCohort,
    memberEvents,
    recogniseCommand(commands),
    moderateMessage,
    floodControl,
    ...(options.beforeCommands ?? []),
    roleGuard,
    runCommand,
    countInteraction,
    homeworkChat,
    privateAnswers,
    ...(options.afterCommands ?? []),
  ]);
  return {
    commands,
    async processEvent(event) {
      const ctx = new ChatContext(event, deps, deps.clock.now());
      try {
        await pipeline(ctx);
      } catch (err) {
        ctx.log.error({ err }, 'event failed');
        if (ctx.command) await ctx.reply('系统繁忙，请稍后再试。').catch(() => undefined);
        throw err;
      }
    },
  };
}
