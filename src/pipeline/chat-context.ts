import { createHash } from 'node:crypto';
import { maskOutgoing, type ChatEvent, type ChatTarget, type ChatUser, type OutgoingMessage } from '../platform/chat-event';
import type { Logger } from '../kernel/logger';
import { realMsBetween } from '../kernel/clock';
import type { Cohort, CohortSettings, Member, Role } from '../domain/types';
import type { GroupBinding } from '../domain/types';
import type { z } from 'zod';

import type { BotDeps } from './bot-deps';
import { countInWindow, windowBucket, type WindowBucket, type WindowCount } from './message-window';

/** One fresh object per event: the event, its cohort, the sender's roles and how to answer. */
export class ChatContext {
  /** The cohort of the group, or of the sender in a private chat, once resolved. */
  cohort: Cohort | null = null;
  binding: GroupBinding | null = null;
  roles = new Set<Role>();
  /** The sender's membership in the cohort, when they have one. */
  member: Member | null = null;
  isAdmin = false;
  /** The command this message names, once recognised. */
  command: { def: Command; raw: RawArgs } | null = null;
  /** A message written as a command that names none (#签道): the word, and the command it most likely meant. */
  unknownCommand: { word: string; suggestion: string | null } | null = null;
  private logger: Logger | null = null;
  private windowCount: WindowCount | null | undefined;

  constructor(
    readonly event: ChatEvent,
    readonly deps: BotDeps,
    /** The bot's clock when the event arrived. */
    readonly now: Date,
  ) {}

  /** A logger tagged with the event id, made when the event first logs (most events log nothing). */
  get log(): Logger {
    return (this.logger ??= this.deps.log.child({ eventId: this.event.id }));
  }

  /**
   * When the event happened: the platform's send time when it is plausible (not in the
   * future, not older than the stale limit, or two minutes when that is off, both in real
   * time), else arrival. A sign-in delayed by a restart is judged at the time the trainee sent it.
   */
  get at(): Date {
    const trustMs = this.deps.config.STALE_MESSAGE_SECONDS > 0 ? this.deps.config.STALE_MESSAGE_SECONDS * 1000 : 120_000;
    const sent = this.event.timestamp.getTime();
    if (Number.isFinite(sent) && sent <= this.now.getTime() && realMsBetween(this.deps.clock, this.event.timestamp, this.now) <= trustMs) return this.event.timestamp;
    return this.now;
  }

  /**
   * This message counted in its sender's flood window (group messages only, null otherwise),
   * counted once on the first call unless dedupe counted it with its mark (countedInWindow);
   * flood control reads it.
   */
  messagesInWindow(): WindowCount | null {
    if (this.windowCount === undefined) this.windowCount = countInWindow(this.deps.redis, this.deps.config, this.event, this.now);
    return this.windowCount;
  }

  /** The flood-window counter this message belongs in (group messages only): dedupe counts it in the command that takes its mark. */
  windowBucket(): WindowBucket | null {
    return windowBucket(this.deps.config, this.event, this.now);
  }

  /** Notes the count dedupe took with its mark, so messagesInWindow reads it instead of counting again. */
  countedInWindow(counted: WindowCount): void {
    this.windowCount = counted;
  }

  get isGroup(): boolean {
    return this.event.conversation.kind === 'group';
  }

  /** Answers where the event came from; in a group the sender is @mentioned. Phone numbers in the text are masked. */
  async reply(text: string): Promise<void> {
    const target: ChatTarget = { kind: this.event.conversation.kind, id: this.event.conversation.id };
    await this.send(target, this.isGroup ? { text, mentions: [this.event.sender] } : { text });
  }

  /**
   * Says something to any conversation. Every text the pipeline sends passes here, so the one
   * phone policy (kernel/privacy) applies to all of it: whatever a reply echoes, a phone in it
   * (or in the name of someone it @mentions) is masked.
   */
  async send(target: ChatTarget, message: OutgoingMessage): Promise<void> {
    const masked = maskOutgoing(message);
    // Where the event came from is this account's to answer; anyone else may be served by another
    // account (an administrator on DingTalk told of a WeChat group's plan), which then sends it.
    if (this.deps.relay && !this.cameFrom(target)) {
      const key = createHash('sha256').update(`${this.event.id}|${target.kind}|${target.id}|${masked.text}`).digest('hex').slice(0, 32);
      if (await this.deps.relay(target, masked, key, this.cohort?.id)) return;
    }
    await this.deps.outbound.send(target, masked);
  }

  /** The conversation the event came from, or its sender privately. */
  private cameFrom(target: ChatTarget): boolean {
    return target.id === this.event.conversation.id || (target.kind === 'private' && target.id === this.event.sender.id);
  }

  hasRole(...roles: Role[]): boolean {
    return roles.some((r) => this.roles.has(r));
  }
}

/** A context whose cohort the pipeline has found: what commands that need a cohort receive. */
export type CohortContext = ChatContext & { readonly cohort: Cohort };

/** Narrows a context to one with a cohort. */
export function hasCohort(ctx: ChatContext): ctx is CohortContext {
  return ctx.cohort !== null;
}

/** What the parser hands a command: the text after its name, split several ways. */
export interface RawArgs {
  /** Everything after the command word on the first line, trimmed. */
  text: string;
  /** `text` split on white space. */
  tokens: string[];
  /** The lines after the first one, trimmed, empty ones dropped. */
  lines: string[];
  /** People @mentioned, the bot excluded, in order. */
  mentions: ChatUser[];
}

/** Who may run a command: roles, or everyone. */
export type Allowed = Role[] | 'all';

/** What every command declares, whatever context it runs in. */
interface CommandBase<A> {
  name: string;
  aliases: string[];
  /** One line for 帮助; a function when it names the cohort's settings (帮助 passes the sender's cohort's, or the defaults). */
  summary: string | ((settings: CohortSettings) => string);
  /** The right form, shown when arguments are malformed. */
  usage: string;
  examples?: string[];
  allowed: Allowed;
  /** Where it can be used. */
  where: 'group' | 'private' | 'any';
  args: z.ZodType<A, RawArgs>;
  /** The arguments carry a phone number on purpose (登记), so moderation does not read it as solicitation. */
  carriesPhoneNumber?: boolean;
}

/**
 * One chat command: its names, argument schema, who may run it and its handler. A command
 * that needs a cohort is only run once the role guard found one, so its handler sees a
 * context whose cohort is not nullable.
 */
export type Command<A = unknown> =
  | (CommandBase<A> & { needsCohort: true; handle(ctx: CohortContext, args: A): Promise<void> })
  | (CommandBase<A> & { needsCohort: false; handle(ctx: ChatContext, args: A): Promise<void> });

/** One step of the pipeline; calls `next` to hand the event on, or returns to stop it. */
export type Middleware = (ctx: ChatContext, next: () => Promise<void>) => Promise<void>;
