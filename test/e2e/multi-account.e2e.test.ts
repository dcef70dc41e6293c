/**
 * One deployment, three bot accounts: two WeChat accounts (two PuppetServers with the mock
 * puppet, reached over Wechaty's real gRPC transport) and one DingTalk robot (the fake gateway),
 * each its own `cohort-bot bot` process, with one `cohort-bot worker`, on one Redis and one
 * MongoDB. Each account serves its own group. Reminders, closings and digests reach each group
 * and person through the account that serves them, never through another; one bot killed delays
 * only its own messages, and after its restart they arrive once.
 */
import type { mock } from 'wechaty-puppet-mock';
import { ScaledClock } from '../../src/kernel/clock';
import { startBotProcess, type BotProcess } from '../support/bot-process';
import { startWechatyHarness, type SentMessage, type WechatyHarness } from '../support/wechaty-harness';
import { startDingtalkGateway, type DingtalkGateway, type DingtalkGroup, type DingtalkPerson } from '../support/dingtalk-gateway';
import { startRedisCluster, type RedisClusterHandle } from '../support/redis-cluster';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';

/** 240× real time: a fake hour passes in 15 real seconds. */
const SPEED = 240;
const fake = (iso: string) => new Date(`${iso}+08:00`);

const isReminder = (minutes: number) => (text: string) => text.replace(/^(@\S+\s)+/u, '').startsWith('⏰') && text.includes(`${minutes} 分钟后上课`);
const isClosing = (text: string) => text.startsWith('本节课签到已结束');
const isDigestOf = (cohort: string) => (text: string) => text.includes(`「${cohort}」日报 03-01`);

/** Where the processes' queues live: the one Redis of the tests, or a three-master Redis Cluster started here. */
type RedisSetup = { label: string; start: () => Promise<{ env: Record<string, string>; stop: () => Promise<void> }> };
const redisSetups: RedisSetup[] = [
  { label: 'one Redis', start: async () => ({ env: { REDIS_URL: redisUrl() }, stop: async () => undefined }) },
  {
    label: 'a three-master Redis Cluster',
    start: async () => {
      const cluster: RedisClusterHandle = await startRedisCluster();
      return { env: { REDIS_CLUSTER_NODES: cluster.nodes.join(',') }, stop: () => cluster.stop() };
    },
  },
];

describe.each(redisSetups)('two WeChat accounts and a DingTalk robot in one deployment, on $label: every message through its own account', ({ start }) => {
  let stopRedis: (() => Promise<void>) | null = null;
  let wxA: WechatyHarness;
  let wxB: WechatyHarness;
  let dt: DingtalkGateway;
  let clock: ScaledClock;
  let env: Record<string, string>;
  const bots: Record<'a' | 'b' | 'd', BotProcess | null> = { a: null, b: null, d: null };
  let worker: BotProcess | null = null;
  let staff: mock.ContactMock;
  /** The same person as B's contact. */
  let staffOnB: mock.ContactMock;
  let roomA: mock.RoomMock;
  let roomB: mock.RoomMock;
  let staffD: DingtalkPerson;
  let groupD: DingtalkGroup;
  /** Every conversation id each account may send to: its own people and groups. */
  const world: Record<'a' | 'b' | 'd', Set<string>> = { a: new Set(), b: new Set(), d: new Set() };

  const botEnv = (which: 'a' | 'b' | 'd'): Record<string, string> =>
    which === 'd'
      ? { ...env, BOT_PLATFORM: 'dingtalk', ...dt.env() }
      : { ...env, BOT_PLATFORM: 'wechaty', WECHATY_PUPPET_SERVICE_TOKEN: (which === 'a' ? wxA : wxB).token, WECHATY_PUPPET_SERVICE_ENDPOINT: (which === 'a' ? wxA : wxB).endpoint };

  beforeAll(async () => {
    wxA = await startWechatyHarness('班级助手一');
    wxB = await startWechatyHarness('班级助手二');
    dt = await startDingtalkGateway({ robotName: '班级助手三' });
    // The county's staff member uses WeChat and is a contact of both WeChat accounts (one WeChat id).
    [staff] = wxA.people(['周干事']) as [mock.ContactMock];
    staffOnB = wxB.mocker.createContact({ id: staff.id, name: '周干事' });
    const traineesA = wxA.people(['学员甲一', '学员甲二']);
    const traineesB = wxB.people(['学员乙一', '学员乙二']);
    roomA = wxA.room('直播一班', [staff, ...traineesA]);
    roomB = wxB.room('直播二班', [staffOnB, ...traineesB]);
    [staffD] = dt.people(['李干事']) as [DingtalkPerson];
    const traineesD = dt.people(['村民一', '村民二']);
    groupD = dt.group('电商三班', [staffD, ...traineesD]);
    for (const id of [roomA.id, staff.id, ...traineesA.map((t) => t.id)]) world.a.add(id);
    for (const id of [roomB.id, staff.id, ...traineesB.map((t) => t.id)]) world.b.add(id);
    for (const id of [groupD.conversationId, staffD.staffId, ...traineesD.map((t) => t.staffId)]) world.d.add(id);

    const redis = await start();
    stopRedis = redis.stop;
    // Fake 07:00 on the training day comes 40 real seconds from now: the set-up through chat
    // happens before it; then the 09:00-10:00 session's reminders, its closing and the 10:30
    // digest follow within a minute.
    clock = new ScaledClock(fake('2027-03-01T07:00:00'), Date.now() + 40_000, SPEED);
    env = {
      MONGODB_URI: mongoUriFor('accounts'),
      ...redis.env,
      QUEUE_PREFIX: uniqueName('accounts'),
      ADMIN_IDS: `${staff.id},${staffD.staffId}`,
      SIMULATED_CLOCK: clock.toString(),
      WORKER_LOCK_SECONDS: '1',
      SIGNIN_BOARD_INTERVAL_MS: '300',
      STALE_MESSAGE_SECONDS: '600',
      DIGEST_TIME: '10:30',
    };
  });

  afterAll(async () => {
    for (const p of [...Object.values(bots), worker]) if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
    await wxA?.stop();
    await wxB?.stop();
    await dt?.stop();
    await stopRedis?.();
    if (env) await dropDatabase(env.MONGODB_URI!);
  });

  /** Sets a one-day cohort up in a group through chat, as staff do, and returns its code. */
  async function setUp(ask: (text: string) => Promise<string>, name: string): Promise<string> {
    const code = /班级码：([A-Z0-9]{6})/.exec(await ask(`#新建班级 ${name} 2027-03-01 2027-03-01`))?.[1];
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await ask(`#绑定 ${code}`);
    expect(await ask('#课表\n03-01 09:00-10:00 直播基础 张老师')).toContain('已保存 1 节课');
    await ask('#提交方案');
    expect(await ask(`#批准 ${code}`)).toContain('已批准');
    return code!;
  }

  const wxTexts = (h: WechatyHarness, id: string) => h.sentTo(id).map((m: SentMessage) => m.text);
  const dtTexts = (id: string) => dt.sentTo(id).map((m) => m.text);

  it('routes reminders, closings and digests per account, and a killed bot delays only its own', async () => {
    worker = await startBotProcess('worker', env);
    [bots.a, bots.b, bots.d] = await Promise.all([startBotProcess('bot', botEnv('a')), startBotProcess('bot', botEnv('b')), startBotProcess('bot', botEnv('d'))]);

    await setUp((text) => wxA.ask(staff, text, roomA), '直播一班');
    await setUp((text) => wxB.ask(staffOnB, text, roomB), '直播二班');
    await setUp(async (text) => (await dt.ask(staffD, text, groupD)).text, '电商三班');
    expect(clock.now().getTime()).toBeLessThan(fake('2027-03-01T08:00:00').getTime());

    // Account B goes down before the 30-minute reminders.
    await wxA.waitFor(() => clock.now().getTime() > fake('2027-03-01T08:05:00').getTime(), 'fake 08:05', 60_000);
    bots.b.child.kill('SIGKILL');
    await bots.b.exited;

    // A's and D's groups are reminded on time; B's reminder waits, and no other account takes it.
    await wxA.waitFor(() => wxTexts(wxA, roomA.id).some(isReminder(30)) && dtTexts(groupD.conversationId).some(isReminder(30)), "the other groups' 30-minute reminders", 20_000);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(wxTexts(wxB, roomB.id).filter(isReminder(30))).toHaveLength(0);

    // B comes back: its reminder arrives, once.
    bots.b = await startBotProcess('bot', botEnv('b'));
    await wxB.waitFor(() => wxTexts(wxB, roomB.id).some(isReminder(30)), "B's 30-minute reminder after its restart", 20_000);

    // The rest of the day: the 5-minute reminders, the closings, the digests to staff.
    await wxA.waitFor(
      () => [wxTexts(wxA, roomA.id), wxTexts(wxB, roomB.id), dtTexts(groupD.conversationId)].every((texts) => texts.some(isClosing)),
      'every closing',
      60_000,
    );
    const digests = () => [...wxTexts(wxA, staff.id), ...wxTexts(wxB, staff.id), ...dtTexts(staffD.staffId)];
    await wxA.waitFor(
      () => ['直播一班', '直播二班', '电商三班'].every((c) => digests().filter(isDigestOf(c)).length >= 2),
      "every cohort's digest to both administrators",
      60_000,
    );
    await new Promise((r) => setTimeout(r, 2_000));

    // Each group got each message once, from its own account.
    for (const texts of [wxTexts(wxA, roomA.id), wxTexts(wxB, roomB.id), dtTexts(groupD.conversationId)]) {
      expect(texts.filter(isReminder(30))).toHaveLength(1);
      expect(texts.filter(isReminder(5))).toHaveLength(1);
      expect(texts.filter(isClosing)).toHaveLength(1);
    }
    // No account ever sent to a conversation it does not serve.
    expect(wxA.sent.map((m) => m.conversationId).filter((id) => !world.a.has(id))).toEqual([]);
    expect(wxB.sent.map((m) => m.conversationId).filter((id) => !world.b.has(id))).toEqual([]);
    expect(dt.sent.map((m) => m.conversationId).filter((id) => !world.d.has(id))).toEqual([]);
    // A cohort's digest reaches its staff through that cohort's own account, once.
    expect(wxTexts(wxA, staff.id).filter(isDigestOf('直播一班'))).toHaveLength(1);
    expect(wxTexts(wxB, staff.id).filter(isDigestOf('直播二班'))).toHaveLength(1);
    expect(dtTexts(staffD.staffId).filter(isDigestOf('电商三班'))).toHaveLength(1);
    // Every administrator gets every cohort's digest once, through an account that can reach them.
    for (const c of ['直播一班', '直播二班', '电商三班']) {
      expect([...wxTexts(wxA, staff.id), ...wxTexts(wxB, staff.id)].filter(isDigestOf(c))).toHaveLength(1);
      expect(dtTexts(staffD.staffId).filter(isDigestOf(c))).toHaveLength(1);
    }
  }, 240_000);
});
