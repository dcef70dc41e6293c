/**
 * The fake WeChat side of a benchmark, copied from test/support/wechaty-harness.ts (which the
 * build does not compile): wechaty-puppet-mock records what the bot sends. Two transports:
 * `grpc` puts a PuppetServer on 127.0.0.1 in front of the mock, so the bot connects through
 * wechaty-puppet-service exactly as in production; `in-process` hands the mock puppet to the
 * bot's Wechaty directly (no gRPC hop) — the floor the transport is measured against.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { PuppetServer } from 'wechaty-puppet-service';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { log as wechatyLog } from 'wechaty';
import type { WechatyAdapterOptions } from '../../src/platform/wechaty/wechaty-adapter';

/** How the bot reaches the mock puppet. */
export type Transport = 'grpc' | 'in-process';

/** One message the bot sent, as the puppet received it; `at` is performance.now(). */
export interface SentMessage {
  conversationId: string;
  text: string;
  at: number;
}

/** Puppet that records what the bot asked it to send; logs the bot in as soon as it starts. */
class RecordingPuppet extends PuppetMock {
  readonly sent: SentMessage[] = [];
  private loginOnStart: mock.ContactMock | null = null;

  /** Logs `user` in once the puppet is started (by the PuppetServer or by the bot's Wechaty). */
  loginWhenStarted(user: mock.ContactMock): void {
    this.loginOnStart = user;
  }

  override async onStart(): Promise<void> {
    await super.onStart();
    const user = this.loginOnStart;
    // After the mocker's own start, which PuppetMock also defers with setImmediate.
    if (user) setImmediate(() => this.mocker.login(user));
  }

  override async messageSendText(conversationId: string, text: string): Promise<void> {
    this.sent.push({ conversationId, text, at: performance.now() });
    await super.messageSendText(conversationId, text);
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

/** The running fake WeChat side of one benchmark run. */
export interface ChatHarness {
  transport: Transport;
  mocker: mock.Mocker;
  botUser: mock.ContactMock;
  sent: SentMessage[];
  /** Options for WechatyAdapter that connect the bot to this harness over `transport`. */
  adapterOptions: Pick<WechatyAdapterOptions, 'endpoint' | 'token' | 'puppet'>;
  /** Creates people (not yet in any room). */
  people(names: string[]): mock.ContactMock[];
  /** Creates a group with the bot and the given members. */
  room(topic: string, members: mock.ContactMock[]): mock.RoomMock;
  /** A person says something in a room. */
  say(from: mock.ContactMock, text: string, room: mock.RoomMock): void;
  /** Bot messages sent to a conversation so far. */
  sentTo(conversationId: string): SentMessage[];
  /** Waits until `check` returns true (polling every `pollMs`), or fails naming `what`. */
  waitFor(check: () => boolean, what: string, timeoutMs?: number, pollMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the mock WeChat side; for `grpc` also a PuppetServer on a free loopback port. */
export async function startChatHarness(transport: Transport, botName = '班级助手'): Promise<ChatHarness> {
  wechatyLog.level('silent');
  const mocker = new mock.Mocker();
  const puppet = new RecordingPuppet({ mocker });
  const botUser = mocker.createContact({ name: botName });
  puppet.loginWhenStarted(botUser);
  let server: PuppetServer | null = null;
  let adapterOptions: ChatHarness['adapterOptions'];
  if (transport === 'grpc') {
    const token = `insecure_${randomUUID()}`;
    const endpoint = `127.0.0.1:${await freePort()}`;
    server = new PuppetServer({ endpoint, puppet, token });
    await server.start();
    adapterOptions = { endpoint, token };
  } else {
    adapterOptions = { endpoint: 'in-process', token: '', puppet };
  }
  const waitFor = async (check: () => boolean, what: string, timeoutMs = 30_000, pollMs = 25) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, pollMs));
    }
  };
  return {
    transport,
    mocker,
    botUser,
    sent: puppet.sent,
    adapterOptions,
    people: (names) => names.map((name) => mocker.createContact({ name })),
    room: (topic, members) => mocker.createRoom({ topic, memberIdList: [botUser.id, ...members.map((m) => m.id)] }),
    say: (from, text, room) => from.say(text).to(room),
    sentTo: (id) => puppet.sent.filter((m) => m.conversationId === id),
    waitFor,
    async stop() {
      if (server) await server.stop();
      await puppet.stop().catch(() => undefined);
    },
  };
}
