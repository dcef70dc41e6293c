import { ConfigError, loadConfig, requirePlatformConfig } from '../../../src/kernel/load-config';

const ok = { MONGODB_URI: 'mongodb://127.0.0.1:27017/cb' };

describe('loadConfig', () => {
  it('fills defaults', () => {
    const c = loadConfig(ok);
    expect(c).toMatchObject({ REDIS_URL: 'redis://127.0.0.1:6379', BOT_PLATFORM: 'wechaty', TZ_DEFAULT: 'Asia/Shanghai', ADMIN_IDS: [] });
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
  it('requires the puppet service endpoint for the wechaty bot', () => {
    expect(() => requirePlatformConfig(loadConfig({ ...ok, WECHATY_PUPPET_SERVICE_TOKEN: 't' }))).toThrow(/WECHATY_PUPPET_SERVICE_ENDPOINT is required/);
  });
});
