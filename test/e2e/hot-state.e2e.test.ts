import { DateTime } from 'luxon';
import type { mock } from 'wechaty-puppet-mock';
import type { Connection } from 'mongoose';
import type { Redis } from 'ioredis';
import { connectMongo } from '../../src/stores/connect-mongo';
import { createRedis } from '../../src/queue/redis-connection';
import { createStores, type Stores } from '../../src/stores/create-stores';
import { startHotState } from '../../src/stores/hot/redis-change-feed';
import type { HotState } from '../../src/stores/hot/hot-state';
import { PLAN_REJECTED } from '../../src/features/attendance/texts';
import { startBotProcess, zoneWithLocalHour, type BotProcess } from '../support/bot-process';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';

/**
 * The bot serves a cohort's state from memory. Here it runs as its own process (over the real
 * gRPC transport) while this test process writes as another process would (a worker, the
 * office's console, a second bot account): the bot's answers must follow those writes.
 */
describe('the bot process follows writes made by another process', () => {
  let harness: WechatyHarness;
  let bot: BotProcess;
  let conn: Connection;
  let redis: Redis;
  let hot: HotState;
  let stores: Stores;
  let env: Record<string, string>;
  let staff: mock.ContactMock;
  let trainees: mock.ContactMock[];
  let room: mock.RoomMock;
  const tz = zoneWithLocalHour(10);

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff] = harness.people(['王干事']) as [mock.ContactMock];
    trainees = harness.people(['学员甲', '学员乙', '学员丙']);
    room = harness.room('直播带货一期', [staff, ...trainees]);
    env = {
      MONGODB_URI: mongoUriFor('hotproc'),
      REDIS_URL: redisUrl(),
      QUEUE_PREFIX: uniqueName('hotproc'),
      BOT_PLATFORM: 'wechaty',
      WECHATY_PUPPET_SERVICE_TOKEN: harness.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: harness.endpoint,
      ADMIN_IDS: staff.id,
      TZ_DEFAULT: tz,
      SIGNIN_BOARD_INTERVAL_MS: '0',
    };
    conn = await connectMongo(env.MONGODB_URI!);
    redis = createRedis(redisUrl());
    // This process writes the way a worker does: nothing kept, every change announced.
    hot = await startHotState(redis, env.QUEUE_PREFIX!, undefined, { cache: false });
    stores = await createStores(conn, { hot });
    bot = await startBotProcess('bot', env);
  });

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
    await harness?.stop();
    await hot?.close();
    redis?.disconnect();
    await conn?.close();
    if (env) await dropDatabase(env.MONGODB_URI!);
  });

  const ask = (from: mock.ContactMock, text: string) => harness.ask(from, text, room);
  /** A trainee's 签到 and the sign-in board it brings (the board names nobody). */
  const board = (from: mock.ContactMock) => harness.ask(from, '签到', room, { match: (m) => m.text.includes('已签到') });

  it('answers by the plan, roles and attendance another process wrote after the bot read them', async () => {
    const now = DateTime.now().setZone(tz);
    const start = now.plus({ minutes: 10 }).startOf('minute');
    const code = /班级码：([A-Z0-9]{6})/.exec(await ask(staff, `#新建班级 直播带货一期 ${now.toFormat('yyyy-MM-dd')} ${now.toFormat('yyyy-MM-dd')}`))?.[1];
    await ask(staff, `#绑定 ${code}`);
    await ask(staff, `#课表\n${start.toFormat('MM-dd HH:mm')}-${start.plus({ hours: 2 }).toFormat('HH:mm')} 直播间搭建 钱老师`);
    await ask(staff, '#提交方案');
    expect(await ask(staff, `#批准 ${code}`)).toContain('已批准');
    const cohort = (await stores.cohorts.findByCode(code!))!;
    const [session] = await stores.sessions.listByCohort(cohort.id);
    const [jia, yi, bing] = trainees as [mock.ContactMock, mock.ContactMock, mock.ContactMock];

    // The bot has read the cohort, its roster and the session's attendance: 甲 signs in.
    expect(await board(jia)).toContain('已签到 1/');

    // Another process signs 乙 in (as a second bot account would): the board counts 乙 once.
    await stores.attendance.insertOnce({ sessionId: session!.id, cohortId: cohort.id, platform: 'wechaty', userId: yi.id, name: '学员乙', status: 'on_time', notEarly: false, minutesLate: 0, signedInAt: new Date(), sourceEventId: 'other-process' });
    expect(await board(yi)).toContain('已签到 2/');
    expect(await stores.attendance.listBySession(session!.id)).toHaveLength(2);

    // Another process makes 丙 a lecturer: lecturers do not sign in.
    await stores.members.setRole(cohort.id, 'wechaty', { id: bing.id, name: '学员丙' }, 'lecturer', new Date());
    await expect(eventuallyAnswer(bing, '#签到', (t) => t.includes('只有学员可以使用'))).resolves.toContain('你的身份：讲师');

    // The office takes the plan back in another process: sign-in stops with the reason.
    await stores.cohorts.setPlanStatus(cohort.id, ['approved'], 'rejected', { at: new Date(), by: 'office', reason: '课时不足' });
    await expect(eventuallyAnswer(jia, '签到', (t) => t.includes(PLAN_REJECTED))).resolves.toContain(PLAN_REJECTED);
  });

  /** Asks until the answer satisfies `ok` (a change reaches the bot within milliseconds; the loop only absorbs scheduling). */
  async function eventuallyAnswer(from: mock.ContactMock, text: string, ok: (t: string) => boolean): Promise<string> {
    let last = '';
    for (let i = 0; i < 5; i++) {
      last = await ask(from, text);
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 200));
    }
    return last;
  }
});
