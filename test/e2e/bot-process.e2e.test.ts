import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { mock } from 'wechaty-puppet-mock';
import type { Connection } from 'mongoose';
import { connectMongo } from '../../src/stores/connect-mongo';
import { createStores, type Stores } from '../../src/stores/create-stores';
import { startBotProcess, zoneWithLocalHour, type BotProcess } from '../support/bot-process';
import { startWechatyHarness, type WechatyHarness } from '../support/wechaty-harness';
import { isBoard, parseBoard } from '../support/sign-in-board-text';
import { dropDatabase, mongoUriFor, redisUrl, uniqueName } from '../support/test-env';

describe('cohort-bot bot as a child process, restarted in the middle of sign-ins', () => {
  let harness: WechatyHarness;
  let bot: BotProcess | null = null;
  let conn: Connection;
  let stores: Stores;
  let env: Record<string, string>;
  let staff: mock.ContactMock;
  let trainees: mock.ContactMock[];
  let room: mock.RoomMock;
  const tz = zoneWithLocalHour(10);
  const heartbeat = path.join(mkdtempSync(path.join(tmpdir(), 'botproc-')), 'bot.heartbeat');
  /** The time in the heartbeat file, or 0 while there is none. */
  const lastBeat = () => {
    try {
      return Date.parse(readFileSync(heartbeat, 'utf8').trim());
    } catch {
      return 0;
    }
  };

  const reply = (from: mock.ContactMock, text: string) =>
    harness.ask(from, text, room);

  beforeAll(async () => {
    harness = await startWechatyHarness();
    [staff] = harness.people(['李干事']) as [mock.ContactMock];
    trainees = harness.people(Array.from({ length: 50 }, (_, i) => `村民${i + 1}`));
    room = harness.room('电商培训二期', [staff, ...trainees]);
    env = {
      MONGODB_URI: mongoUriFor('botproc'),
      REDIS_URL: redisUrl(),
      QUEUE_PREFIX: uniqueName('botproc'),
      BOT_PLATFORM: 'wechaty',
      WECHATY_PUPPET_SERVICE_TOKEN: harness.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: harness.endpoint,
      ADMIN_IDS: staff.id,
      TZ_DEFAULT: tz,
      SIGNIN_BOARD_INTERVAL_MS: '300',
      HEARTBEAT_FILE: heartbeat,
    };
    conn = await connectMongo(env.MONGODB_URI!);
    stores = await createStores(conn);
  });

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await harness?.stop();
    await conn?.close();
    if (env) await dropDatabase(env.MONGODB_URI!);
  });

  it('stops at start-up with one line naming a missing variable', async () => {
    const { WECHATY_PUPPET_SERVICE_ENDPOINT: _omit, ...rest } = env;
    await expect(startBotProcess('bot', rest, 10_000)).rejects.toThrow(/configuration error: WECHATY_PUPPET_SERVICE_ENDPOINT is required/);
  });

  it('keeps every acknowledged sign-in and never doubles one across a hard restart', async () => {
    bot = await startBotProcess('bot', env);
    const now = DateTime.now().setZone(tz);
    const start = now.plus({ minutes: 10 }).startOf('minute');
    const end = start.plus({ hours: 2 });
    const code = /班级码：([A-Z0-9]{6})/.exec(await reply(staff, `#新建班级 电商培训二期 ${now.toFormat('yyyy-MM-dd')} ${now.toFormat('yyyy-MM-dd')}`))?.[1];
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await reply(staff, `#绑定 ${code}`);
    expect(await reply(staff, `#课表\n${start.toFormat('MM-dd HH:mm')}-${end.toFormat('HH:mm')} 网店运营 赵老师`)).toContain('已保存 1 节课');
    await reply(staff, '#提交方案');
    expect(await reply(staff, `#批准 ${code}`)).toContain('已批准');
    const cohort = (await stores.cohorts.findByCode(code!))!;
    const [session] = await stores.sessions.listByCohort(cohort.id);

    const boardsBefore = harness.sentTo(room.id).length;
    for (const t of trainees.slice(0, 30)) harness.say(t, '签到', room);
    for (let i = 0; i < 200 && (await stores.attendance.listBySession(session!.id)).length < 10; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    bot.child.kill('SIGKILL');
    await bot.exited;
    // What the group saw counted on a board before the crash was acknowledged and must survive.
    const acknowledged = Math.max(
      0,
      ...harness
        .sentTo(room.id)
        .slice(boardsBefore)
        .filter((m) => isBoard(m.text))
        .map((m) => parseBoard(m.text).counts.present),
    );
    expect((await stores.attendance.listBySession(session!.id)).length).toBeGreaterThanOrEqual(acknowledged);

    const restartedAt = Date.now();
    bot = await startBotProcess('bot', env);
    // Trainees whose message got no board try again; everyone else repeats out of habit.
    for (const t of trainees) harness.say(t, '签到', room);
    await harness.waitFor(() => harness.sentTo(room.id).some((m) => m.text.includes('已签到 50/50')), 'a board with all 50', 30_000);

    const records = await stores.attendance.listBySession(session!.id);
    expect(records).toHaveLength(50);
    expect(new Set(records.map((r) => r.userId)).size).toBe(50);
    expect(records.every((r) => r.status === 'on_time')).toBe(true);
    // The restarted process marks itself alive for a container healthcheck (HEARTBEAT_FILE).
    for (let i = 0; i < 200 && lastBeat() < restartedAt; i++) await new Promise((r) => setTimeout(r, 20));
    expect(lastBeat()).toBeGreaterThanOrEqual(restartedAt);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});
