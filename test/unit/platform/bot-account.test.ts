import { createHash } from 'node:crypto';
import { accountId, botAccount } from '../../../src/platform/bot-account';
import { accountOfOutboxQueue, OUTBOX_QUEUE, outboxQueueName } from '../../../src/queue/queue-names';

describe('bot accounts', () => {
  it('names a DingTalk robot by its client id and a WeChat account by a digest of its token, never the token', () => {
    const ding = botAccount({ DINGTALK_CLIENT_ID: 'dingabc123' }, 'dingtalk');
    expect(ding).toEqual({ platform: 'dingtalk', name: 'dingabc123', id: 'dingtalk-dingabc123' });
    const wx = botAccount({ WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_secret_token' }, 'wechaty');
    // The names the inbox journals were keyed by before accounts had ids: a running inbox resumes.
    expect(wx.name).toBe(createHash('sha256').update('puppet_secret_token').digest('hex').slice(0, 12));
    expect(botAccount({}, 'dingtalk').name).toBe('robot');
    expect(botAccount({}, 'web')).toEqual({ platform: 'web', name: 'web', id: 'web' });
    expect(wx.id).toBe(`wechaty-${wx.name}`);
    expect(wx.id).not.toContain('secret');
  });

  it('tells two WeChat accounts apart, and keeps one account the same across restarts', () => {
    const a = accountId({ WECHATY_PUPPET_SERVICE_TOKEN: 'token-a' }, 'wechaty');
    expect(accountId({ WECHATY_PUPPET_SERVICE_TOKEN: 'token-a' }, 'wechaty')).toBe(a);
    expect(accountId({ WECHATY_PUPPET_SERVICE_TOKEN: 'token-b' }, 'wechaty')).not.toBe(a);
  });

  it('gives every account an id a BullMQ queue name can hold (no colon), a client id with odd characters by its digest', () => {
    const odd = accountId({ DINGTALK_CLIENT_ID: 'ding:with spaces/and:colons' }, 'dingtalk');
    expect(odd).toMatch(/^dingtalk-[0-9a-f]{16}$/);
    for (const id of [odd, accountId({}, 'wechaty'), accountId({}, 'dingtalk'), accountId({}, 'web')]) expect(outboxQueueName(id)).not.toContain(':');
  });

  it('names each account outbox queue apart from the shared one, and reads the account back from the name', () => {
    expect(outboxQueueName('dingtalk-dingabc123')).toBe('outbox-dingtalk-dingabc123');
    expect(accountOfOutboxQueue('outbox-dingtalk-dingabc123')).toBe('dingtalk-dingabc123');
    expect(accountOfOutboxQueue(OUTBOX_QUEUE)).toBeNull();
    expect(accountOfOutboxQueue('work')).toBeNull();
  });
});
