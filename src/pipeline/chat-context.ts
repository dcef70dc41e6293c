import type { ChatEvent, ChatTarget, OutgoingMessage } from '../platform/chat-event';
import type { Logger } from '../kernel/logger';
import type { Cohort, Member, Role } from '../domain/types';
import type { GroupBinding } from '../stores/binding-store';
import type { Command, RawArgs } from './command';
import type { BotDeps } from './bot-deps';

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
  readonly log: Logger;

  constructor(
    readonly event: ChatEvent,
    readonly deps: BotDeps,
    /** The bot's clock when the event arrived. */
    readonly now: Date,
  ) {
    this.log = deps.log.child({ eventId: event.id });
  }

  /**
   * When the event happened: the platform's send time when it is plausible (not in the
   * future, not older than the stale limit, or two minutes when that is off), else arrival.
   * A sign-in delayed by a restart is judged at the time the trainee sent it.
   */
  get at(): Date {
    const trustMs = this.deps.config.STALE_MESSAGE_SECONDS > 0 ? this.deps.config.STALE_MESSAGE_SECONDS * 1000 : 120_000;
    const sent = this.event.timestamp.getTime();
    const now = this.now.getTime();
    if (Number.isFinite(sent) && sent <= now && now - sent <= trustMs) return this.event.timestamp;
    return this.now;
  }

  get isGroup(): boolean {
    return this.event.conversation.kind === 'group';
  }

  /** Answers where the event came from; in a group the sender is @mentioned. */
  async reply(text: string): Promise<void> {
    const target: ChatTarget = { kind: this.event.conversation.kind, id: this.event.conversation.id };
    const message: OutgoingMessage = this.isGroup ? { text, mentions: [this.event.sender] } : { text };
    await this.deps.send(target, message);
  }

  /** Says something to a target other than the current conversation. */
  async send(target: ChatTarget, message: OutgoingMessage): Promise<void> {
    await this.deps.send(target, message);
  }

  hasRole(...roles: Role[]): boolean {
    return roles.some((r) => this.roles.has(r));
  }
}
