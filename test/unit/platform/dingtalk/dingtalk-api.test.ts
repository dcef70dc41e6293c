import nock from 'nock';
import pino from 'pino';
import { DingtalkApi, DingtalkApiError } from '../../../../src/platform/dingtalk/dingtalk-api';
import { isPermanentSendError, isRetryableSendError } from '../../../../src/platform/send-error';

// nock intercepts the client's global fetch; no request leaves the process.
const API = 'https://api.dingtalk.test';
const SESSION = 'https://oapi.dingtalk.test/robot/sendBySession';
const TOKEN_PATH = '/v1.0/oauth2/accessToken';
const GROUP_SEND_PATH = '/v1.0/robot/groupMessages/send';
const ONE_TO_ONE_PATH = '/v1.0/robot/oToMessages/batchSend';

function newApi(): DingtalkApi {
  return new DingtalkApi({
    apiUrl: API,
    clientId: 'ding-app',
    clientSecret: 'secret',
    robotCode: 'ding-app',
    log: pino({ level: 'silent' }),
    attempts: 4,
    retryDelayMs: 1,
  });
}

/** Counts the requests to one path; `answers` are given in turn, the last one repeated. */
function answer(path: string, answers: Array<[number, unknown]>): { count: () => number } {
  let count = 0;
  nock(API)
    .post(path)
    .times(10)
    .reply(() => {
      const [status, body] = answers[Math.min(count, answers.length - 1)] ?? [500, {}];
      count++;
      return [status, body as nock.Body];
    });
  return { count: () => count };
}

const tokenOk: [number, unknown] = [200, { accessToken: 'token-1', expireIn: 7200 }];

/** The rejection of `promise`, which must reject. */
async function failureOf(promise: Promise<unknown>): Promise<DingtalkApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DingtalkApiError)) throw new Error(`expected a DingtalkApiError, got ${String(err)}`);
  return err;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('DingtalkApi sends: one attempt, a typed error for the queue to judge', () => {
  it('POSTs a group message once when DingTalk answers 503, and says a retry may help', async () => {
    answer(TOKEN_PATH, [tokenOk]);
    const send = answer(GROUP_SEND_PATH, [[503, { code: 'ServiceUnavailable', message: 'busy' }]]);

    const err = await failureOf(newApi().sendToGroup('cid-1', '今天的作业'));

    expect(send.count()).toBe(1);
    expect(err).toMatchObject({ code: 'DINGTALK_HTTP_RETRYABLE', status: 503, retryable: true });
    expect(isRetryableSendError(err)).toBe(true);
  });

  it('POSTs a one-to-one message once on 429 and keeps the Retry-After hint', async () => {
    answer(TOKEN_PATH, [tokenOk]);
    let sends = 0;
    nock(API)
      .post(ONE_TO_ONE_PATH)
      .times(10)
      .reply(() => {
        sends++;
        return [429, {}, { 'retry-after': '7' }];
      });

    const err = await failureOf(newApi().sendToUsers(['u1'], '提醒'));

    expect(sends).toBe(1);
    expect(err).toMatchObject({ code: 'DINGTALK_RATE_LIMITED', retryable: true, retryAfterMs: 7000 });
  });

  it('POSTs once and reports no HTTP answer as a retryable network failure', async () => {
    answer(TOKEN_PATH, [tokenOk]);
    let sends = 0;
    nock(API)
      .post(GROUP_SEND_PATH)
      .times(10)
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
      .on('request', () => sends++);

    const err = await failureOf(newApi().sendToGroup('cid-1', '你好'));

    expect(sends).toBe(1);
    expect(err).toMatchObject({ code: 'DINGTALK_NETWORK', status: 0, retryable: true });
  });

  it('marks a 400 (invalid request) as permanent', async () => {
    answer(TOKEN_PATH, [tokenOk]);
    const send = answer(GROUP_SEND_PATH, [[400, { code: 'InvalidParameter', message: 'openConversationId is invalid' }]]);

    const err = await failureOf(newApi().sendToGroup('bad-cid', '你好'));

    expect(send.count()).toBe(1);
    expect(err).toMatchObject({ code: 'DINGTALK_HTTP_REJECTED', status: 400, retryable: false });
    expect(isPermanentSendError(err)).toBe(true);
  });

  it("treats the new API's 403 QPS limit as rate limiting, not as a refusal", async () => {
    answer(TOKEN_PATH, [tokenOk]);
    answer(GROUP_SEND_PATH, [[403, { code: 'Forbidden.AccessDenied.QpsLimitForApi', message: 'too many' }]]);

    expect(await failureOf(newApi().sendToGroup('cid-1', '你好'))).toMatchObject({ code: 'DINGTALK_RATE_LIMITED', retryable: true });
  });

  it('reads errcode in an HTTP 200 session-webhook answer: -1 is busy (retryable), an expired webhook is refused (permanent)', async () => {
    let posts = 0;
    const bodies = [
      { errcode: -1, errmsg: '系统繁忙' },
      { errcode: 300001, errmsg: 'session 已过期' },
    ];
    nock('https://oapi.dingtalk.test')
      .post('/robot/sendBySession')
      .query(true)
      .times(10)
      .reply(() => [200, bodies[posts++]]);
    const api = newApi();

    const busy = await failureOf(api.sendBySession(`${SESSION}?session=abc`, '好的', []));
    const refused = await failureOf(api.sendBySession(`${SESSION}?session=abc`, '好的', []));

    expect(posts).toBe(2);
    expect(busy).toMatchObject({ code: 'DINGTALK_BUSY', retryable: true });
    expect(refused).toMatchObject({ code: 'DINGTALK_REFUSED', retryable: false });
    // The session key in the query is a credential: it stays out of the message.
    expect(refused.message).not.toContain('abc');
  });

  it('makes the send once more with a fresh token when the cached one is refused with 401', async () => {
    const token = answer(TOKEN_PATH, [tokenOk]);
    const send = answer(GROUP_SEND_PATH, [
      [401, { code: 'InvalidAuthentication' }],
      [200, { processQueryKey: 'k' }],
    ]);

    await newApi().sendToGroup('cid-1', '你好');

    expect(token.count()).toBe(2);
    expect(send.count()).toBe(2);
  });
});

describe('DingtalkApi idempotent calls: retried in the client', () => {
  it('retries the access-token request on 503 and 429, then sends once', async () => {
    const token = answer(TOKEN_PATH, [[503, {}], [429, {}], tokenOk]);
    const send = answer(GROUP_SEND_PATH, [[200, { processQueryKey: 'k' }]]);

    await newApi().sendToGroup('cid-1', '你好');

    expect(token.count()).toBe(3);
    expect(send.count()).toBe(1);
  });

  it('gives up on the token after the configured attempts, with a retryable error', async () => {
    const token = answer(TOKEN_PATH, [[503, {}]]);
    const send = answer(GROUP_SEND_PATH, [[200, {}]]);

    const err = await failureOf(newApi().sendToGroup('cid-1', '你好'));

    expect(token.count()).toBe(4);
    expect(send.count()).toBe(0);
    expect(err).toMatchObject({ code: 'DINGTALK_HTTP_RETRYABLE', retryable: true });
  });

  it('does not retry a token request DingTalk refuses (bad app secret)', async () => {
    const token = answer(TOKEN_PATH, [[400, { code: 'invalidClientIdOrSecret' }]]);

    expect(await failureOf(newApi().accessToken())).toMatchObject({ code: 'DINGTALK_HTTP_REJECTED', retryable: false });
    expect(token.count()).toBe(1);
  });

  it('retries both steps of a file download: the download URL and the GET of the file', async () => {
    answer(TOKEN_PATH, [tokenOk]);
    const lookup = answer('/v1.0/robot/messageFiles/download', [[502, {}], [200, { downloadUrl: 'https://files.dingtalk.test/f/1.jpg' }]]);
    let gets = 0;
    nock('https://files.dingtalk.test')
      .get('/f/1.jpg')
      .times(10)
      .reply(() => (++gets < 3 ? [503, ''] : [200, Buffer.from('jpeg-bytes')]));

    const file = await newApi().download('code-1');

    expect(file.toString()).toBe('jpeg-bytes');
    expect(lookup.count()).toBe(2);
    expect(gets).toBe(3);
  });
});
