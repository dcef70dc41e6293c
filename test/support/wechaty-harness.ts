/**
 * A real Wechaty transport for e2e tests: a PuppetServer (gRPC on 127.0.0.1) with
 * wechaty-puppet-mock behind it. The bot connects through wechaty-puppet-service exactly as
 * in production; the test plays the people with the mocker and reads what the bot sent.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PuppetServer } from 'wechaty-puppet-service';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { log as wechatyLog } from 'wechaty';

/** One message the bot sent, as the puppet received it over gRPC. */
export interface SentMessage {
  conversationId: string;
  text: string;
  mentionIds: string[];
  at: number;
}

/** Puppet that records what the bot asked it to send and what it recalled or removed. */
class RecordingPuppet extends PuppetMock {
  readonly sent: SentMessage[] = [];
  readonly recalled: string[] = [];
  readonly removed: { roomId: string; contactId: string }[] = [];

  override async messageSendText(conversationId: string, text: string, mentionIdList?: string[]): Promise<void> {
    this.sent.push({ conversationId, text, mentionIds: mentionIdList ?? [], at: Date.now() });
    await super.messageSendText(conversationId, text);
  }

  /** Files the bot sent (the mock cannot keep a streamed file, so they are recorded here instead). */
  readonly files: { conversationId: string; name: string; data: Buffer }[] = [];

  override async messageSendFile(conversationId: string, file: Parameters<PuppetMock['messageSendFile']>[1]): Promise<void> {
    this.files.push({ conversationId, name: file.name, data: await file.toBuffer() });
  }

  override async messageRecall(messageId: string): Promise<boolean> {
    this.recalled.push(messageId);
    return true;
  }

  override async roomDel(roomId: string, contactId: string): Promise<void> {
    this.removed.push({ roomId, contactId });
  }
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The running fake WeChat side of an e2e test. */
export interface WechatyHarness {
  endpoint: string;
  token: string;
  mocker: mock.Mocker;
  puppet: RecordingPuppet;
  botUser: mock.ContactMock;
  sent: SentMessage[];
  /** Creates people (not yet in any room). */
  people(names: string[]): mock.ContactMock[];
  /** Creates a group with the bot and the given members. */
  room(topic: string, members: mock.ContactMock[]): mock.RoomMock;
  /** A person says something in a room (optionally @mentioning people); returns the message id. */
  say(from: mock.ContactMock, text: string, room: mock.RoomMock, mentions?: mock.ContactMock[]): void;
  /**
   * Says something in a room and returns the bot's answer: the first later message in that
   * room that @mentions the sender (or that `match` accepts), skipping boards and notices.
   */
  ask(from: mock.ContactMock, text: string, room: mock.RoomMock, options?: { mentions?: mock.ContactMock[]; match?: (m: SentMessage) => boolean }): Promise<string>;
  /** Bot messages sent to a conversation so far. */
  sentTo(conversationId: string): SentMessage[];
  /** Logs the bot's account in (done at start unless `loggedIn: false` was asked for). */
  login(): void;
  /** Waits until `check` returns true (polling), or fails with `what`. */
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a PuppetServer with the mock puppet on a free loopback port and logs the bot in, or,
 * with `loggedIn: false`, leaves it waiting (the test plays the QR scan and calls `login()`).
 */
export async function startWechatyHarness(botName = '班级助手', options: { loggedIn?: boolean } = {}): Promise<WechatyHarness> {
  // The puppet-service client caches under ~/.wechaty; keep it out of the developer's home.
  process.env.HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-home-'));
  wechatyLog.level('silent');
  const mocker = new mock.Mocker();
  const puppet = new RecordingPuppet({ mocker });
  const token = `insecure_${randomUUID()}`;
  const endpoint = `127.0.0.1:${await freePort()}`;
  const server = new PuppetServer({ endpoint, puppet, token });
  await server.start();
  const botUser = mocker.createContact({ name: botName });
  if (options.loggedIn !== false) mocker.login(botUser);
  const waitFor = async (check: () => boolean, what: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {
    endpoint,
    token,
    mocker,
    puppet,
    botUser,
    sent: puppet.sent,
    people: (names) => names.map((name) => mocker.createContact({ name })),
    room: (topic, members) => mocker.createRoom({ topic, memberIdList: [botUser.id, ...members.map((m) => m.id)] }),
    say: (from, text, room, mentions = []) => from.say(text, mentions).to(room),
    sentTo: (id) => puppet.sent.filter((m) => m.conversationId === id),
    async ask(from, text, room, options = {}) {
      const before = puppet.sent.length;
      const match = options.match ?? ((m: SentMessage) => m.mentionIds.includes(from.id));
      const found = () => puppet.sent.slice(before).find((m) => m.conversationId === room.id && match(m));
      from.say(text, options.mentions ?? []).to(room);
      await waitFor(() => found() !== undefined, `an answer to ${text}`);
      return found()!.text;
    },
    login: () => mocker.login(botUser),
    waitFor,
    async stop() {
      await server.stop();
      await puppet.stop().catch(() => undefined);
    },
  };
}
