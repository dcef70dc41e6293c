import type { ChatEvent } from './platform/chat-event';
import type { Command } from './pipeline/command';
import { allCommands } from './all-commands';
import { countInteraction } from './features/points/count-interaction';
import { dedupe } from './pipeline/middleware/dedupe';
import { dropStale } from './pipeline/middleware/drop-stale';
import { ignoreSelf } from './pipeline/middleware/ignore-self';
import { homeworkChat } from './features/homework/homework-chat';
import { memberEvents } from './features/cohorts/member-events';
import { moderateMessage } from './features/moderation/moderate-message';
import { privateAnswers } from './features/feedback/private-answers';
import { floodControl } from './features/moderation/flood-control';
import { recogniseCommand } from './pipeline/middleware/recognise-command';
import { resolveCohort } from './pipeline/middleware/resolve-cohort';
import { roleGuard } from './pipeline/middleware/role-guard';
import { runCommand } from './pipeline/middleware/run-command';
import type { BotDeps } from './pipeline/bot-deps';
import { ChatContext } from './pipeline/chat-context';
import { compose, type Middleware } from './pipeline/compose';

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
