import nock from 'nock';
import pino from 'pino';
import { DingtalkAdapter } from '../../../../src/platform/dingtalk/dingtalk-adapter';
import { DingtalkApiError } from '../../../../src/platform/dingtalk/dingtalk-api';
import { robotMessageSchema } from '../../../../src/platform/dingtalk/robot-message';
import groupText from '../../../fixtures/dingtalk/group-text-at-bot.json';

const API = 'https://api.dingtalk.test';
const SESSION_HOST = 'https://oapi.dingtalk.test';
const GROUP = groupText.conversationId;

/** An adapter that has seen the fixture's group callback, with a session webhook valid for an hour. */
function adapterWithSession(): DingtalkAdapter {
  const adapter = new DingtalkAdapter({
    clientId: 'ding-app',
    clientSecret: 'secret',
    gatewayUrl: `${API}/v1.0/gateway/connections/open`,
    apiUrl: API,
    botName: '培训助手',
    connectTimeoutMs: 1_000,
    log: pino({ level: 'silent' }),
    retryDelayMs: 1,
  });
  const msg = robotMessageSchema.parse({
    ...groupText,
    sessionWebhook: `${SESSION_HOST}/robot/sendBySession?session=s1`,
    sessionWebhookExpiredTime: Date.now() + 3_600_000,
  });
  // What receive() does with every callback: remember the group's session webhook.
  adapter['remember'](msg);
  return adapter;
}

/** Counts POSTs through the session webhook and through the group send API. */
function dingtalk(sessionAnswer: [number, unknown]) {
  const posts = { session: 0, group: 0 };
  nock(SESSION_HOST)
    .post('/robot/sendBySession')
    .query(true)
    .times(10)
    .reply(() => {
      posts.session++;
      return [sessionAnswer[0], sessionAnswer[1] as nock.Body];
    });
  nock(API).post('/v1.0/oauth2/accessToken').times(10).reply(200, { accessToken: 't', expireIn: 7200 });
  nock(API)
    .post('/v1.0/robot/groupMessages/send')
    .times(10)
    .reply(() => {
      posts.group++;
      return [200, { processQueryKey: 'k' }];
    });
  return posts;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('DingtalkAdapter.send through a session webhook', () => {
  it('throws a session webhook 503 to the caller instead of posting the reply again through the group API', async () => {
    const posts = dingtalk([503, {}]);
    const adapter = adapterWithSession();

    const err = await adapter.send({ kind: 'group', id: GROUP }, { text: '已签到' }).then(
      () => null,
      (e: unknown) => e,
    );

    expect(err).toBeInstanceOf(DingtalkApiError);
    expect(err).toMatchObject({ retryable: true });
    expect(posts).toEqual({ session: 1, group: 0 });
    // The caller's retry goes through the group API: the failing session webhook is forgotten.
    await adapter.send({ kind: 'group', id: GROUP }, { text: '已签到' });
    expect(posts).toEqual({ session: 1, group: 1 });
  });

  it('falls back to the group API at once when the session webhook refuses the reply', async () => {
    const posts = dingtalk([200, { errcode: 300001, errmsg: 'session 已过期' }]);

    await adapterWithSession().send({ kind: 'group', id: GROUP }, { text: '已签到' });

    expect(posts).toEqual({ session: 1, group: 1 });
  });
});
