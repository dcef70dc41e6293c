/**
 * Outages of the database and of Redis, injected from outside into `cohort-bot` child processes
 * on the real gRPC transport (mock puppet), with this file's own FerretDB and redis-server so
 * stopping them disturbs no other test file. After an outage the bot answers again by itself;
 * with a service unreachable at start the process exits non-zero with one line naming it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { mock } from 'wechaty-puppet-mock';
import { startBotProcess, zoneWithLocalHour, type BotProcess } from '../support/bot-process';
import { freePort, startWechatyHarness, type SentMessage, type WechatyHarness } from '../support/wechaty-harness';
import { startPrivateFerret, startPrivateRedis, type PrivateFerret, type PrivateRedis } from '../support/private-services';
import { REPO_ROOT } from '../support/paths';
import { mongoUriFor, redisUrl, uniqueName } from '../support/test-env';
import { isBoard, parseBoard, type ParsedBoard } from '../support/sign-in-board-text';

/** Lines of a process's output that report a lost connection to Redis. */
const REDIS_CONNECTION_ERROR = /ECONNREFUSED|Connection is closed|Unhandled error event|redis is (un|still un)reachable/i;

describe('cohort-bot bot through database and Redis outages', () => {
  let harness: WechatyHarness;
  let ferret: PrivateFerret;
  let redis: PrivateRedis;
  let bot: BotProcess | null = null;
  let trainees: mock.ContactMock[];
  let room: mock.RoomMock;
  const tz = zoneWithLocalHour(10);
  let nextTrainee = 0;
  const trainee = () => trainees[nextTrainee++]!;

  /** Resolves once a board sent after message `since` shows what `check` asks of it. */
  const boardThat = (since: number, check: (board: ParsedBoard) => boolean, what: string, timeoutMs: number) =>
    harness.waitFor(() => harness.sentTo(room.id).slice(since).some((m: SentMessage) => isBoard(m.text) && check(parseBoard(m.text))), what, timeoutMs);
  /**
   * The board counts `n` signed in. Everyone asked to sign in so far is then in, exactly, when
   * the test waited for each earlier one before asking the next: the count is the proof, since
   * the board names only exceptions.
   */
  const counts = (n: number) => (board: ParsedBoard) => board.counts.present >= n;
  /** The board names everyone still missing, and `person` is not among them. */
  const countsIn = (person: mock.ContactMock) => (board: ParsedBoard) => board.complete.missing && !board.named.missing.includes(person.payload.name);

  /** People keep sending 签到 every 50 ms until the returned function is called: a burst that spans what happens meanwhile. */
  const keepSigningIn = (people: mock.ContactMock[]) => {
    let i = 0;
    const timer = setInterval(() => harness.say(people[i++ % people.length]!, '签到', room), 50);
    return () => clearInterval(timer);
  };

  beforeAll(async () => {
    [harness, ferret, redis] = await Promise.all([startWechatyHarness(), startPrivateFerret(), startPrivateRedis()]);
    const [staff] = harness.people(['周干事']) as [mock.ContactMock];
    trainees = harness.people(Array.from({ length: 38 }, (_, i) => `学员${String(i + 1).padStart(2, '0')}`));
    room = harness.room('农产品直播三期', [staff, ...trainees]);
    bot = await startBotProcess('bot', {
      MONGODB_URI: ferret.uriFor(uniqueName('outage')),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: uniqueName('outage'),
      BOT_PLATFORM: 'wechaty',
      WECHATY_PUPPET_SERVICE_TOKEN: harness.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: harness.endpoint,
      ADMIN_IDS: staff.id,
      TZ_DEFAULT: tz,
      SIGNIN_BOARD_INTERVAL_MS: '200',
    });
    const now = DateTime.now().setZone(tz);
    const start = now.plus({ minutes: 10 }).startOf('minute');
    const ask = (text: string) => harness.ask(staff, text, room);
    const code = /班级码：([A-Z0-9]{6})/.exec(await ask(`#新建班级 农产品直播三期 ${now.toFormat('yyyy-MM-dd')} ${now.toFormat('yyyy-MM-dd')}`))?.[1];
    await ask(`#绑定 ${code}`);
    await ask(`#课表\n${start.toFormat('MM-dd HH:mm')}-${start.plus({ hours: 2 }).toFormat('HH:mm')} 直播选品 钱老师`);
    await ask('#提交方案');
    expect(await ask(`#批准 ${code}`)).toContain('已批准');
  });

  afterAll(async () => {
    if (bot && bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await harness?.stop();
    await redis?.stop();
    await ferret?.destroy();
  });

  it('answers a 签到 within 10 s of the database coming back, after each of 5 outages in the middle of a burst', async () => {
    const outagesMs = [5_000, 8_000, 4_000, 12_000, 6_000];
    let answeredAfterReturn = 0;
    for (const [round, holdMs] of outagesMs.entries()) {
      const burst = [trainee(), trainee(), trainee(), trainee(), trainee()];
      const probe = trainee();
      const since = harness.sentTo(room.id).length;
      const stopBurst = keepSigningIn(burst);
      try {
        // Every trainee before the probe has signed in, this burst included.
        await boardThat(since, counts(nextTrainee - 1), `round ${round + 1}: the burst answered before the outage`, 10_000);
        // The database goes away while the burst goes on, and comes back with the same data on the same port.
        await ferret.stop();
        await new Promise((resolve) => setTimeout(resolve, holdMs));
        await ferret.restart();
      } finally {
        stopBurst();
      }
      const back = harness.sentTo(room.id).length;
      harness.say(probe, '签到', room);
      await boardThat(back, counts(nextTrainee), `round ${round + 1}: a board with ${probe.payload.name} within 10 s of the database's return`, 10_000);
      answeredAfterReturn++;
    }
    expect(answeredAfterReturn).toBe(outagesMs.length);
    expect(bot!.child.exitCode).toBeNull();
  }, 240_000);

  it('answers again after Redis was away for a few seconds, with a handful of connection-error lines in its log', async () => {
    const logBefore = bot!.output().length;
    const since = harness.sentTo(room.id).length;
    const first = trainee();
    harness.say(first, '签到', room);
    await boardThat(since, counts(nextTrainee), 'a board before the Redis outage', 10_000);
    await redis.stop();
    // Someone signs in while Redis is away; the bot holds the message until Redis is back.
    const during = trainee();
    const duringSince = harness.sentTo(room.id).length;
    harness.say(during, '签到', room);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await redis.start();
    const back = harness.sentTo(room.id).length;
    const probe = trainee();
    harness.say(probe, '签到', room);
    // Few are still missing by now, so the board names them all.
    await boardThat(back, countsIn(probe), 'a board within 10 s of Redis coming back', 10_000);
    await boardThat(duringSince, countsIn(during), 'the 签到 sent while Redis was away', 10_000);
    const errorLines = bot!
      .output()
      .slice(logBefore)
      .split('\n')
      .filter((line) => REDIS_CONNECTION_ERROR.test(line));
    expect(errorLines.length).toBeLessThanOrEqual(6);
    expect(bot!.child.exitCode).toBeNull();
  }, 60_000);
});

/** Runs `cohort-bot <command>` until it exits; resolves with its exit code, its output and how long it ran. */
function runUntilExit(command: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; output: string; ms: number }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-home-'));
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/cohort-bot.js'), command], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: home, HEALTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

describe('cohort-bot with a service unreachable at start', () => {
  it('bot and worker exit non-zero within 30 s with one line naming REDIS_URL or MONGODB_URI and the address', async () => {
    const port = await freePort();
    const nowhere = `127.0.0.1:${port}`;
    const web = { BOT_PLATFORM: 'web', WEB_PORT: '0', DEMO_SEED: '0' };
    const noRedis = { MONGODB_URI: mongoUriFor('outage_start'), REDIS_URL: `redis://${nowhere}`, ...web };
    const noMongo = { MONGODB_URI: `mongodb://${nowhere}/outage`, REDIS_URL: redisUrl(), ...web };
    // Two at a time: four Node processes loading at once on a two-core machine would measure the machine.
    const [botNoRedis, workerNoMongo] = await Promise.all([runUntilExit('bot', noRedis, 40_000), runUntilExit('worker', noMongo, 40_000)]);
    const [workerNoRedis, botNoMongo] = await Promise.all([runUntilExit('worker', noRedis, 40_000), runUntilExit('bot', noMongo, 40_000)]);
    const runs = [botNoRedis, workerNoRedis, botNoMongo, workerNoMongo];
    for (const [i, run] of runs.entries()) {
      const variable = i < 2 ? 'REDIS_URL' : 'MONGODB_URI';
      expect(run.code).toBe(1);
      const lines = run.output.trim().split('\n');
      expect(lines).toEqual([expect.stringContaining(variable)]);
      expect(lines[0]).toContain(nowhere);
      expect(run.ms).toBeLessThan(30_000);
    }
  }, 90_000);

  it('bot exits non-zero with one line naming WECHATY_PUPPET_SERVICE_ENDPOINT when the puppet service refuses connections', async () => {
    const nowhere = `127.0.0.1:${await freePort()}`;
    const run = await runUntilExit(
      'bot',
      {
        MONGODB_URI: mongoUriFor('outage_puppet'),
        REDIS_URL: redisUrl(),
        BOT_PLATFORM: 'wechaty',
        WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_outage',
        WECHATY_PUPPET_SERVICE_ENDPOINT: nowhere,
        BOT_LOGIN_TIMEOUT_SECONDS: '5',
      },
      40_000,
    );
    expect(run.code).toBe(1);
    const lines = run.output.trim().split('\n');
    expect(lines).toEqual([expect.stringContaining('WECHATY_PUPPET_SERVICE_ENDPOINT')]);
    expect(lines[0]).toContain(nowhere);
  }, 60_000);
});
