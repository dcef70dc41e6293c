import { log as wechatyLog, WechatyBuilder, type Contact, type Wechaty } from 'wechaty';
import { FileBox } from 'file-box';
import { PuppetService } from 'wechaty-puppet-service';
import type { Puppet } from 'wechaty-puppet';
import type { ChatEvent, ChatTarget, ChatUser, OutgoingMessage } from '../chat-event';
import type { Logger } from '../../kernel/logger';
import type { AdapterCapabilities, EventSink, PlatformAdapter } from '../platform-adapter';
import { toChatEvent } from './to-chat-event';

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
  readonly capabilities: AdapterCapabilities = {
    seesAllGroupMessages: true,
    recall: true,
    mute: false,
    remove: true,
    listMembers: true,
    privateMessages: true,
    files: true,
  };
  private bot: Wechaty | null = null;
  private me: ChatUser | null = null;

  constructor(private readonly options: WechatyAdapterOptions) {}

  async start(onEvent: EventSink): Promise<ChatUser> {
    wechatyLog.level('silent');
    const { log } = this.options;
    const puppet =
      this.options.puppet ?? new PuppetService({ endpoint: this.options.endpoint, token: this.options.token, tls: this.options.tls });
    const bot = WechatyBuilder.build({ name: this.options.name ?? 'cohort-bot', puppet });
    this.bot = bot;
    const deliver = (event: ChatEvent | null) => {
      if (!event) return;
      onEvent(event).catch((err: unknown) => log.error({ err, eventId: event.id }, 'event handler failed'));
    };
    bot.on('message', (msg) => {
      toChatEvent(msg, this.self())
        .then(deliver)
        .catch((err: unknown) => log.error({ err }, 'message conversion failed'));
    });
    bot.on('room-join', (room, invitees, _inviter, date) => {
      const at = date ?? new Date();
      deliver(this.memberEvent('member_joined', room.id, invitees, at));
    });
    bot.on('room-leave', (room, leavers, _remover, date) => {
      const at = date ?? new Date();
      deliver(this.memberEvent('member_left', room.id, leavers, at));
    });
    bot.on('error', (err) => log.warn({ err }, 'wechaty error'));
    const loggedIn = new Promise<ChatUser>((resolve) => {
      bot.once('login', (user) => resolve({ id: user.id, name: user.name() }));
    });
    await bot.start();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new LoginTimeoutError(`no login from the puppet service at ${this.options.endpoint} within ${this.options.loginTimeoutMs} ms`)),
        this.options.loginTimeoutMs,
      );
    });
    try {
      this.me = await Promise.race([loggedIn, timeout]);
    } catch (err) {
      await bot.stop().catch(() => undefined);
      throw err;
    } finally {
      clearTimeout(timer);
    }
    bot.on('logout', () => log.warn('logged out of the puppet service'));
    return this.me;
  }

  private memberEvent(type: 'member_joined' | 'member_left', roomId: string, people: Contact[], at: Date): ChatEvent {
    const members = people.map((c) => ({ id: c.id, name: c.name() }));
    return {
      id: `${type}:${roomId}:${members.map((m) => m.id).join(',')}:${at.getTime()}`,
      platform: 'wechaty',
      type,
      conversation: { kind: 'group', id: roomId },
      sender: members[0] ?? { id: '', name: '' },
      text: '',
      mentions: [],
      mentionsBot: false,
      timestamp: at,
      members,
      fromSelf: false,
    };
  }

  /** The logged-in account. */
  self(): ChatUser {
    if (!this.me) throw new Error('wechaty adapter is not logged in');
    return this.me;
  }

  async stop(): Promise<void> {
    const bot = this.bot;
    this.bot = null;
    if (bot) await bot.stop();
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
      if (message.file) await room.say(FileBox.fromBuffer(message.file.data, message.file.name));
      return;
    }
    const contact = await bot.Contact.find({ id: target.id });
    if (!contact) throw new Error(`contact ${target.id} not found`);
    if (message.text) await contact.say(message.text);
    if (message.file) await contact.say(FileBox.fromBuffer(message.file.data, message.file.name));
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
