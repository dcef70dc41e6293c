/**
 * A bot killed (SIGKILL) in the middle of a sign-in burst: every 签到 that had reached the process
 * is recorded after the restart, without anyone sending it again, and none twice.
 */
import { DateTime } from 'luxon';
import { Redis } from 'ioredis';
import type { mock } from 'wechaty-puppet-mock';
import type { Connection } from 'mongoose';
import { connectMongo } from '../../src/stores/connect-mongo';
import { createStores, type Stores } from '../../src/stores/create-stores';
import { loadConfig } from '../../src/kernel/load-config';
import { inboxKey } from '../../bots/bot-runtime';
import { startBotProcess, zoneWithLocalHour, type BotProcess } from '../support/bot-process';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';

// Large enough that the burst outruns the handling: with fewer, a fast process has handled every one by the time the last is journaled.
const TRAINEES = 150;

describe('cohort-bot bot killed mid-burst', () => {
  let harness: WechatyHarness;
  let bot: BotProcess | null = null;
  let conn: Connection;
  let stores: Stores;
  let redis: Redis;
  let env: Record<string, string>;
  let staff: mock.ContactMock;
  let trainees: mock.ContactMock[];
  let room: mock.RoomMock;
  const tz = zoneWithLocalHour(10);

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff] = harness.people(['李干事']) as [mock.ContactMock];
    trainees = harness.people(Array.from({ length: TRAINEES }, (_, i) => `学员${i + 1}`));
    room = harness.room('电商培训三期', [staff, ...trainees]);
    env = {
      MONGODB_URI: mongoUriFor('crash'),
      REDIS_URL: redisUrl(),
      QUEUE_PREFIX: uniqueName('crash'),
      BOT_PLATFORM: 'wechaty',
      WECHATY_PUPPET_SERVICE_TOKEN: harness.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: harness.endpoint,
      ADMIN_IDS: staff.id,
      TZ_DEFAULT: tz,
      SIGNIN_BOARD_INTERVAL_MS: '300',
    };
    conn = await connectMongo(env.MONGODB_URI!);
    stores = await createStores(conn);
    redis = new Redis(env.REDIS_URL!);
  });

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await harness?.stop();
    redis?.disconnect();
    await conn?.close();
    if (env) await dropDatabase(env.MONGODB_URI!);
  });

  it('records after the restart every 签到 the killed process had received, none twice, with nobody re-sending', async () => {
    bot = await startBotProcess('bot', env);
    const now = DateTime.now().setZone(tz);
    const start = now.plus({ minutes: 10 }).startOf('minute');
    const code = /班级码：([A-Z0-9]{6})/.exec(await harness.ask(staff, `#新建班级 电商培训三期 ${now.toFormat('yyyy-MM-dd')} ${now.toFormat('yyyy-MM-dd')}`, room))?.[1];
    await harness.ask(staff, `#绑定 ${code}`, room);
    await harness.ask(staff, `#课表\n${start.toFormat('MM-dd HH:mm')}-${start.plus({ hours: 2 }).toFormat('HH:mm')} 网店运营 赵老师`, room);
    await harness.ask(staff, '#提交方案', room);
    expect(await harness.ask(staff, `#批准 ${code}`, room)).toContain('已批准');
    const cohort = (await stores.cohorts.findByCode(code!))!;
    const [session] = await stores.sessions.listByCohort(cohort.id);
    const journal = inboxKey(loadConfig(env), 'wechaty');

    /** Who the process has received: still in its inbox, or already recorded. */
    const received = async () => {
      const entries = await redis.xrange(journal, '-', '+');
      const waiting = entries.map(([, f]) => (JSON.parse(f[f.indexOf('event') + 1]!) as { sender: { id: string } }).sender.id);
      const recorded = (await stores.attendance.listBySession(session!.id)).map((r) => r.userId);
      return { waiting: waiting.length, all: new Set([...waiting, ...recorded]) };
    };

    /** Events the process has put in its inbox since it started (Redis alone: a database read would make the kill late). */
    const journaled = async () => {
      const info = (await redis.xinfo('STREAM', journal)) as unknown[];
      return Number(info[info.indexOf('entries-added') + 1]);
    };
    const before = await journaled();
    for (const t of trainees) harness.say(t, '签到', room);
    for (let i = 0; i < 5000 && (await journaled()) < before + TRAINEES; i++) await new Promise((r) => setTimeout(r, 1));
    bot.child.kill('SIGKILL');
    await bot.exited;
    const atKill = await received();
    expect(atKill.all.size).toBe(TRAINEES);
    // The kill came while sign-ins were still waiting to be handled: the case a restart must finish.
    expect(atKill.waiting).toBeGreaterThan(0);
    const recordedAtKill = (await stores.attendance.listBySession(session!.id)).length;
    expect(recordedAtKill).toBeLessThan(TRAINEES);

    bot = await startBotProcess('bot', env);
    const settled = async () => (await stores.attendance.listBySession(session!.id)).length === TRAINEES && (await redis.xlen(journal)) === 0;
    for (let i = 0; i < 600 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 50));
    const records = await stores.attendance.listBySession(session!.id);
    expect(records).toHaveLength(TRAINEES);
    expect(new Set(records.map((r) => r.userId)).size).toBe(TRAINEES);
    const left = await redis.xrange(journal, '-', '+');
    expect({ left, log: left.length > 0 ? bot.output().split('\n').filter((l) => /"level":(40|50|60)/.test(l)) : [] }).toEqual({ left: [], log: [] });
    expect(bot.output()).toContain('resumed events a previous process received but did not finish');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});
