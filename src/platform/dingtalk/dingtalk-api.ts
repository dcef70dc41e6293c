import type { Logger } from '../../kernel/logger';

/** Where and as whom the robot calls DingTalk's HTTP API. */
export interface DingtalkApiOptions {
  /** Base of the open API, https://api.dingtalk.com unless a test points elsewhere. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** The robot's code; for an organisation's own app it is the AppKey (client id). */
  robotCode: string;
  log: Logger;
  /** Attempts per request when DingTalk answers 429/5xx or the network fails. */
  attempts?: number;
  /** First retry delay; doubles each time, capped at 5 s. */
  retryDelayMs?: number;
}

/** A DingTalk HTTP call that failed for good; `status` 0 means the network failed. */
export class DingtalkApiError extends Error {
  readonly code = 'DINGTALK_API_FAILED';
  constructor(
    message: string,
    readonly status: number,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** The text content of a robot message, as `msgKey: 'sampleText'` expects in msgParam. */
const sampleText = (content: string) => ({ msgKey: 'sampleText', msgParam: JSON.stringify({ content }) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The robot's outgoing HTTP calls (global fetch): session-webhook replies, one-to-one and
 * group sends, file downloads, and the access token they need. 429 and 5xx answers and
 * network failures are retried with exponential backoff (Retry-After when given).
 */
export class DingtalkApi {
  private token: { value: string; expiresAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;
  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: DingtalkApiOptions) {
    this.attempts = options.attempts ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 300;
  }

  /** An access token for the new API (`/v1.0/oauth2/accessToken`), cached until shortly before it expires. */
  async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    this.tokenRequest ??= this.fetchToken().finally(() => (this.tokenRequest = null));
    return this.tokenRequest;
  }

  private async fetchToken(): Promise<string> {
    const res = await this.request<{ accessToken?: string; expireIn?: number }>(`${this.base()}/v1.0/oauth2/accessToken`, {
      appKey: this.options.clientId,
      appSecret: this.options.clientSecret,
    });
    if (!res.accessToken) throw new DingtalkApiError('DingTalk returned no access token', 200);
    // Renew five minutes early so a token never expires in flight.
    const lifetimeMs = Math.max(60, (res.expireIn ?? 7200) - 300) * 1000;
    this.token = { value: res.accessToken, expiresAt: Date.now() + lifetimeMs };
    return res.accessToken;
  }

  /** Replies into the conversation a callback came from, through its session webhook (can @mention by user id). */
  async sendBySession(webhook: string, content: string, atUserIds: string[]): Promise<void> {
    const body = { msgtype: 'text', text: { content }, at: { atUserIds, isAtAll: false } };
    await this.request<unknown>(webhook, body);
  }

  /** Sends a one-to-one message from the robot to people of the organisation. */
  async sendToUsers(userIds: string[], content: string): Promise<void> {
    await this.withToken(`${this.base()}/v1.0/robot/oToMessages/batchSend`, {
      robotCode: this.options.robotCode,
      userIds,
      ...sampleText(content),
    });
  }

  /** Sends to a group the robot is in, by its openConversationId (no session webhook needed). */
  async sendToGroup(openConversationId: string, content: string): Promise<void> {
    await this.withToken(`${this.base()}/v1.0/robot/groupMessages/send`, {
      robotCode: this.options.robotCode,
      openConversationId,
      ...sampleText(content),
    });
  }

  /** Downloads a file a robot message refers to (picture, file) by its download code. */
  async download(downloadCode: string): Promise<Buffer> {
    const { downloadUrl } = await this.withToken<{ downloadUrl?: string }>(`${this.base()}/v1.0/robot/messageFiles/download`, {
      downloadCode,
      robotCode: this.options.robotCode,
    });
    if (!downloadUrl) throw new DingtalkApiError('DingTalk returned no download URL', 200);
    const res = await this.retrying(() => fetch(downloadUrl), downloadUrl);
    return Buffer.from(await res.arrayBuffer());
  }

  private base(): string {
    return this.options.apiUrl.replace(/\/+$/, '');
  }

  /** A call with the access token; a 401 drops the cached token and tries once more. */
  private async withToken<T>(url: string, body: unknown): Promise<T> {
    try {
      return await this.request<T>(url, body, { 'x-acs-dingtalk-access-token': await this.accessToken() });
    } catch (err) {
      if (!(err instanceof DingtalkApiError) || err.status !== 401) throw err;
      this.token = null;
      return this.request<T>(url, body, { 'x-acs-dingtalk-access-token': await this.accessToken() });
    }
  }

  /**
   * POSTs JSON and returns the JSON answer. DingTalk's older endpoints (session webhooks)
   * answer HTTP 200 with a non-zero `errcode` on failure; that is an error too.
   */
  private async request<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await this.retrying(
      () =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
      url,
    );
    const text = await res.text();
    let json: { errcode?: unknown; errmsg?: unknown };
    try {
      json = text ? (JSON.parse(text) as typeof json) : {};
    } catch {
      throw new DingtalkApiError(`DingTalk answered ${redact(url)} with something other than JSON`, res.status, text.slice(0, 200));
    }
    if (typeof json.errcode === 'number' && json.errcode !== 0) {
      const errmsg = typeof json.errmsg === 'string' ? json.errmsg : '';
      throw new DingtalkApiError(`DingTalk refused ${redact(url)}: errcode ${json.errcode} ${errmsg}`, res.status, text.slice(0, 200));
    }
    return json as T;
  }

  /** Runs `call` until it gives a non-retryable answer; throws DingtalkApiError for any non-2xx. */
  private async retrying(call: () => Promise<Response>, url: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      let res: Response | null = null;
      let failure: unknown = null;
      try {
        res = await call();
      } catch (err) {
        failure = err;
      }
      if (res?.ok) return res;
      const retryable = res === null || res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= this.attempts) {
        const detail = res ? (await res.text().catch(() => '')).slice(0, 200) : String(failure);
        throw new DingtalkApiError(`DingTalk call to ${redact(url)} failed (${res ? `HTTP ${res.status}` : 'network'})`, res?.status ?? 0, detail);
      }
      const retryAfter = Number(res?.headers.get('retry-after'));
      const delay = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(30_000, retryAfter * 1000) : Math.min(5000, this.retryDelayMs * 2 ** (attempt - 1));
      this.options.log.warn({ url: redact(url), status: res?.status ?? 0, attempt, delay }, 'DingTalk call failed, retrying');
      await res?.body?.cancel().catch(() => undefined);
      await sleep(delay);
    }
  }
}

/** A URL without its query (session webhooks carry a credential there). */
function redact(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}
