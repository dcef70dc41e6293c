import type { ChatTarget, ChatUser, OutgoingMessage } from '../chat-event';
import type { Logger } from '../../kernel/logger';
import { systemClock, type Clock } from '../../kernel/clock';
import type { EventSink, PlatformAdapter } from '../platform-adapter';
import { isRetryableSendError } from '../send-error';
import { DingtalkApi } from './dingtalk-api';
import { robotMessageSchema, type RobotMessage } from './robot-message';
import { StreamClient, type RobotCallback } from './stream-client';
import { senderIdOf, toChatEvent } from './to-chat-event';

/** Settings of the Stream-mode robot, all from configuration. */
export interface DingtalkAdapterOptions {
  /** The app's AppKey (Client ID); also the robot code of an organisation's own app. */
  clientId: string;
  /** The app's AppSecret (Client Secret). */
  clientSecret: string;
  /** The Stream connection-open endpoint. */
  gatewayUrl: string;
  /** Base of DingTalk's open API. */
  apiUrl: string;
  /** The robot's display name (DingTalk does not tell it over Stream). */
  botName: string;
  /** How long start() keeps trying to open the first connection. */
  connectTimeoutMs: number;
  log: Logger;
  /** Reconnect backoff bounds and heartbeat, for tests that need them short. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  heartbeatMs?: number;
  /** Retry delay of the robot API client's idempotent calls (token, downloads); sends are not retried there. */
  retryDelayMs?: number;
  /** The bot's clock: DingTalk stamps messages in real time, events carry the time on this clock. Default: the wall clock. */
  clock?: Clock;
}

/** A session webhook is not used in its last minute: a reply might arrive after it lapsed. */
const WEBHOOK_MARGIN_MS = 60_000;
const MAX_KNOWN_NAMES = 10_000;
const STOP_DRAIN_MS = 5_000;

/**
 * DingTalk groups and one-to-one chats through a Stream-mode robot (dingtalk-stream). The
 * robot only receives messages that @mention it and private messages, and cannot recall,
 * mute, remove, list members or send files: it has no such methods, and the features degrade.
 *
 * Every callback is acknowledged once the event sink has resolved, not on receipt: in the
 * bot process that is once the event is stored in the durable inbox (it is handled from
 * there, and after a crash by the next process). A callback whose sink failed, or whose
 * connection dropped first, stays unacknowledged and the gateway delivers it again. The
 * bot's dedupe by message id (msgId is stable across redeliveries) makes that safe, and a
 * redelivery that arrives while the first delivery is still being stored waits for it here
 * instead of being stored twice.
 *
 * Group replies go through the session webhook of the group's latest callback (it can
 * @mention by user id); once that has expired or refused a reply, through the robot's
 * group-send API with the openConversationId. Private messages go through the robot's
 * one-to-one API. `send` makes one attempt and throws a DingtalkApiError (a SendError) that
 * says whether a retry may help; retrying is the caller's (the outbox queue's) decision.
 */
export class DingtalkAdapter implements PlatformAdapter {
  readonly platform = 'dingtalk' as const;
  readonly seesAllGroupMessages = false;
  private readonly api: DingtalkApi;
  private client: StreamClient | null = null;
  private accepting = false;
  private readonly sessions = new Map<string, { url: string; expiresAt: number }>();
  private readonly names = new Map<string, string>();
  private readonly inflight = new Map<string, Promise<boolean>>();

  constructor(private readonly options: DingtalkAdapterOptions) {
    this.api = new DingtalkApi({
      apiUrl: options.apiUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      robotCode: options.clientId,
      log: options.log,
      retryDelayMs: options.retryDelayMs,
    });
  }

  async start(onEvent: EventSink): Promise<ChatUser> {
    const { log } = this.options;
    const client = new StreamClient(
      {
        clientId: this.options.clientId,
        clientSecret: this.options.clientSecret,
        gatewayUrl: this.options.gatewayUrl,
        log,
        accessToken: () => this.api.accessToken(),
        reconnectMinMs: this.options.reconnectMinMs,
        reconnectMaxMs: this.options.reconnectMaxMs,
        heartbeatMs: this.options.heartbeatMs,
      },
      (callback) => this.receive(callback, onEvent),
    );
    this.client = client;
    this.accepting = true;
    try {
      await client.start(this.options.connectTimeoutMs);
    } catch (err) {
      this.accepting = false;
      this.client = null;
      throw err;
    }
    log.info({ clientId: this.options.clientId }, 'connected to the DingTalk Stream gateway');
    return this.self();
  }

  /** The robot as the bot knows itself: its client id (robot code) and configured name. */
  self(): ChatUser {
    return { id: this.options.clientId, name: this.options.botName };
  }

  private receive(callback: RobotCallback, onEvent: EventSink): void {
    const { log } = this.options;
    // While stopping, leave new callbacks unacknowledged: the gateway hands them to the next process.
    if (!this.accepting) return;
    let msg: RobotMessage;
    try {
      msg = robotMessageSchema.parse(JSON.parse(callback.data));
    } catch (err) {
      // Redelivering a payload we cannot read would not help.
      log.error({ err, messageId: callback.messageId }, 'unreadable DingTalk robot message acknowledged and dropped');
      callback.ack();
      return;
    }
    let run = this.inflight.get(msg.msgId);
    if (!run) {
      const started = this.process(msg, onEvent);
      run = started;
      this.inflight.set(msg.msgId, started);
      void started.then(() => this.inflight.delete(msg.msgId));
    }
    void run.then((processed) => {
      if (processed && !callback.ack()) log.debug({ messageId: callback.messageId }, 'connection gone before the ACK; the gateway will redeliver');
    });
  }

  /** A picture's bytes again from its download code (the attachment's `ref`), for an event resumed after a restart. */
  async loadAttachment(ref: string): Promise<Buffer> {
    return this.api.download(ref);
  }

  /** Hands the event to the bot; true once it is done with it (or ignores it), false when it failed. */
  private async process(msg: RobotMessage, onEvent: EventSink): Promise<boolean> {
    this.remember(msg);
    const stamped = toChatEvent(msg, {
      nameOf: (id) => this.names.get(id),
      download: (code) => this.api.download(code),
    });
    if (!stamped) return true;
    const event = { ...stamped, timestamp: (this.options.clock ?? systemClock).at(stamped.timestamp) };
    try {
      await onEvent(event);
      return true;
    } catch (err) {
      this.options.log.error({ err, eventId: event.id }, 'event handler failed; callback left unacknowledged for redelivery');
      return false;
    }
  }

  /** Keeps the sender's name (DingTalk gives none for @mentions) and the group's newest session webhook. */
  private remember(msg: RobotMessage): void {
    const id = senderIdOf(msg);
    if (msg.senderNick) {
      this.names.delete(id);
      this.names.set(id, msg.senderNick);
      if (this.names.size > MAX_KNOWN_NAMES) {
        const oldest = this.names.keys().next().value;
        if (oldest !== undefined) this.names.delete(oldest);
      }
    }
    if (msg.conversationType === '2' && msg.sessionWebhook && msg.sessionWebhookExpiredTime) {
      const known = this.sessions.get(msg.conversationId);
      if (!known || known.expiresAt < msg.sessionWebhookExpiredTime) {
        this.sessions.set(msg.conversationId, { url: msg.sessionWebhook, expiresAt: msg.sessionWebhookExpiredTime });
      }
    }
  }

  async send(target: ChatTarget, message: OutgoingMessage): Promise<void> {
    const text = message.text;
    if (target.kind === 'private') {
      await this.api.sendToUsers([target.id], text);
      return;
    }
    const mentions = message.mentions ?? [];
    const session = this.sessions.get(target.id);
    if (session && session.expiresAt - WEBHOOK_MARGIN_MS > Date.now()) {
      // DingTalk shows "@userId" in the text as the person's @name when the id is in atUserIds.
      const ids = mentions.map((m) => m.id);
      try {
        await this.api.sendBySession(session.url, withTags(ids, text), ids);
        return;
      } catch (err) {
        if (this.sessions.get(target.id) === session) this.sessions.delete(target.id);
        // A 5xx or a dropped connection may come after the reply landed: sending it again now
        // through the group API could post it twice, so the caller's retry decides (and uses
        // the group API, the session being forgotten). A refusal surely sent nothing.
        if (isRetryableSendError(err)) throw err;
        this.options.log.warn({ err, groupId: target.id }, 'session webhook refused the reply; using the group send API');
      }
    }
    // The group API's plain text cannot @mention; names are written out instead.
    await this.api.sendToGroup(target.id, withTags(mentions.map((m) => m.name || m.id), text));
  }

  async stop(): Promise<void> {
    this.accepting = false;
    const client = this.client;
    this.client = null;
    // Let callbacks in progress finish, so they are acknowledged on this connection.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inflight.values()]),
      new Promise((resolve) => (timer = setTimeout(resolve, STOP_DRAIN_MS))),
    ]);
    clearTimeout(timer);
    await client?.stop();
  }
}

function withTags(tags: string[], text: string): string {
  return tags.length ? `${tags.map((t) => `@${t}`).join(' ')} ${text}` : text;
}
