import type { ChatEvent, ChatTarget, ChatUser, OutgoingFile, OutgoingMessage } from '../chat-event';
import { memberEvent } from '../chat-event';
import type { Clock } from '../../kernel/clock';
import type { Logger } from '../../kernel/logger';
import type { EventSink, PlatformAdapter } from '../platform-adapter';
import { SendError } from '../send-error';
import { toChatEvent } from './to-chat-event';
import { WebChat, WebChatError } from './web-chat';
import { isLoopback, startWebChatServer, type WebChatServer } from './web-chat-server';
import { WebChatStore, type WebMessage, type WebPerson } from './web-chat-store';

/** The bot's own id in the web chat. */
export const WEB_BOT_ID = 'web-bot';

/** The id of the class group the demo cohort is bound to. */
export const WEB_CLASS_GROUP_ID = 'web-class';

const CLASS_GROUP_TITLE = '培训班级群';

/** Where the web chat listens and keeps its data. */
export interface WebChatAdapterOptions {
  /** WEB_HOST: loopback unless told otherwise, since the page has no login. */
  host: string;
  /** WEB_PORT; 0 picks a free one. */
  port: number;
  /** The web chat keeps its people, groups, messages and files in this database. */
  mongoUri: string;
  botName: string;
  /** The time zone the page shows times in. */
  timezone: string;
  /** The bot's clock: messages are stamped with it, so a fast demo's chat runs on the demo's time. */
  clock: Clock;
  log: Logger;
}

const MIME_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  txt: 'text/plain',
};

function mimeTypeOf(name: string): string {
  return MIME_TYPES[/\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/**
 * The built-in web chat (BOT_PLATFORM=web): a page on this machine that looks like a class
 * group on a phone, so the bot can be seen working without a WeChat or DingTalk account.
 * Behind the same port as the other adapters: it sees every group message, can send files
 * (images inline, workbooks as downloads), recall, remove and list members; it cannot mute.
 */
export class WebChatAdapter implements PlatformAdapter {
  readonly platform = 'web' as const;
  readonly seesAllGroupMessages = true;
  private chat: WebChat | null = null;
  private server: WebChatServer | null = null;
  /** Members' messages are turned into events one at a time, so events reach the bot in the order they were said. */
  private converting: Promise<void> = Promise.resolve();

  constructor(private readonly options: WebChatAdapterOptions) {}

  /** The page's address once started. */
  get url(): string {
    if (!this.server) throw new Error('web chat adapter is not started');
    return this.server.url;
  }

  async start(onEvent: EventSink): Promise<ChatUser> {
    const { log, clock } = this.options;
    const store = await WebChatStore.open(this.options.mongoUri);
    const self: WebPerson = { id: WEB_BOT_ID, name: this.options.botName, label: '' };
    const chat = new WebChat(store, self, clock);
    const deliver = (event: ChatEvent) => {
      onEvent(event).catch((err: unknown) => log.error({ err, eventId: event.id }, 'event handler failed'));
    };
    chat.connect({
      message: (message) => {
        this.converting = this.converting
          .then(async () => deliver(await this.toEvent(chat, message)))
          .catch((err: unknown) => log.error({ err }, 'web chat message conversion failed'));
      },
      members: (type, groupId, people, at) => deliver(memberEvent('web', type, groupId, people.map((p) => ({ id: p.id, name: p.name })), at)),
    });
    try {
      // The class group always exists, so the page has a group to join even before a demo is staged.
      await store.ensureGroup({ id: WEB_CLASS_GROUP_ID, title: CLASS_GROUP_TITLE, memberIds: [self.id] });
      this.server = await startWebChatServer({
        host: this.options.host,
        port: this.options.port,
        chat,
        timezone: this.options.timezone,
        clockSpeed: clock.speed,
        log,
      });
    } catch (err) {
      chat.connect(null);
      await store.close();
      throw err;
    }
    this.chat = chat;
    const url = this.server.url;
    if (isLoopback(this.options.host)) {
      log.info({ url }, `web chat listening on ${url} (loopback only: set WEB_HOST=0.0.0.0 to open it to other machines)`);
    } else {
      log.warn(
        { url },
        `web chat listening on ${url} with WEB_HOST=${this.options.host}: not loopback only, whoever can reach this port can use it and the page has no login (docker-compose.yml publishes it on 127.0.0.1 only)`,
      );
    }
    return { id: self.id, name: self.name };
  }

  private async toEvent(chat: WebChat, message: WebMessage): Promise<ChatEvent> {
    const group = message.conversation.kind === 'group' ? await chat.store.findGroup(message.conversation.id) : null;
    const names = new Map<string, string>();
    if (message.mentionIds.length > 0) {
      for (const p of await chat.membersOf(message.conversation.id)) names.set(p.id, p.name);
    }
    return toChatEvent(message, {
      self: { id: chat.self.id, name: chat.self.name },
      nameOf: (id) => names.get(id) ?? id,
      groupTitle: group?.title,
      loadFile: (id) => this.loadAttachment(id),
    });
  }

  /** An uploaded file's bytes by its id (the attachment's `ref`). */
  async loadAttachment(ref: string): Promise<Buffer> {
    const file = await this.requireChat().store.getFile(ref);
    if (!file) throw new Error(`web chat file ${ref} is gone`);
    return file.data;
  }

  async stop(): Promise<void> {
    const { chat, server } = this;
    this.chat = null;
    this.server = null;
    chat?.connect(null);
    await server?.close();
    await this.converting;
    await chat?.store.close();
  }

  private requireChat(): WebChat {
    if (!this.chat) throw new SendError('WEB_NOT_STARTED', 'web chat adapter is not started', true);
    return this.chat;
  }

  /** Runs a send; a target the chat does not know is a refusal that retrying cannot fix. */
  private async sending<T>(what: () => Promise<T>): Promise<T> {
    try {
      return await what();
    } catch (err) {
      if (err instanceof WebChatError) throw new SendError(err.code, err.message, false);
      throw err;
    }
  }

  async send(target: ChatTarget, message: OutgoingMessage): Promise<void> {
    const chat = this.requireChat();
    await this.sending(() => chat.botSay(target, message.text, (message.mentions ?? []).map((m) => m.id)));
  }

  async sendFile(target: ChatTarget, file: OutgoingFile): Promise<void> {
    const chat = this.requireChat();
    await this.sending(() => chat.botSendFile(target, { name: file.name, mimeType: mimeTypeOf(file.name), data: file.data }));
  }

  async recall(messageId: string): Promise<boolean> {
    return this.requireChat().recall(messageId);
  }

  async remove(groupId: string, userId: string): Promise<boolean> {
    return this.requireChat().remove(groupId, userId);
  }

  async listMembers(groupId: string): Promise<ChatUser[]> {
    const members = await this.requireChat()
      .membersOf(groupId)
      .catch((err: unknown) => {
        if (err instanceof WebChatError) return [];
        throw err;
      });
    return members.map((p) => ({ id: p.id, name: p.name }));
  }

  /**
   * Puts the class group in place with its members, as a group the bot was added to (no join
   * notices, no events): how the demo stages its cohort. Returns the group's id.
   */
  async registerClassGroup(title: string, people: WebPerson[]): Promise<string> {
    await this.requireChat().register(people, { id: WEB_CLASS_GROUP_ID, title, memberIds: people.map((p) => p.id) });
    return WEB_CLASS_GROUP_ID;
  }
}
