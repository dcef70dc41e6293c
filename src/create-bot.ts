import type { ChatEvent } from './platform/chat-event';
import type { BotDeps } from './pipeline/bot-deps';
import { ChatContext, type Command } from './pipeline/chat-context';
import { cleanEvent } from './pipeline/clean-event';
import { compose } from './pipeline/compose';
import type { FeatureFactory } from './pipeline/feature';
import { createHelpCommand } from './pipeline/help.command';
import { dedupe } from './pipeline/middleware/dedupe';
import { dropStale } from './pipeline/middleware/drop-stale';
import { ignoreSelf } from './pipeline/middleware/ignore-self';
import { recogniseCommand } from './pipeline/middleware/recognise-command';
import { resolveCohort } from './pipeline/middleware/resolve-cohort';
import { roleGuard } from './pipeline/middleware/role-guard';
import { runCommand } from './pipeline/middleware/run-command';
import { failureReply } from './pipeline/texts';
import type { Delivery } from './queue/event-inbox';
import { adminFeature } from './features/admin';
import { attendanceFeature } from './features/attendance';
import { cohortsFeature } from './features/cohorts';
import { consoleAccessFeature } from './features/console-access';
import { feedbackFeature } from './features/feedback';
import { homeworkFeature } from './features/homework';
import { leaveFeature } from './features/leave';
import { moderationFeature } from './features/moderation';
import { pointsFeature } from './features/points';
import { registrationFeature } from './features/registration';
import { reportingFeature } from './features/reporting';

/** The bot as adapters and tests see it: one entry for every platform event. */
export interface Bot {
  /** Handles one event; `delivery` says whether a retry follows a failure (a direct call is the one and only run). */
  processEvent(event: ChatEvent, delivery?: Delivery): Promise<void>;
  readonly commands: Command[];
  /** Lets every feature send what it still holds (pending boards) and release its timers. */
  stop(): Promise<void>;
  /** Lets every feature drop in-memory state it no longer needs; run periodically by the process. */
  sweep(): void;
}

/** Every feature of the bot, in the order 帮助 lists their commands (trainees' first). */
export const FEATURES: readonly FeatureFactory[] = [
  attendanceFeature,
  leaveFeature,
  homeworkFeature,
  feedbackFeature,
  reportingFeature,
  registrationFeature,
  cohortsFeature,
  pointsFeature,
  moderationFeature,
  adminFeature,
  consoleAccessFeature,
];

/**
 * Wires the pipeline, for each event as cleanEvent leaves it: ignore self → drop stale → dedupe → resolve cohort → recognise command
 * → [features' inbound: member events, moderation, flood control] → role guard → run command
 * → [features' chat: interaction, homework images, private answers]. The features are only
 * concatenated here. A failure that is not the user's is logged, answered with a short
 * apology (that the message is kept when a retry follows), and rethrown so the dedupe key
 * is released and the retry can succeed.
 */
export function createBot(deps: BotDeps, features: readonly FeatureFactory[] = FEATURES): Bot {
  const built = features.map((make) => make(deps));
  const own = built.flatMap((f) => f.commands ?? []);
  const commands = [createHelpCommand(() => own), ...own];
  const pipeline = compose([
    ignoreSelf,
    dropStale,
    dedupe,
    resolveCohort,
    recogniseCommand(commands),
    ...built.flatMap((f) => f.inbound ?? []),
    roleGuard,
    runCommand,
    ...built.flatMap((f) => f.chat ?? []),
  ]);
  return {
    commands,
    async processEvent(event, delivery = { attempt: 1, last: true }) {
      const ctx = new ChatContext(cleanEvent(event), deps, deps.clock.now());
      try {
        await pipeline(ctx);
      } catch (err) {
        ctx.log.error({ err, attempt: delivery.attempt }, 'event failed');
        const apology = failureReply(delivery);
        if (ctx.command && apology) await ctx.reply(apology).catch(() => undefined);
        throw err;
      }
    },
    async stop() {
      for (const f of built) if (f.stop) await f.stop();
    },
    sweep() {
      for (const f of built) f.sweep?.();
    },
  };
}
