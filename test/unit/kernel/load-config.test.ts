import { ConfigError, loadConfig, requirePlatformConfig } from '../../../src/kernel/load-config';
import { outboxRates } from '../../../src/queue/outbox';

const ok = { MONGODB_URI: 'mongodb://127.0.0.1:27017/cb' };

describe('loadConfig', () => {
  it('fills defaults', () => {
    const c = loadConfig(ok);
    expect(c).toMatchObject({ REDIS_URL: 'redis://127.0.0.1:6379', BOT_PLATFORM: 'web', TZ_DEFAULT: 'Asia/Shanghai', ADMIN_IDS: [] });
  });
  it('sets the outbox budgets a minute per chat and per account, 0 lifting the account budget', () => {
    expect(outboxRates(loadConfig(ok))).toEqual({ perTarget: { limit: 20, windowMs: 60_000 }, perAccount: { limit: 60, windowMs: 60_000 } });
    expect(outboxRates(loadConfig({ ...ok, OUTBOX_CHAT_PER_MINUTE: '8', OUTBOX_ACCOUNT_PER_MINUTE: '0' }))).toEqual({ perTarget: { limit: 8, windowMs: 60_000 }, perAccount: null });
    expect(() => loadConfig({ ...ok, OUTBOX_CHAT_PER_MINUTE: '0' })).toThrow(/OUTBOX_CHAT_PER_MINUTE/);
  });
  it('takes an optional HEARTBEAT_FILE, absent when unset or empty', () => {
    expect(loadConfig({ ...ok, HEARTBEAT_FILE: '/tmp/bot.heartbeat' }).HEARTBEAT_FILE).toBe('/tmp/bot.heartbeat');
    expect(loadConfig({ ...ok, HEARTBEAT_FILE: '' }).HEARTBEAT_FILE).toBeUndefined();
    expect(loadConfig(ok).HEARTBEAT_FILE).toBeUndefined();
  });
  it('splits ADMIN_IDS on commas', () => {
    expect(loadConfig({ ...ok, ADMIN_IDS: 'a, b,,c' }).ADMIN_IDS).toEqual(['a', 'b', 'c']);
  });
  it('names a missing MONGODB_URI in one line', () => {
    expect(() => loadConfig({})).toThrow(new ConfigError('configuration error: MONGODB_URI is required'));
  });
  it('names a bad time zone', () => {
    expect(() => loadConfig({ ...ok, TZ_DEFAULT: 'Mars/Olympus' })).toThrow(/TZ_DEFAULT must be an IANA time zone/);
  });
  it('names a bad platform', () => {
    expect(() => loadConfig({ ...ok, BOT_PLATFORM: 'qq' })).toThrow(/^configuration error: BOT_PLATFORM/);
  });
  it('runs the web chat when no platform credentials are set, the platform whose credentials are set otherwise', () => {
    expect(loadConfig(ok).BOT_PLATFORM).toBe('web');
    expect(loadConfig({ ...ok, WECHATY_PUPPET_SERVICE_TOKEN: 't' }).BOT_PLATFORM).toBe('wechaty');
    expect(loadConfig({ ...ok, DINGTALK_CLIENT_ID: 'ding' }).BOT_PLATFORM).toBe('dingtalk');
  });
  it('lets an explicit BOT_PLATFORM win over the credentials present', () => {
    expect(loadConfig({ ...ok, BOT_PLATFORM: 'web', WECHATY_PUPPET_SERVICE_TOKEN: 't' }).BOT_PLATFORM).toBe('web');
    expect(loadConfig({ ...ok, BOT_PLATFORM: 'dingtalk', WECHATY_PUPPET_SERVICE_TOKEN: 't' }).BOT_PLATFORM).toBe('dingtalk');
  });
  it('needs no platform settings for the web chat, which listens on loopback port 8080 by default', () => {
    const c = loadConfig(ok);
    expect(() => requirePlatformConfig(c)).not.toThrow();
    expect(c).toMatchObject({ WEB_HOST: '127.0.0.1', WEB_PORT: 8080 });
    expect(loadConfig({ ...ok, WEB_HOST: '0.0.0.0', WEB_PORT: '9000' })).toMatchObject({ WEB_HOST: '0.0.0.0', WEB_PORT: 9000 });
    expect(() => loadConfig({ ...ok, WEB_PORT: '70000' })).toThrow(/^configuration error: WEB_PORT/);
  });
  it('seeds the demo by default only for the web chat, and DEMO_SEED=0 turns it off', () => {
    expect(loadConfig(ok).DEMO_SEED).toBe(true);
    expect(loadConfig({ ...ok, DEMO_SEED: '0' }).DEMO_SEED).toBe(false);
    expect(loadConfig({ ...ok, WECHATY_PUPPET_SERVICE_TOKEN: 't', DEMO_SEED: '1' }).DEMO_SEED).toBe(false);
    expect(() => loadConfig({ ...ok, DEMO_SEED: 'yes' })).toThrow(/^configuration error: DEMO_SEED must be 1 or 0/);
  });
  it('requires the puppet service endpoint for the wechaty bot', () => {
    expect(() => requirePlatformConfig(loadConfig({ ...ok, WECHATY_PUPPET_SERVICE_TOKEN: 't' }))).toThrow(/WECHATY_PUPPET_SERVICE_ENDPOINT is required/);
  });
});
