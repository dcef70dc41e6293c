/**
 * The bot's own WeChat session through the real gRPC transport (PuppetServer with the mock
 * puppet): the login QR code reaches the console and the staff robots (local servers playing
 * the WeCom and DingTalk robots); a logout or a lost puppet service alerts the robots and the
 * process exits non-zero after LOGOUT_GRACE_SECONDS, so the restart policy brings it back.
 */
import { createHash } from 'node:crypto';
import { systemClock } from '../../src/kernel/clock';
import { WechatyAdapter } from '../../src/platform/wechaty/wechaty-adapter';
import { startBotRuntime, type BotRuntime } from '../../bots/bot-runtime';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { startDingtalkStaffRobot, startWecomStaffRobot, type FakeStaffRobot } from '../support/staff-robots';
import { testConfig, testLog } from '../support/test-bot';
import { dropDatabase } from '../support/test-env';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';

const SECRET = 'SECsessiontest0123456789abcdef';
/** What a WeChat login QR code holds: a URL. */
const QR = 'https://login.weixin.qq.com/l/Qc9Kx2VbAw==';
const QR_PAGE = 'https://qr.example.test/show?value=';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function getHealth(url: string): Promise<{ status: number; body: { status: string; checks: Record<string, { ok: boolean }> } }> {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> } };
}

function adapterFor(harness: WechatyHarness): WechatyAdapter {
  return new WechatyAdapter({ endpoint: harness.endpoint, token: harness.token, loginTimeoutMs: 20_000, log: testLog });
}

describe('WeChat session: QR login, logout and a lost puppet service', () => {
  const harnesses: WechatyHarness[] = [];
  const runtimes: BotRuntime[] = [];
  const robots: FakeStaffRobot[] = [];
  const databases: string[] = [];
  let child: BotProcess | null = null;

  async function robotPair(): Promise<{ wecom: FakeStaffRobot; dingtalk: FakeStaffRobot; env: Record<string, string> }> {
    const wecom = await startWecomStaffRobot();
    const dingtalk = await startDingtalkStaffRobot(SECRET);
    robots.push(wecom, dingtalk);
    return { wecom, dingtalk, env: { DIGEST_WECOM_WEBHOOK: wecom.url, DIGEST_DINGTALK_WEBHOOK: dingtalk.url, DIGEST_DINGTALK_SECRET: SECRET } };
  }

  afterAll(async () => {
    if (child && child.child.exitCode === null) child.child.kill('SIGKILL');
    for (const r of runtimes) await r.stop().catch(() => undefined);
    for (const h of harnesses) await h.stop().catch(() => undefined);
    for (const r of robots) await r.close();
    for (const db of databases) await dropDatabase(db);
  });

  it('prints the login QR code and posts it to the WeCom robot as an image and to the DingTalk robot as a signed link; healthy once scanned', async () => {
    const harness = await startWechatyHarness('班级助手', { loggedIn: false });
    harnesses.push(harness);
    const { wecom, dingtalk, env } = await robotPair();
    const config = testConfig('wxqr', { ...env, LOGIN_QR_LINK: QR_PAGE, LOGOUT_GRACE_SECONDS: '600' });
    databases.push(config.MONGODB_URI);
    const printed: string[] = [];
    const starting = startBotRuntime(config, adapterFor(harness), systemClock, testLog, { printQr: (text) => printed.push(text) });

    // The QR code is shown while the client's event stream is open; show it until it lands (the same code is posted once).
    await harness.waitFor(() => {
      harness.mocker.scan(QR);
      return wecom.received.some((m) => m.msgtype === 'image') && dingtalk.received.length > 0;
    }, 'the QR code at both staff robots');

    const link = `${QR_PAGE}${encodeURIComponent(QR)}`;
    expect(wecom.texts().some((t) => t.includes('扫码登录') && t.includes(link))).toBe(true);
    const image = wecom.received.find((m) => m.msgtype === 'image')!.image!;
    const png = Buffer.from(image.base64, 'base64');
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(image.md5).toBe(createHash('md5').update(png).digest('hex'));
    const markdown = dingtalk.received.find((m) => m.msgtype === 'markdown')!.markdown!;
    expect(markdown.text).toContain(`![登录二维码](${link})`);
    expect(dingtalk.refused).toEqual([]);
    expect(printed.join('')).toMatch(/[▀▄█]{10}/u);
    // One code, one post, however often the puppet repeats it.
    expect(wecom.received.filter((m) => m.msgtype === 'image')).toHaveLength(1);

    harness.login();
    const runtime = await starting;
    runtimes.push(runtime);
    expect(runtime.self.id).toBe(harness.botUser.id);
    const health = await getHealth(runtime.healthUrl!);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { loggedIn: { ok: true }, redis: { ok: true }, mongodb: { ok: true } } });

    // Logged out: the staff are told, and /healthz says the bot cannot work.
    await harness.puppet.logout('removed from the phone');
    await harness.waitFor(() => wecom.texts().some((t) => t.includes('退出登录')), 'the logout alert at the WeCom robot');
    await harness.waitFor(() => dingtalk.texts().some((t) => t.includes('退出登录')), 'the logout alert at the DingTalk robot');
    const after = await getHealth(runtime.healthUrl!);
    expect(after.status).toBe(503);
    expect(after.body).toMatchObject({ status: 'fail', checks: { loggedIn: { ok: false }, redis: { ok: true }, mongodb: { ok: true } } });
  });

  it('a lost puppet service alerts the staff and, with no login within the grace period, stops the runtime and exits 1', async () => {
    const harness = await startWechatyHarness();
    harnesses.push(harness);
    const { wecom, env } = await robotPair();
    const config = testConfig('wxlost', { ...env, LOGOUT_GRACE_SECONDS: '1' });
    databases.push(config.MONGODB_URI);
    const exits: number[] = [];
    const runtime = await startBotRuntime(config, adapterFor(harness), systemClock, testLog, { exit: (code) => exits.push(code) });
    runtimes.push(runtime);

    const lostAt = Date.now();
    await harness.stop();
    await harness.waitFor(() => wecom.texts().some((t) => t.includes('连接断开')), 'the disconnect alert');
    await harness.waitFor(() => exits.length > 0, 'the runtime giving up', 30_000);
    expect(exits).toEqual([1]);
    expect(Date.now() - lostAt).toBeGreaterThanOrEqual(1000);
    expect(runtime.session.isLoggedIn()).toBe(false);
  });

  it('cohort-bot bot alerts the staff on a logout and exits non-zero after LOGOUT_GRACE_SECONDS', async () => {
    const harness = await startWechatyHarness();
    harnesses.push(harness);
    const { wecom, dingtalk, env } = await robotPair();
    const config = testConfig('wxlogout');
    databases.push(config.MONGODB_URI);
    child = await startBotProcess('bot', {
      ...env,
      MONGODB_URI: config.MONGODB_URI,
      REDIS_URL: config.REDIS_URL,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      BOT_PLATFORM: 'wechaty',
      WECHATY_PUPPET_SERVICE_TOKEN: harness.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: harness.endpoint,
      LOGOUT_GRACE_SECONDS: '1',
    });

    const loggedOutAt = Date.now();
    await harness.puppet.logout('kicked out');
    const code = await child.exited;
    expect(code).toBe(1);
    expect(Date.now() - loggedOutAt).toBeGreaterThanOrEqual(1000);
    expect(wecom.texts().some((t) => t.includes('退出登录'))).toBe(true);
    expect(dingtalk.texts().some((t) => t.includes('退出登录'))).toBe(true);
    expect(child.output()).toContain('platform session lost');
  });
});
