import { log as wechatyLog, WechatyBuilder, type Contact, type Wechaty } from 'wechaty';
import { FileBox } from 'file-box';
import { PuppetService } from 'wechaty-puppet-service';
import type { Puppet } from 'wechaty-puppet';
import type { ChatEvent, ChatTarget, ChatUser, OutgoingFile, OutgoingMessage } from '../chat-event';
import { memberEvent } from '../chat-event';
import type { Logger } from '../../kernel/logger';
import type { EventSink, PlatformAdapter, SessionEvent, SessionSink } from '../platform-adapter';
import { toChatEvent } from './to-chat-event';
import { DependencyUnavailableError } from '../../kernel/dependency-unavailable-error';
import { systemClock, type Clock } from '../../kernel/clock';

/** Connection settings of the puppet service (the provider is the user's choice). */
export interface WechatyAdapterOptions {
  endpoint: string;
  token: string;
  tls?: { caCert?: string; serverName?: string; disable?: boolean };
  name?: string;
  loginTimeoutMs: number;
  log: Logger;
  /** A puppet to use in-process instead of the puppet service (benchmarks measure the gRPC hop with it). */
  puppet?: Puppet;
  /** The bot's clock: WeChat stamps messages in real time, events carry the time on this clock. Default: the wall clock. */
  clock?: Clock;
}

/** Wechaty's ScanStatus (Unknown, Cancel, Waiting, Scanned, Confirmed, Timeout) in our words. */
const SCAN_STATUS: Record<number, Extract<SessionEvent, { type: 'login-qr' }>['status']> = {
  0: 'unknown',
  1: 'cancelled',
  2: 'waiting',
  3: 'scanned',
  4: 'confirmed',
  5: 'timeout',
};

/** gRPC's UNAVAILABLE: the puppet service dropped the connection or cannot be reached. */
const GRPC_UNAVAILABLE = 14;

/** True for an error that means the puppet service connection is gone (not one failed call). */
function isConnectionLost(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  return code === GRPC_UNAVAILABLE || (typeof message === 'string' && /\bUNAVAILABLE\b/.test(message));
}

/** Raised when the puppet service did not log in within the timeout. */
export class LoginTimeoutError extends Error {
  readonly code = 'LOGIN_TIMEOUT';
}

/**
 * WeChat and WeCom groups through Wechaty's puppet-service (gRPC). Sees every group
 * message, so it can moderate; can recall and remove where the provider allows.
 */
export class WechatyAdapter implements PlatformAdapter {
  readonly platform = 'wechaty' as const;
  readonly seesAllGroupMessages = true;
  private bot: Wechaty | null = null;
  private me: ChatUser | null = null;
  /** Set while the adapter stops itself: the logout and errors that follow are not a lost session. */
  private stopping = false;
  /** A lost session was reported and no login has followed yet. */
  private sessionLost = false;

  constructor(private readonly options: WechatyAdapterOptions) {}

  async start(onEvent: EventSink, onSession: SessionSink = () => undefined): Promise<ChatUser> {
    wechatyLog.level('silent');
    const { log } = this.options;
    const puppet =
      this.options.puppet ?? new PuppetService({ endpoint: this.options.endpoint, token: this.options.token, tls: this.options.tls });
    const bot = WechatyBuilder.build({ name: this.options.name ?? 'cohort-bot', puppet });
    this.bot = bot;
    this.stopping = false;
    this.sessionLost = false;
    const clock = this.options.clock ?? systemClock;
    const deliver = (stamped: ChatEvent | null) => {
      if (!stamped) return;
      const event = { ...stamped, timestamp: clock.at(stamped.timestamp) };
      onEvent(event).catch((err: unknown) => log.error({ err, eventId: event.id }, 'event handler failed'));
    };
    bot.on('message', (msg) => {
      toChatEvent(msg, this.self())
        .then(deliver)
        .catch((err: unknown) => log.error({ err }, 'message conversion failed'));
    });
    bot.on('room-join', (room, invitees, _inviter, date) => {
      const at = date ?? new Date();
      deliver(memberEvent('wechaty', 'member_joined', room.id, invitees.map((c) => ({ id: c.id, name: c.name() })), at));
    });
    bot.on('room-leave', (room, leavers, _remover, date) => {
      const at = date ?? new Date();
      deliver(memberEvent('wechaty', 'member_left', room.id, leavers.map((c) => ({ id: c.id, name: c.name() })), at));
    });
    // The session as the runtime needs to know it: a QR code to scan, a login, a lost session (once until the next login).
    const report = (event: SessionEvent) => {
      try {
        onSession(event);
      } catch (err) {
        log.error({ err, session: event.type }, 'session event handler failed');
      }
    };
    const lost = (reason: 'logout' | 'disconnected', detail: string) => {
      if (this.stopping || this.sessionLost || !this.me) return;
      this.sessionLost = true;
      report({ type: 'session-lost', reason, detail });
    };
    bot.on('scan', (qr, status) => {
      if (this.stopping || !qr) return;
      report({ type: 'login-qr', qr, status: SCAN_STATUS[status] ?? 'unknown' });
    });
    bot.on('login', (user) => {
      const self = { id: user.id, name: user.name() };
      // A login after a lost session: the provider reconnected, or someone scanned the new QR code.
      if (this.me && this.sessionLost) {
        this.me = self;
        this.sessionLost = false;
        report({ type: 'logged-in', self });
      }
    });
    bot.on('logout', (_user, reason) => {
      log.warn({ reason }, 'logged out of the puppet service');
      lost('logout', reason ?? '');
    });
    // Before the first login an error only explains a failed start: it goes into the one line
    // that start-up fails with, not into the log as a stack trace per retry.
    let startError: unknown;
    bot.on('error', (err) => {
      if (!this.me) {
        startError = err;
        log.debug({ err }, 'wechaty error before the first login');
        return;
      }
      log.warn({ err }, 'wechaty error');
      if (isConnectionLost(err)) lost('disconnected', err.message);
    });
    let timer: NodeJS.Timeout | undefined;
    const loggedIn = new Promise<ChatUser>((resolve, reject) => {
      bot.once('login', (user) => resolve({ id: user.id, name: user.name() }));
      timer = setTimeout(() => reject(this.startFailure(startError)), this.options.loginTimeoutMs);
    });
    // Once a QR code is shown the puppet service is there and a person has to scan it: wait as long as that takes.
    bot.once('scan', () => clearTimeout(timer));
    // The login timeout runs from here even while `start` still retries an unreachable service.
    loggedIn.catch(() => undefined);
    try {
      const started = bot.start();
      await Promise.race([started, loggedIn]);
      await started;
      this.me = await loggedIn;
    } catch (err) {
      this.stopping = true;
      await bot.stop().catch(() => undefined);
      throw err;
    } finally {
      clearTimeout(timer);
    }
    return this.me;
  }


  /** Why start-up gave up: the puppet service unreachable (naming its variable), or no login in time. */
  private startFailure(lastError: unknown): Error {
    const { endpoint, loginTimeoutMs } = this.options;
    if (isConnectionLost(lastError)) {
      const detail = (lastError as Error).message.replace(/\s*Resolution note:.*$/s, '');
      return new DependencyUnavailableError('the puppet service', 'WECHATY_PUPPET_SERVICE_ENDPOINT', endpoint, loginTimeoutMs, detail);
    }
    const detail = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
    return new LoginTimeoutError(`no login from the puppet service at ${endpoint} within ${Math.round(loginTimeoutMs / 1000)} s${detail}`);
  }

  /** The logged-in account. */
  self(): ChatUser {
    if (!this.me) throw new Error('wechaty adapter is not logged in');
    return this.me;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const bot = this.bot;
    this.bot = null;
    if (bot) await bot.stop();
  }

  /** An image's bytes again from its message id (the attachment's `ref`), for an event resumed after a restart. */
  async loadAttachment(ref: string): Promise<Buffer> {
    const msg = await this.requireBot().Message.find({ id: ref });
    if (!msg) throw new Error(`message ${ref} is gone from the puppet`);
    return (await msg.toFileBox()).toBuffer();
  }

  private requireBot(): Wechaty {
    if (!this.bot) throw new Error('wechaty adapter is not started');
    return this.bot;
  }

  async send(target: ChatTarget, message: OutgoingMessage): Promise<void> {
    const bot = this.requireBot();
    if (target.kind === 'group') {
      const room = await bot.Room.find({ id: target.id });
      if (!room) throw new Error(`room ${target.id} not found`);
      const contacts: Contact[] = [];
      for (const m of message.mentions ?? []) {
        const c = await bot.Contact.find({ id: m.id });
        if (c) contacts.push(c);
      }
      if (message.text) await room.say(message.text, ...contacts);
      return;
    }
    const contact = await bot.Contact.find({ id: target.id });
    if (!contact) throw new Error(`contact ${target.id} not found`);
    if (message.text) await contact.say(message.text);
  }

  async sendFile(target: ChatTarget, file: OutgoingFile): Promise<void> {
    const bot = this.requireBot();
    const box = FileBox.fromBuffer(file.data, file.name);
    const to = target.kind === 'group' ? await bot.Room.find({ id: target.id }) : await bot.Contact.find({ id: target.id });
    if (!to) throw new Error(`${target.kind} ${target.id} not found`);
    await to.say(box);
  }

  async listMembers(groupId: string): Promise<ChatUser[]> {
    const room = await this.requireBot().Room.find({ id: groupId });
    if (!room) return [];
    return (await room.memberAll()).map((c) => ({ id: c.id, name: c.name() }));
  }

  async recall(messageId: string): Promise<boolean> {
    const msg = await this.requireBot().Message.find({ id: messageId });
    return msg ? msg.recall() : false;
  }

  async remove(groupId: string, userId: string): Promise<boolean> {
    const bot = this.requireBot();
    const room = await bot.Room.find({ id: groupId });
    const contact = await bot.Contact.find({ id: userId });
    if (!room || !contact) return false;
    await room.del(contact as never);
    return true;
  }
}
