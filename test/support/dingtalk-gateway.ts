/**
 * A local fake of DingTalk for e2e tests: the Stream gateway (connection-open endpoint and
 * WebSocket with CALLBACK frames shaped as the real gateway sends them, ACK tracking,
 * redelivery of unacknowledged callbacks after a reconnect, a socket that can be dropped on
 * demand) and the robot's HTTP API (access token, one-to-one and group sends, per-message
 * session webhooks, file downloads), all on 127.0.0.1. The test plays the people; the bot
 * connects through dingtalk-stream exactly as in production, only at another URL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes, randomUUID } from 'node:crypto';

/** The part of `ws` the fake uses (the package ships no typings and @types/ws is not installed). */
interface WsSocket {
  readyState: number;
  send(data: string): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'close', listener: () => void): void;
  terminate(): void;
}
interface WsServer {
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer, done: (ws: WsSocket) => void): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package, typed by the interfaces above
const { WebSocketServer } = require('ws') as { WebSocketServer: new (options: { noServer: true }) => WsServer };

/** The robot callback topic (dingtalk-stream's TOPIC_ROBOT). */
export const ROBOT_TOPIC = '/v1.0/im/bot/messages/get';

/** A person of the organisation, as DingTalk identifies them. */
export interface DingtalkPerson {
  /** userId in the organisation (senderStaffId, atUsers[].staffId); what the bot calls the person's id. */
  staffId: string;
  /** The encrypted per-app id (senderId, atUsers[].dingtalkId). */
  dingtalkId: string;
  name: string;
}

/** A group chat the robot has been added to. */
export interface DingtalkGroup {
  /** openConversationId, as callbacks carry it in conversationId. */
  conversationId: string;
  title: string;
  members: DingtalkPerson[];
}

/** One message the bot sent, by whichever route. */
export interface GatewaySent {
  via: 'session' | 'group' | 'private';
  /** The group's conversationId, or the person's staffId for a private message. */
  conversationId: string;
  text: string;
  atUserIds: string[];
  at: number;
}

/** How a person's message reaches the robot. */
export interface SayOptions {
  /** The message @mentions the robot (in a group the robot receives nothing else). */
  atBot?: boolean;
  /** Other people @mentioned; their @name should be in the text, as DingTalk keeps it there. */
  mentions?: DingtalkPerson[];
}

interface Callback {
  messageId: string;
  frame: string;
  deliveries: number;
  acked: boolean;
}

/** The running fake; see the module comment. */
export interface DingtalkGateway {
  clientId: string;
  clientSecret: string;
  /** The connection-open URL (DINGTALK_GATEWAY_URL). */
  gatewayUrl: string;
  /** The API base (DINGTALK_API_URL). */
  apiUrl: string;
  /** The variables that point `cohort-bot bot` at this fake. */
  env(): Record<string, string>;
  robot: DingtalkPerson;
  sent: GatewaySent[];
  /** Every CALLBACK frame the fake built, as sent on the socket (for shape checks against fixtures). */
  frames: string[];
  /** Every HTTP request the fake answered: method, path and status. */
  requests: { method: string; path: string; status: number }[];
  /** Callbacks delivered again after a reconnect. */
  readonly redelivered: number;
  /** WebSocket connections accepted so far. */
  readonly connections: number;
  /** Replies to the gateway's `ping` system frames. */
  readonly pongs: number;
  /** When true, ACKs are ignored, as if lost on the wire with the connection. */
  loseAcks: boolean;
  /** Lifetime of the session webhooks in new callbacks (default 90 minutes). */
  sessionTtlMs: number;
  people(names: string[]): DingtalkPerson[];
  group(title: string, members: DingtalkPerson[]): DingtalkGroup;
  /**
   * A person says something in a group or privately to the robot. Returns the msgId, or
   * null when the robot would not receive it (a group message that does not @mention it).
   */
  say(from: DingtalkPerson, text: string, where: DingtalkGroup | 'private', options?: SayOptions): string | null;
  /** A person sends a picture (msgtype 'picture'); the robot can download `bytes` by its download code. */
  sayPicture(from: DingtalkPerson, bytes: Buffer, where: DingtalkGroup | 'private', options?: SayOptions): string | null;
  /** Messages the bot sent to a group (by conversationId) or a person (by staffId). */
  sentTo(conversationId: string): GatewaySent[];
  /** Callbacks not acknowledged yet. */
  unacked(): string[];
  /** How many ACKs arrived for a callback (duplicates included). */
  ackCount(messageId: string): number;
  /** Answers the next `times` requests to `path` with `status`. */
  failNext(path: string, status: number, times: number): void;
  /** Drops every open WebSocket at once, without a close handshake. */
  dropConnection(): void;
  /** Sends a `disconnect` system frame, as the gateway does before it closes a connection. */
  sendDisconnect(): void;
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /**
   * Says something to the robot (@bot in a group) and returns its answer: in a group the first
   * later message that @mentions the sender (a board refresh may come first), privately the first.
   */
  ask(from: DingtalkPerson, text: string, where: DingtalkGroup | 'private'): Promise<GatewaySent>;
  stop(): Promise<void>;
}

const id = (prefix: string, bytes = 12) => `${prefix}${randomBytes(bytes).toString('base64').replace(/[+/=]/g, '')}`;

/** Starts the fake on a free loopback port. */
export async function startDingtalkGateway(options: { robotName?: string } = {}): Promise<DingtalkGateway> {
  const clientId = id('ding', 9).toLowerCase();
  const clientSecret = randomBytes(24).toString('hex');
  const corpId = id('ding', 9);
  const robot: DingtalkPerson = { staffId: '', dingtalkId: id('$:LWCP_v1:$', 24), name: options.robotName ?? '班级助手' };
  const tickets = new Set<string>();
  const tokens = new Set<string>();
  const sessions = new Map<string, { conversationId: string; expiresAt: number }>();
  const files = new Map<string, Buffer>();
  const callbacks = new Map<string, Callback>();
  const acks = new Map<string, number>();
  const failures = new Map<string, { status: number; times: number }>();
  const sockets = new Set<WsSocket>();
  const sent: GatewaySent[] = [];
  const frames: string[] = [];
  const requests: DingtalkGateway['requests'] = [];
  const privateCids = new Map<string, string>();
  let current: WsSocket | null = null;
  let connections = 0;
  let redelivered = 0;
  let pongs = 0;
  let staffSeq = 0;

  const wss = new WebSocketServer({ noServer: true });
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => reply(req, res, 500, { code: 'InternalError', message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function reply(req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown) {
    requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', status });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  /** The robot API's text message: msgKey sampleText with msgParam `{"content": ...}`. */
  function sampleText(body: Record<string, unknown>): string | null {
    if (body.msgKey !== 'sampleText' || typeof body.msgParam !== 'string') return null;
    const content = (JSON.parse(body.msgParam) as { content?: unknown }).content;
    return typeof content === 'string' ? content : null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    const failure = failures.get(path);
    if (failure && failure.times > 0) {
      failure.times--;
      return reply(req, res, failure.status, { code: 'ServiceUnavailable', message: 'injected failure' });
    }
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const data = files.get(decodeURIComponent(path.slice('/files/'.length)));
      requests.push({ method: 'GET', path, status: data ? 200 : 404 });
      res.writeHead(data ? 200 : 404, { 'content-type': 'image/jpeg' });
      res.end(data ?? '');
      return;
    }
    if (req.method !== 'POST') return reply(req, res, 404, { code: 'NotFound' });
    const body = await readJson(req);
    const token = req.headers['x-acs-dingtalk-access-token'];
    const authorised = typeof token === 'string' && tokens.has(token);
    switch (path) {
      case '/v1.0/gateway/connections/open': {
        if (body.clientId !== clientId || body.clientSecret !== clientSecret) {
          return reply(req, res, 401, { code: 'InvalidAuthentication', message: 'clientId or clientSecret is invalid' });
        }
        const subs = (body.subscriptions as { type?: string; topic?: string }[] | undefined) ?? [];
        if (!subs.some((s) => s.type === 'CALLBACK' && s.topic === ROBOT_TOPIC)) {
          return reply(req, res, 400, { code: 'InvalidParameter', message: 'no robot callback subscription' });
        }
        const ticket = randomUUID();
        tickets.add(ticket);
        return reply(req, res, 200, { endpoint: `${base.replace('http', 'ws')}/connect`, ticket });
      }
      case '/v1.0/oauth2/accessToken': {
        if (body.appKey !== clientId || body.appSecret !== clientSecret) {
          return reply(req, res, 400, { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' });
        }
        const accessToken = randomBytes(16).toString('hex');
        tokens.add(accessToken);
        return reply(req, res, 200, { accessToken, expireIn: 7200 });
      }
      case '/v1.0/robot/oToMessages/batchSend': {
        if (!authorised) return reply(req, res, 401, { code: 'InvalidAuthentication', message: '不合法的access_token' });
        const content = sampleText(body);
        const userIds = body.userIds as string[] | undefined;
        if (body.robotCode !== clientId || !content || !Array.isArray(userIds) || userIds.length === 0) {
          return reply(req, res, 400, { code: 'invalidParameter', message: 'robotCode, userIds or msgParam invalid' });
        }
        for (const u of userIds) sent.push({ via: 'private', conversationId: u, text: content, atUserIds: [], at: Date.now() });
        return reply(req, res, 200, { processQueryKey: randomUUID(), invalidStaffIdList: [], flowControlledStaffIdList: [] });
      }
      case '/v1.0/robot/groupMessages/send': {
        if (!authorised) return reply(req, res, 401, { code: 'InvalidAuthentication', message: '不合法的access_token' });
        const content = sampleText(body);
        if (body.robotCode !== clientId || !content || typeof body.openConversationId !== 'string') {
          return reply(req, res, 400, { code: 'invalidParameter', message: 'robotCode, openConversationId or msgParam invalid' });
        }
        sent.push({ via: 'group', conversationId: body.openConversationId, text: content, atUserIds: [], at: Date.now() });
        return reply(req, res, 200, { processQueryKey: randomUUID() });
      }
      case '/v1.0/robot/messageFiles/download': {
        if (!authorised) return reply(req, res, 401, { code: 'InvalidAuthentication', message: '不合法的access_token' });
        const code = typeof body.downloadCode === 'string' ? body.downloadCode : '';
        if (body.robotCode !== clientId || !files.has(code)) return reply(req, res, 400, { code: 'invalidParameter', message: 'downloadCode invalid' });
        return reply(req, res, 200, { downloadUrl: `${base}/files/${encodeURIComponent(code)}` });
      }
      case '/robot/sendBySession': {
        // The old API style: HTTP 200 with errcode.
        const session = sessions.get(url.searchParams.get('session') ?? '');
        if (!session || session.expiresAt < Date.now()) return reply(req, res, 200, { errcode: 300001, errmsg: 'session invalid or expired' });
        const text = (body.text as { content?: unknown } | undefined)?.content;
        if (body.msgtype !== 'text' || typeof text !== 'string') return reply(req, res, 200, { errcode: 40035, errmsg: 'invalid msgtype or content' });
        const atUserIds = ((body.at as { atUserIds?: unknown } | undefined)?.atUserIds as string[] | undefined) ?? [];
        sent.push({ via: 'session', conversationId: session.conversationId, text, atUserIds, at: Date.now() });
        return reply(req, res, 200, { errcode: 0, errmsg: 'ok' });
      }
      default:
        return reply(req, res, 404, { code: 'NotFound', message: path });
    }
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', base);
    const ticket = url.searchParams.get('ticket') ?? '';
    // A ticket opens one connection.
    if (url.pathname !== '/connect' || !tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function frame(type: 'SYSTEM' | 'CALLBACK', topic: string, messageId: string, data: unknown): string {
    return JSON.stringify({
      specVersion: '1.0',
      type,
      headers: {
        appId: clientId,
        connectionId: randomUUID(),
        contentType: 'application/json',
        messageId,
        time: String(Date.now()),
        topic,
      },
      data: JSON.stringify(data),
    });
  }

  function accept(ws: WsSocket) {
    connections++;
    sockets.add(ws);
    current = ws;
    ws.on('close', () => {
      sockets.delete(ws);
      if (current === ws) current = null;
    });
    ws.on('message', (raw) => {
      let msg: { code?: number; headers?: { messageId?: string; topic?: string } };
      try {
        msg = JSON.parse(raw.toString('utf8')) as typeof msg;
      } catch {
        return;
      }
      if (msg.headers?.topic === 'ping') {
        pongs++;
        return;
      }
      const messageId = msg.headers?.messageId;
      if (msg.code !== 200 || !messageId || loseAcks) return;
      acks.set(messageId, (acks.get(messageId) ?? 0) + 1);
      const cb = callbacks.get(messageId);
      if (cb) cb.acked = true;
    });
    ws.send(frame('SYSTEM', 'ping', randomUUID(), { opaque: randomUUID() }));
    // Whatever was sent but never acknowledged is pushed again on the new connection.
    for (const cb of callbacks.values()) if (!cb.acked) deliver(cb);
  }

  function deliver(cb: Callback) {
    if (!current || current.readyState !== 1) return;
    if (cb.deliveries > 0) redelivered++;
    cb.deliveries++;
    current.send(cb.frame);
  }

  let loseAcks = false;

  function push(from: DingtalkPerson, where: DingtalkGroup | 'private', options: SayOptions, body: Record<string, unknown>): string | null {
    const isGroup = where !== 'private';
    if (isGroup && !options.atBot) return null;
    const now = Date.now();
    const msgId = id('msg', 16) + '==';
    const session = id('', 16);
    const conversationId = isGroup ? where.conversationId : privateCids.get(from.staffId) ?? id('cid', 18) + '==';
    if (!isGroup) privateCids.set(from.staffId, conversationId);
    sessions.set(session, { conversationId: isGroup ? conversationId : from.staffId, expiresAt: now + gateway.sessionTtlMs });
    const payload: Record<string, unknown> = {
      conversationId,
      chatbotCorpId: corpId,
      chatbotUserId: robot.dingtalkId,
      msgId,
      senderNick: from.name,
      isAdmin: false,
      senderStaffId: from.staffId,
      sessionWebhookExpiredTime: now + gateway.sessionTtlMs,
      createAt: now,
      senderCorpId: corpId,
      conversationType: isGroup ? '2' : '1',
      senderId: from.dingtalkId,
      sessionWebhook: `${base}/robot/sendBySession?session=${session}`,
      robotCode: clientId,
      ...body,
    };
    if (isGroup) {
      payload.conversationTitle = where.title;
      payload.isInAtList = true;
      payload.atUsers = [
        { dingtalkId: robot.dingtalkId },
        ...(options.mentions ?? []).map((p) => ({ dingtalkId: p.dingtalkId, staffId: p.staffId })),
      ];
    }
    const messageId = randomUUID();
    const cb: Callback = { messageId, frame: frame('CALLBACK', ROBOT_TOPIC, messageId, payload), deliveries: 0, acked: false };
    frames.push(cb.frame);
    callbacks.set(messageId, cb);
    deliver(cb);
    return msgId;
  }

  const gateway: DingtalkGateway = {
    clientId,
    clientSecret,
    gatewayUrl: `${base}/v1.0/gateway/connections/open`,
    apiUrl: base,
    robot,
    sent,
    frames,
    requests,
    sessionTtlMs: 90 * 60_000,
    env: () => ({
      DINGTALK_CLIENT_ID: clientId,
      DINGTALK_CLIENT_SECRET: clientSecret,
      DINGTALK_GATEWAY_URL: `${base}/v1.0/gateway/connections/open`,
      DINGTALK_API_URL: base,
    }),
    people: (names: string[]) =>
      names.map((name) => ({ staffId: `${String(++staffSeq).padStart(4, '0')}${randomBytes(4).toString('hex')}`, dingtalkId: id('$:LWCP_v1:$', 24), name })),
    group: (title: string, members: DingtalkPerson[]) => ({ conversationId: id('cid', 18) + '==', title, members }),
    // Typed in a group, "@robot 签到" arrives as " 签到": DingTalk removes the robot's @name.
    say: (from: DingtalkPerson, text: string, where: DingtalkGroup | 'private', options: SayOptions = {}) =>
      push(from, where, options, { msgtype: 'text', text: { content: where !== 'private' ? ` ${text}` : text } }),
    sayPicture: (from: DingtalkPerson, bytes: Buffer, where: DingtalkGroup | 'private', options: SayOptions = {}) => {
      const downloadCode = id('mIofN681YE3f', 24);
      files.set(downloadCode, bytes);
      return push(from, where, options, { msgtype: 'picture', content: { downloadCode, pictureDownloadCode: id('', 24) } });
    },
    sentTo: (conversationId: string) => sent.filter((m) => m.conversationId === conversationId),
    unacked: () => [...callbacks.values()].filter((c) => !c.acked).map((c) => c.messageId),
    ackCount: (messageId: string) => acks.get(messageId) ?? 0,
    failNext: (path: string, status: number, times: number) => failures.set(path, { status, times }),
    dropConnection: () => {
      for (const ws of sockets) ws.terminate();
    },
    sendDisconnect: () => current?.send(frame('SYSTEM', 'disconnect', randomUUID(), { reason: 'server maintenance' })),
    async waitFor(check: () => boolean, what: string, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async ask(from: DingtalkPerson, text: string, where: DingtalkGroup | 'private') {
      const conversation = where === 'private' ? from.staffId : where.conversationId;
      const before = this.sentTo(conversation).length;
      const answer = () =>
        this.sentTo(conversation)
          .slice(before)
          .find((m) => where === 'private' || m.atUserIds.includes(from.staffId) || m.text.startsWith(`@${from.name} `));
      this.say(from, text, where, { atBot: true });
      await this.waitFor(() => answer() !== undefined, `a reply to ${text}`);
      return answer()!;
    },
    async stop() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
      get redelivered() {
      return redelivered;
    },
    get connections() {
      return connections;
    },
    get pongs() {
      return pongs;
    },
    get loseAcks() {
      return loseAcks;
    },
    set loseAcks(value: boolean) {
      loseAcks = value;
    },
  };
  return gateway;
}
