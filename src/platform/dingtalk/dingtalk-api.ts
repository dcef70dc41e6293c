import type { Logger } from '../../kernel/logger';
import { SendError } from '../send-error';

/** Where and as whom the robot calls DingTalk's HTTP API. */
export interface DingtalkApiOptions {
  /** Base of the open API, https://api.dingtalk.com unless a test points elsewhere. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** The robot's code; for an organisation's own app it is the AppKey (client id). */
  robotCode: string;
  log: Logger;
  /** Attempts of an idempotent call (access token, file download) when DingTalk answers 429/5xx or the network fails. */
  attempts?: number;
  /** First retry delay of those calls; doubles each time, capped at 5 s. */
  retryDelayMs?: number;
}

/** Stable codes of DingtalkApiError: what went wrong, and so whether it is worth retrying. */
export type DingtalkErrorCode =
  /** No HTTP answer (connection refused or reset, DNS): retryable. */
  | 'DINGTALK_NETWORK'
  /** 429, or the API's own QPS/rate-limit answer: retryable. */
  | 'DINGTALK_RATE_LIMITED'
  /** 408 or 5xx: retryable. */
  | 'DINGTALK_HTTP_RETRYABLE'
  /** Any other non-2xx (400 invalid body, 403 no permission, 404): not retryable. */
  | 'DINGTALK_HTTP_REJECTED'
  /** HTTP 200 with errcode -1 ("system busy"): retryable. */
  | 'DINGTALK_BUSY'
  /** HTTP 200 with another non-zero errcode (expired session webhook, bad parameters): not retryable. */
  | 'DINGTALK_REFUSED'
  /** A 2xx that is not DingTalk's JSON, or lacks what the call returns (a proxy page): retryable. */
  | 'DINGTALK_BAD_REPLY';

const RETRYABLE_CODES: ReadonlySet<DingtalkErrorCode> = new Set([
  'DINGTALK_NETWORK',
  'DINGTALK_RATE_LIMITED',
  'DINGTALK_HTTP_RETRYABLE',
  'DINGTALK_BUSY',
  'DINGTALK_BAD_REPLY',
]);

/**
 * errcodes of the older endpoints (session webhooks) that mean "too many calls": 90002 and
 * 90018 (API frequency limits), 130101 (robot sending too fast).
 */
const RATE_LIMIT_ERRCODES: ReadonlySet<number> = new Set([90002, 90018, 130101]);

/** A DingTalk HTTP call that failed; `status` 0 means there was no HTTP answer. */
export class DingtalkApiError extends SendError {
  constructor(
    override readonly code: DingtalkErrorCode,
    message: string,
    readonly status: number,
    readonly detail?: string,
    retryAfterMs?: number,
  ) {
    super(code, message, RETRYABLE_CODES.has(code), retryAfterMs);
    this.name = 'DingtalkApiError';
  }
}

/** The text content of a robot message, as `msgKey: 'sampleText'` expects in msgParam. */
const sampleText = (content: string) => ({ msgKey: 'sampleText', msgParam: JSON.stringify({ content }) });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The robot's outgoing HTTP calls (global fetch): session-webhook replies, one-to-one and
 * group sends, file downloads, and the access token they need.
 *
 * Only idempotent calls are retried here (the access token, a download code's URL, the
 * file itself): 429 and 5xx answers and network failures, with exponential backoff
 * (Retry-After when given). A send is POSTed once: a 5xx can come after DingTalk delivered
 * the message, so re-sending is the caller's decision (the outbox queue's), made from the
 * DingtalkApiError's code and `retryable`. The one exception is a 401: the stale token was
 * refused before anything was sent, so the call is made once more with a fresh token.
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
    // A POST by DingTalk's design, but idempotent: asking again only returns a token again.
    const res = await this.postJson<{ accessToken?: string; expireIn?: number }>(
      `${this.base()}/v1.0/oauth2/accessToken`,
      { appKey: this.options.clientId, appSecret: this.options.clientSecret },
      {},
      true,
    );
    if (!res.accessToken) throw new DingtalkApiError('DINGTALK_BAD_REPLY', 'DingTalk returned no access token', 200);
    // Renew five minutes early so a token never expires in flight.
    const lifetimeMs = Math.max(60, (res.expireIn ?? 7200) - 300) * 1000;
    this.token = { value: res.accessToken, expiresAt: Date.now() + lifetimeMs };
    return res.accessToken;
  }

  /** Replies into the conversation a callback came from, through its session webhook (can @mention by user id); one POST. */
  async sendBySession(webhook: string, content: string, atUserIds: string[]): Promise<void> {
    const body = { msgtype: 'text', text: { content }, at: { atUserIds, isAtAll: false } };
    await this.postJson<unknown>(webhook, body, {}, false);
  }

  /** Sends a one-to-one message from the robot to people of the organisation; one POST. */
  async sendToUsers(userIds: string[], content: string): Promise<void> {
    await this.withToken(
      `${this.base()}/v1.0/robot/oToMessages/batchSend`,
      { robotCode: this.options.robotCode, userIds, ...sampleText(content) },
      false,
    );
  }

  /** Sends to a group the robot is in, by its openConversationId (no session webhook needed); one POST. */
  async sendToGroup(openConversationId: string, content: string): Promise<void> {
    await this.withToken(
      `${this.base()}/v1.0/robot/groupMessages/send`,
      { robotCode: this.options.robotCode, openConversationId, ...sampleText(content) },
      false,
    );
  }

  /** Downloads a file a robot message refers to (picture, file) by its download code; both steps are retried. */
  async download(downloadCode: string): Promise<Buffer> {
    // Asking for a download code's URL changes nothing, so it is retried like a GET.
    const { downloadUrl } = await this.withToken<{ downloadUrl?: string }>(
      `${this.base()}/v1.0/robot/messageFiles/download`,
      { downloadCode, robotCode: this.options.robotCode },
      true,
    );
    if (!downloadUrl) throw new DingtalkApiError('DINGTALK_BAD_REPLY', 'DingTalk returned no download URL', 200);
    const res = await this.retrying(() => this.once(() => fetch(downloadUrl), downloadUrl), downloadUrl);
    return Buffer.from(await res.arrayBuffer());
  }

  private base(): string {
    return this.options.apiUrl.replace(/\/+$/, '');
  }

  /** A call with the access token; a 401 drops the cached token and makes the call once more. */
  private async withToken<T>(url: string, body: unknown, idempotent: boolean): Promise<T> {
    try {
      return await this.postJson<T>(url, body, { 'x-acs-dingtalk-access-token': await this.accessToken() }, idempotent);
    } catch (err) {
      if (!(err instanceof DingtalkApiError) || err.status !== 401) throw err;
      this.token = null;
      return this.postJson<T>(url, body, { 'x-acs-dingtalk-access-token': await this.accessToken() }, idempotent);
    }
  }

  /**
   * POSTs JSON and returns the JSON answer, retrying only when `idempotent`. DingTalk's older
   * endpoints (session webhooks) answer HTTP 200 with a non-zero `errcode` on failure; that
   * is an error too.
   */
  private async postJson<T>(url: string, body: unknown, headers: Record<string, string>, idempotent: boolean): Promise<T> {
    const post = () =>
      this.once(
        () =>
          fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
            body: JSON.stringify(body),
          }),
        url,
      );
    const res = idempotent ? await this.retrying(post, url) : await post();
    const text = await res.text();
    let json: { errcode?: unknown; errmsg?: unknown };
    try {
      json = text ? (JSON.parse(text) as typeof json) : {};
    } catch {
      throw new DingtalkApiError('DINGTALK_BAD_REPLY', `DingTalk answered ${redact(url)} with something other than JSON`, res.status, text.slice(0, 200));
    }
    if (typeof json.errcode === 'number' && json.errcode !== 0) {
      const errmsg = typeof json.errmsg === 'string' ? json.errmsg : '';
      const code: DingtalkErrorCode = json.errcode === -1 ? 'DINGTALK_BUSY' : RATE_LIMIT_ERRCODES.has(json.errcode) ? 'DINGTALK_RATE_LIMITED' : 'DINGTALK_REFUSED';
      throw new DingtalkApiError(code, `DingTalk refused ${redact(url)}: errcode ${json.errcode} ${errmsg}`, res.status, text.slice(0, 200));
    }
    return json as T;
  }

  /** One HTTP call: the 2xx response, or a DingtalkApiError saying why not and whether to retry. */
  private async once(call: () => Promise<Response>, url: string): Promise<Response> {
    let res: Response;
    try {
      res = await call();
    } catch (err) {
      throw new DingtalkApiError('DINGTALK_NETWORK', `DingTalk call to ${redact(url)} failed (network)`, 0, String(err));
    }
    if (res.ok) return res;
    const detail = (await res.text().catch(() => '')).slice(0, 200);
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    const code: DingtalkErrorCode =
      res.status === 429 || isQpsLimit(detail) ? 'DINGTALK_RATE_LIMITED' : res.status === 408 || res.status >= 500 ? 'DINGTALK_HTTP_RETRYABLE' : 'DINGTALK_HTTP_REJECTED';
    throw new DingtalkApiError(code, `DingTalk call to ${redact(url)} failed (HTTP ${res.status})`, res.status, detail, retryAfterMs);
  }

  /** Repeats an idempotent call while it fails in a retryable way, up to `attempts` times. */
  private async retrying(call: () => Promise<Response>, url: string): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        if (!(err instanceof DingtalkApiError) || !err.retryable || attempt >= this.attempts) throw err;
        const delay = err.retryAfterMs !== undefined ? Math.min(30_000, err.retryAfterMs) : Math.min(5000, this.retryDelayMs * 2 ** (attempt - 1));
        this.options.log.warn({ url: redact(url), status: err.status, code: err.code, attempt, delay }, 'DingTalk call failed, retrying');
        await sleep(delay);
      }
    }
  }
}

/** The new API's throttling answer: HTTP 403 with a code such as `Forbidden.AccessDenied.QpsLimitForApi`. */
function isQpsLimit(body: string): boolean {
  return /"code"\s*:\s*"[^"]*Qp[sm]Limit/i.test(body);
}

/** Retry-After in delta-seconds as milliseconds; undefined when absent or not a positive number. */
function parseRetryAfter(value: string | null): number | undefined {
  const seconds = Number(value);
  return value && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

/** A URL without its query (session webhooks carry a credential there). */
function redact(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : `${url.slice(0, q)}?…`;
}
