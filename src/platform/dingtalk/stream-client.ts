import { DWClient, TOPIC_ROBOT, type DWClientDownStream } from 'dingtalk-stream';
import type { Logger } from '../../kernel/logger';

/** The part of the SDK's `ws` socket this class uses (the SDK keeps the socket private). */
interface SocketLike {
  readyState: number;
  on(event: 'close' | 'pong' | 'message', listener: () => void): unknown;
  ping(): void;
  close(): void;
  terminate(): void;
}

/** DWClient fields that are private in its typings but that a client with its own gateway URL must set or watch. */
interface DwInternals {
  dw_url?: string;
  socket?: SocketLike;
}

const OPEN = 1;

/** Connection settings for the Stream gateway. */
export interface StreamClientOptions {
  clientId: string;
  clientSecret: string;
  /** The connection-open endpoint (POST → {endpoint, ticket}). */
  gatewayUrl: string;
  log: Logger;
  /** Access token for the robot API, for anyone who asks the client for one. */
  accessToken: () => Promise<string>;
  /** First reconnect delay after a lost connection; doubles per failed attempt. */
  reconnectMinMs?: number;
  /** Upper bound of the reconnect delay. */
  reconnectMaxMs?: number;
  /** Ping interval; a socket that answers nothing for a whole interval is dropped and replaced. */
  heartbeatMs?: number;
  /** How long one WebSocket handshake may take. */
  handshakeTimeoutMs?: number;
}

/** The gateway refused the app's credentials (HTTP 4xx): retrying cannot help. */
export class GatewayRefusedError extends Error {
  readonly code = 'DINGTALK_GATEWAY_REFUSED';
}

/** One robot callback and the means to acknowledge it on the connection that delivered it. */
export interface RobotCallback {
  messageId: string;
  data: string;
  /** Sends the ACK; false when that connection is gone (the gateway will redeliver). */
  ack(): boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * dingtalk-stream's DWClient with the parts it gets wrong for a long-running bot replaced:
 * the gateway URL is configurable (the SDK hard-codes it, so tests could not reach a local
 * fake); reconnection is one loop with bounded exponential backoff (the SDK's own retries
 * at a fixed 1 s and can start two loops after a socket error); the heartbeat is per socket
 * (the SDK leaks one interval per reconnect); a `disconnect` system frame replaces the
 * connection at once; and an ACK goes only to the socket the callback came in on.
 * Frame parsing, `ping` replies and the ACK frame format stay the SDK's.
 */
export class StreamClient extends DWClient {
  private stopped = false;
  private generation = 0;
  private pingTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private readonly streamOptions: StreamClientOptions;

  constructor(options: StreamClientOptions, onCallback: (callback: RobotCallback) => void) {
    super({ clientId: options.clientId, clientSecret: options.clientSecret, ua: 'cohort-bot', keepAlive: false, debug: false });
    this.streamOptions = options;
    this.config.autoReconnect = false;
    // A list of our own: the SDK's default subscription list is one array shared by every client.
    this.config.subscriptions = [];
    this.registerCallbackListener(TOPIC_ROBOT, (downstream: DWClientDownStream) => {
      const origin = this.internals().socket;
      const messageId = downstream.headers.messageId;
      onCallback({
        messageId,
        data: downstream.data,
        ack: () => {
          if (!origin || this.internals().socket !== origin || origin.readyState !== OPEN) return false;
          this.socketCallBackResponse(messageId, {});
          return true;
        },
      });
    });
  }

  private internals(): DwInternals {
    return this as unknown as DwInternals;
  }

  /** Connects for the first time, retrying until `timeoutMs`; refused credentials fail at once. */
  async start(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.connect();
        return;
      } catch (err) {
        if (err instanceof GatewayRefusedError || Date.now() + this.delay(attempt) > deadline || this.stopped) {
          await this.stop();
          throw err;
        }
        this.streamOptions.log.warn({ err, attempt }, 'DingTalk Stream connection failed, retrying');
        await sleep(this.delay(attempt));
      }
    }
  }

  /** Asks the gateway for a WebSocket endpoint and a one-time ticket, at the configured URL. */
  override async getEndpoint(): Promise<this> {
    const { gatewayUrl, clientId, clientSecret } = this.streamOptions;
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ clientId, clientSecret, ua: this.config.ua, subscriptions: this.config.subscriptions }),
    });
    const text = await res.text();
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      throw new GatewayRefusedError(`DingTalk Stream gateway refused the app (HTTP ${res.status}): ${text.slice(0, 200)}`);
    }
    if (!res.ok) throw new Error(`DingTalk Stream gateway answered HTTP ${res.status}`);
    const { endpoint, ticket } = JSON.parse(text) as { endpoint?: string; ticket?: string };
    if (!endpoint || !ticket) throw new Error('DingTalk Stream gateway returned no endpoint or ticket');
    this.internals().dw_url = `${endpoint}?ticket=${encodeURIComponent(ticket)}`;
    return this;
  }

  /** The robot API's token (the SDK's own asks the old oapi endpoint). */
  override async getAccessToken(): Promise<string> {
    const token = await this.streamOptions.accessToken();
    this.config.access_token = token;
    return token;
  }

  /** One connection attempt: endpoint, handshake, then watch the socket. Reconnects are scheduled elsewhere. */
  override async connect(): Promise<void> {
    await this.getEndpoint();
    const timeoutMs = this.streamOptions.handshakeTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.internals().socket?.terminate();
        reject(new Error(`DingTalk Stream handshake took longer than ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      await Promise.race([this._connect(), timeout]);
    } finally {
      clearTimeout(timer);
    }
    const socket = this.internals().socket;
    if (!socket) throw new Error('DingTalk Stream socket missing after connect');
    if (this.stopped) {
      socket.close();
      return;
    }
    this.watch(socket);
  }

  private watch(socket: SocketLike): void {
    const generation = ++this.generation;
    let alive = true;
    socket.on('pong', () => (alive = true));
    socket.on('message', () => (alive = true));
    socket.on('close', () => this.lost(generation));
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (!alive) {
        this.streamOptions.log.warn('DingTalk Stream socket silent for a heartbeat interval, replacing it');
        socket.terminate();
        return;
      }
      alive = false;
      if (socket.readyState === OPEN) socket.ping();
    }, this.streamOptions.heartbeatMs ?? 15_000);
    this.pingTimer.unref();
    this.failures = 0;
  }

  private lost(generation: number): void {
    if (generation !== this.generation || this.stopped) return;
    this.generation++;
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
    this.streamOptions.log.warn('DingTalk Stream connection lost, reconnecting');
    this.scheduleReconnect();
  }

  private delay(attempt: number): number {
    const min = this.streamOptions.reconnectMinMs ?? 500;
    const max = this.streamOptions.reconnectMaxMs ?? 30_000;
    const base = Math.min(max, min * 2 ** Math.min(attempt, 20));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = this.delay(this.failures++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => this.streamOptions.log.info('DingTalk Stream reconnected'),
        (err: unknown) => {
          this.streamOptions.log.warn({ err, attempt: this.failures }, 'DingTalk Stream reconnect failed');
          this.scheduleReconnect();
        },
      );
    }, wait);
  }

  /** Unreadable frames are logged, never thrown out of the socket's event handler. */
  override onDownStream(data: string): void {
    try {
      super.onDownStream(data);
    } catch (err) {
      this.streamOptions.log.warn({ err }, 'unreadable frame from the DingTalk Stream gateway');
    }
  }

  /** After a `disconnect` frame the gateway sends nothing more on this socket: replace it now. */
  override onSystem(downstream: DWClientDownStream): void {
    super.onSystem(downstream);
    if (downstream.headers.topic === 'disconnect') {
      this.streamOptions.log.info('DingTalk Stream gateway asked to reconnect');
      this.internals().socket?.terminate();
    }
  }

  /** Closes the connection for good (no reconnect); resolves once the socket is closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.pingTimer = null;
    this.retryTimer = null;
    const socket = this.internals().socket;
    if (!socket || socket.readyState > OPEN) return;
    const closed = new Promise<void>((resolve) => socket.on('close', resolve));
    socket.close();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 2000)));
    if ((await Promise.race([closed, late])) === 'late') socket.terminate();
    clearTimeout(timer);
  }

  /** The SDK's disconnect, routed through stop() so no reconnect follows. */
  override disconnect(): void {
    void this.stop();
  }
}
