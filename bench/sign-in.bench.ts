/**
 * `npm run bench` — the sign-in benchmark (bench/README.md "Sign-in"). Three kinds of Node
 * process: this one (orchestrates, seeds, checks the database, computes the figures), the load
 * generator (bench/sign-in/load-generator.ts: wechaty-puppet-mock behind a PuppetServer — it
 * plays WeChat) and the bot under test (bench/sign-in/bot-process.ts: the production runtime
 * over wechaty-puppet-service gRPC, or the bare gRPC Wechaty that is the floor). Every run
 * forks a fresh generator and bot and uses a fresh database and Redis key prefix.
 *
 * For each offered rate (100, 300, 500, 1,000 msg/s; 20 groups × 50 trainees, each sends 签到
 * then a repeat): the floor, the bot on an empty database, and the bot on a database pre-loaded
 * with 1,000 other cohorts' one-day history. Prints a table and writes bench/results/sign-in.json
 * (with the `summary` that run-all.ts merges). Exits 1 if a message was lost, a record doubled,
 * an event failed, a run did not drain, or a trainee never appeared on a board.
 *
 * MONGODB_URI: used as is when set; otherwise a private FerretDB (scripts/ferretdb.sh).
 * REDIS_URL: default redis://127.0.0.1:6379. Options: see parseArgs / bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { type Connection, type Types } from 'mongoose';
import { seedCohorts } from './support/bulk-seed';
import {
  assertRedisReachable,
  deleteRedisPrefix,
  dropDatabase,
  mongoUriWithDb,
  provideMongo,
  uniqueName,
  type MongoServer,
} from './support/bench-env';
import { gitCommit, hostInfo, progress, round, writeResultJson } from './support/bench-report';
import { formatTable, percentile } from './support/stats';
import { ChildLink, monoMs } from './sign-in/ipc';
import type {
  BotReport,
  BotStarted,
  BotStartRequest,
  BotStatus,
  GeneratorReport,
  GeneratorStarted,
  GeneratorStatus,
  SendResult,
} from './sign-in/protocol';
import { runBench } from './support/run-bench';

const RATES = [100, 300, 500, 1000];
const GROUPS = 20;
const TRAINEES_PER_GROUP = 50;
/** 签到, then one repeat. */
const ROUNDS = 2;
const HISTORY_COHORTS = 1000;
const QUICK = { groups: 4, historyCohorts: 100 };
const BOARD_INTERVAL_MS = 1000;
/** A run that has not drained this long after its last message is given up (and fails). */
const DRAIN_TIMEOUT_S = 120;
/** Kept up: nothing lost, drained, and drained msg/s at least this share of the offered rate. */
const KEEP_UP_SHARE = 0.9;
/** The rate the summary's figures are taken at. */
const SUMMARY_RATE = 500;
const WHOLE_BENCH_TIMEOUT_S = 45 * 60;
/** The training day: the history is the day before (bench/support/bulk-seed.ts seeds 2027-03-01 as held). */
const DAY = '2027-03-02';
const SETUP_AT = `${DAY}T08:00:00+08:00`;
/** The worker's reminder 30 minutes before the 09:00 session, sent to every group before the 签到 (sign-in opens then too). */
const REMIND_AT = `${DAY}T08:30:00+08:00`;
/** 20 minutes before the 09:00 session: every sign-in is on time. */
const MEASURE_AT = `${DAY}T08:40:00+08:00`;

type Kind = 'floor' | 'empty' | 'history';
const KIND_LABEL: Record<Kind, string> = {
  floor: 'floor: bare gRPC Wechaty',
  empty: 'bot, empty database',
  history: 'bot, with history',
};

interface Options {
  rates: number[];
  kinds: Kind[];
  groups: number;
  historyCohorts: number;
  boardIntervalMs: number;
  drainTimeoutS: number;
  maxPoolSize: string | null;
  logLevel: string;
  quick: boolean;
  /** Where the bot's CPU profile of each measurement goes (--cpu-prof=DIR), or null. */
  cpuProfDir: string | null;
}

type Idle = { waitedMs: number; idle: boolean };
type LoopDelay = { p99: number; max: number };

/** Nearest-rank percentiles of a list of milliseconds. */
interface Spread {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What one run measured. */
export interface RunResult {
  kind: Kind;
  label: string;
  offeredPerSec: number;
  messages: number;
  trainees: number;
  groups: number;
  /** Messages ÷ time from the first to the last send. */
  sentPerSec: number;
  /** How late the generator put messages in against the pacing (ms). */
  sendLagMs: { p99: number; max: number };
  /** Messages ÷ time from the first send until the bot had finished and stored everything (floor: received everything). */
  drainedPerSec: number;
  drainedMs: number;
  drained: boolean;
  keptUp: boolean;
  /** Bot: first 签到 sent → its attendance record acknowledged by MongoDB. Floor: first 签到 sent → received. */
  toStoredMs: Spread;
  /** The same, by the second of the run the 签到 was sent in (0 = the first second): where in the burst the time goes. */
  toStoredBySecond: (Spread & { second: number })[];
  /** First 签到 sent → the first board that counts the trainee (bot only). */
  toBoardMs: Spread | null;
  /** Record acknowledged → the first board that counts the trainee (bot only; negative when a board counted it first). */
  storedToBoardMs: Spread | null;
  boardIntervalMs: number | null;
  boards: number;
  /** Trainees no board ever counted. */
  neverOnBoard: number;
  otherMessages: { count: number; samples: string[] };
  recordsExpected: number;
  records: number;
  lost: number;
  doubled: number;
  failedEvents: number;
  mongoCommandsPerMessage: number | null;
  mongoCommands: Record<string, number>;
  mongoCommandsByCollection: Record<string, number>;
  /** Redis commands of every client in the bot process ÷ messages, and the round trips they took ÷ messages. */
  redisCommandsPerMessage: number | null;
  redisRoundTripsPerMessage: number | null;
  redisCommands: Record<string, number>;
  botCpuSeconds: number;
  peakRssMb: number;
  peakRssHow: string;
  /** Event-loop delay during the run (perf_hooks.monitorEventLoopDelay): how busy each process was. */
  botLoopDelayMs: LoopDelay | null;
  generatorLoopDelayMs: LoopDelay | null;
  setupSeconds: number;
  seedSeconds: number;
  seeded: Record<string, number>;
  error: string | null;
}

function spread(values: number[]): Spread {
  if (values.length === 0) return { samples: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  return { samples: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: Math.max(...values) };
}

/** Latencies grouped by the second (since the first send) their message was sent in. */
function bySecond(samples: { at: number; ms: number }[]): (Spread & { second: number })[] {
  const groups = new Map<number, number[]>();
  for (const s of samples) {
    const second = Math.floor(s.at / 1000);
    const group = groups.get(second) ?? [];
    group.push(s.ms);
    groups.set(second, group);
  }
  return [...groups].sort((a, b) => a[0] - b[0]).map(([second, values]) => ({ second, ...spread(values) }));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fresh HOME for a child: the puppet-service client caches under ~/.wechaty. */
function childEnv(): { env: NodeJS.ProcessEnv; home: string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-bench-'));
  return { env: { ...process.env, HOME: home }, home };
}

/** Context shared by all runs. */
interface Ctx {
  mongo: MongoServer;
  redisUrl: string;
  opts: Options;
  children: Set<ChildLink>;
}

function forkChild(ctx: Ctx, name: string, file: string, homes: string[]): ChildLink {
  const { env, home } = childEnv();
  homes.push(home);
  // --no-deprecation: library deprecation notices would interleave with the progress lines.
  const link = ChildLink.fork(name, path.join(__dirname, 'sign-in', file), env, ['--no-deprecation']);
  ctx.children.add(link);
  return link;
}

/** Waits for the run to drain: polls the bot (and for the bot, the generator's boards) every 250 ms. */
async function waitForDrain(
  gen: ChildLink,
  bot: ChildLink,
  sending: Promise<SendResult>,
  want: { messages: number; stored: number | null; finalBoards: number | null },
  drainTimeoutS: number,
): Promise<{ drained: boolean; send: SendResult; lastBot: BotStatus; lastGen: GeneratorStatus }> {
  const outcome: { send?: SendResult; error?: Error } = {};
  sending.then(
    (s) => (outcome.send = s),
    (err: unknown) => (outcome.error = err instanceof Error ? err : new Error(String(err))),
  );
  let deadline = Number.POSITIVE_INFINITY;
  let nextProgress = monoMs() + 10_000;
  const t0 = monoMs();
  for (;;) {
    if (outcome.error) throw outcome.error;
    const send = outcome.send;
    const [b, g] = await Promise.all([bot.request<BotStatus>('status'), gen.request<GeneratorStatus>('status')]);
    if (send && deadline === Number.POSITIVE_INFINITY) deadline = monoMs() + drainTimeoutS * 1000;
    const done = b.done >= want.messages && (want.stored === null || b.stored >= want.stored) && (want.finalBoards === null || g.finalBoards >= want.finalBoards);
    if (send && done) return { drained: true, send, lastBot: b, lastGen: g };
    if (monoMs() > deadline) {
      progress(`gave up waiting ${drainTimeoutS} s after the last message: ${b.done}/${want.messages} done, ${b.stored} stored, ${g.finalBoards} final boards`);
      return { drained: false, send: outcome.send!, lastBot: b, lastGen: g };
    }
    if (monoMs() > nextProgress) {
      nextProgress += 10_000;
      progress(`… ${((monoMs() - t0) / 1000).toFixed(0)} s: sent ${g.sent}/${g.total}, done ${b.done}, stored ${b.stored}, boards ${g.boards}, final ${g.finalBoards}`);
    }
    await sleep(250);
  }
}

/** The records in the database afterwards: per trainee of the run, how many for their group's first session. */
async function recordsInDatabase(conn: Connection, gen: GeneratorStarted): Promise<{ perTrainee: Map<string, number>; total: number }> {
  const roomIds = gen.rooms.map((r) => r.id);
  const bindings = await conn.collection('group_bindings').find({ platform: 'wechaty', groupId: { $in: roomIds } }).toArray();
  const cohortIds = bindings.map((b) => b.cohortId as Types.ObjectId);
  const sessions = await conn.collection('sessions').find({ cohortId: { $in: cohortIds } }).toArray();
  const first = new Map<string, { id: string; startsAt: number }>();
  for (const s of sessions) {
    const key = String(s.cohortId);
    const startsAt = new Date(s.startsAt as Date).getTime();
    const cur = first.get(key);
    if (!cur || startsAt < cur.startsAt) first.set(key, { id: String(s._id), startsAt });
  }
  const firstSessionIds = new Set([...first.values()].map((s) => s.id));
  const trainees = new Set(gen.rooms.flatMap((r) => r.trainees.map((t) => t.id)));
  const records = await conn
    .collection('attendance')
    .find({ cohortId: { $in: cohortIds } }, { projection: { sessionId: 1, userId: 1 } })
    .toArray();
  const perTrainee = new Map<string, number>();
  let total = 0;
  for (const r of records) {
    if (!firstSessionIds.has(String(r.sessionId)) || !trainees.has(String(r.userId))) continue;
    total++;
    perTrainee.set(String(r.userId), (perTrainee.get(String(r.userId)) ?? 0) + 1);
  }
  return { perTrainee, total };
}

/** Latency to the board: per group, records in the order they became stored; a board showing 已签到 N counts the first N. */
function boardLatencies(gen: GeneratorStarted, firstSent: Map<string, number>, stored: Map<string, { ackAt: number; order: number }>, report: GeneratorReport) {
  const toBoard: number[] = [];
  const storedToBoard: number[] = [];
  let neverOnBoard = 0;
  for (const room of gen.rooms) {
    const boards = report.boards.filter((b) => b.conversationId === room.id).sort((a, b) => a.at - b.at);
    const ranked = room.trainees
      .filter((t) => stored.has(t.id))
      .sort((a, b) => stored.get(a.id)!.ackAt - stored.get(b.id)!.ackAt || stored.get(a.id)!.order - stored.get(b.id)!.order);
    ranked.forEach((t, i) => {
      const sentAt = firstSent.get(t.id)!;
      const board = boards.find((b) => b.at >= sentAt && b.present >= i + 1);
      if (!board) {
        neverOnBoard++;
        return;
      }
      toBoard.push(board.at - sentAt);
      storedToBoard.push(board.at - stored.get(t.id)!.ackAt);
    });
    neverOnBoard += room.trainees.length - ranked.length;
  }
  return { toBoard, storedToBoard, neverOnBoard };
}

/** Sending figures shared by the floor and the bot. */
function sendFigures(send: SendResult) {
  const ats = send.sends.map((s) => s.at);
  const first = Math.min(...ats);
  const last = Math.max(...ats);
  const lags = send.sends.map((s) => s.at - s.dueAt);
  const firstSent = new Map<string, number>();
  for (const s of send.sends) if (s.round === 0) firstSent.set(s.contactId, s.at);
  return {
    first,
    sentPerSec: last > first ? ((send.sends.length - 1) / (last - first)) * 1000 : Number.NaN,
    sendLagMs: { p99: percentile(lags, 99), max: Math.max(...lags) },
    firstSent,
  };
}

/** One run: fresh generator, bot (or floor) process, database and prefix. */
async function runOnce(ctx: Ctx, kind: Kind, rate: number): Promise<RunResult> {
  const { opts } = ctx;
  const homes: string[] = [];
  const dbName = uniqueName(`signin_${kind}_${rate}`);
  const mongoUri = mongoUriWithDb(ctx.mongo.baseUri, dbName, opts.maxPoolSize ? { maxPoolSize: opts.maxPoolSize } : {});
  const botMongoUri = mongoUriWithDb(ctx.mongo.baseUri, dbName, { monitorCommands: 'true', ...(opts.maxPoolSize ? { maxPoolSize: opts.maxPoolSize } : {}) });
  const prefix = dbName;
  const messages = opts.groups * TRAINEES_PER_GROUP * ROUNDS;
  const trainees = opts.groups * TRAINEES_PER_GROUP;
  const result: RunResult = {
    kind,
    label: KIND_LABEL[kind],
    offeredPerSec: rate,
    messages,
    trainees,
    groups: opts.groups,
    sentPerSec: Number.NaN,
    sendLagMs: { p99: Number.NaN, max: Number.NaN },
    drainedPerSec: Number.NaN,
    drainedMs: Number.NaN,
    drained: false,
    keptUp: false,
    toStoredMs: spread([]),
    toStoredBySecond: [],
    toBoardMs: null,
    storedToBoardMs: null,
    boardIntervalMs: kind === 'floor' ? null : opts.boardIntervalMs,
    boards: 0,
    neverOnBoard: 0,
    otherMessages: { count: 0, samples: [] },
    recordsExpected: kind === 'floor' ? 0 : trainees,
    records: 0,
    lost: 0,
    doubled: 0,
    failedEvents: 0,
    mongoCommandsPerMessage: null,
    mongoCommands: {},
    mongoCommandsByCollection: {},
    redisCommandsPerMessage: null,
    redisRoundTripsPerMessage: null,
    redisCommands: {},
    botCpuSeconds: Number.NaN,
    peakRssMb: Number.NaN,
    peakRssHow: '',
    botLoopDelayMs: null,
    generatorLoopDelayMs: null,
    setupSeconds: 0,
    seedSeconds: 0,
    seeded: {},
    error: null,
  };
  let gen: ChildLink | null = null;
  let bot: ChildLink | null = null;
  let conn: Connection | null = null;
  try {
    if (kind !== 'floor') conn = await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: 15_000, autoIndex: false }).asPromise();
    if (kind === 'history') {
      // Not measured: other cohorts' history, written with insertMany before the bot starts.
      const t = monoMs();
      const seed = await seedCohorts(conn!, { cohorts: opts.historyCohorts, traineesPerCohort: TRAINEES_PER_GROUP, trainingDay: true });
      result.seedSeconds = (monoMs() - t) / 1000;
      result.seeded = seed.counts;
      progress(`seeded ${opts.historyCohorts} cohorts' history in ${result.seedSeconds.toFixed(1)} s (${seed.counts.attendance ?? 0} attendance, ${seed.counts.members ?? 0} members)`);
    }

    const setupStart = monoMs();
    gen = forkChild(ctx, 'load generator', 'load-generator.js', homes);
    const world = await gen.request<GeneratorStarted>('start', { groups: opts.groups, traineesPerGroup: TRAINEES_PER_GROUP, botName: '班级助手' });
    bot = forkChild(ctx, kind === 'floor' ? 'floor bot' : 'bot', 'bot-process.js', homes);
    const start: BotStartRequest =
      kind === 'floor'
        ? { mode: 'floor', endpoint: world.endpoint, token: world.token, roomIds: world.rooms.map((r) => r.id) }
        : {
            mode: 'bot',
            endpoint: world.endpoint,
            token: world.token,
            mongoUri: botMongoUri,
            redisUrl: ctx.redisUrl,
            prefix,
            adminId: world.staff.id,
            boardIntervalMs: opts.boardIntervalMs,
            clockAt: SETUP_AT,
            logLevel: opts.logLevel,
          };
    const started = await bot.request<BotStarted>('start', start, 120_000);
    if (started.selfId !== world.botUserId) throw new Error(`the bot logged in as ${started.selfId}, not ${world.botUserId}`);
    if (kind !== 'floor') {
      progress(`bot logged in; setting up ${opts.groups} cohorts through chat`);
      await gen.request('setup', { cohortDates: `${DAY} 2027-03-03 县电商服务中心`, timetable: `${DAY.slice(5)} 09:00-12:00 直播基础 张老师\n${DAY.slice(5)} 14:00-17:00 短视频拍摄 张老师`, bindReply: `登记学员 ${TRAINEES_PER_GROUP} 人` }, 600_000);
      await bot.request('clock', { at: REMIND_AT });
      const reminded = await bot.request<{ sent: number }>('remind', { groupIds: world.rooms.map((r) => r.id) }, 120_000);
      if (reminded.sent !== opts.groups) throw new Error(`the bot sent ${reminded.sent} reminders to ${opts.groups} groups`);
      await bot.request('clock', { at: MEASURE_AT });
    }
    result.setupSeconds = (monoMs() - setupStart) / 1000;

    // Work left over from start-up and setup (caches loading after login) is not measured.
    const [botIdle, genIdle] = await Promise.all([bot.request<Idle>('idle', null, 90_000), gen.request<Idle>('idle', null, 90_000)]);
    if (!botIdle.idle || !genIdle.idle) progress(`not idle after ${round(Math.max(botIdle.waitedMs, genIdle.waitedMs) / 1000)} s; measuring anyway`);

    // Measured from here.
    const senderIds = world.rooms.flatMap((r) => r.trainees.map((t) => t.id));
    await Promise.all([bot.request('loopDelay'), gen.request('loopDelay')]);
    const cpuProfileFile = opts.cpuProfDir ? path.resolve(opts.cpuProfDir, `sign-in-${kind}-${rate}.cpuprofile`) : undefined;
    await bot.request('measure', { senderIds, cpuProfileFile });
    progress(`${kind}: ${messages} messages at ${rate} msg/s (setup ${result.setupSeconds.toFixed(1)} s)`);
    const sending = gen.request<SendResult>('send', { rate, rounds: ROUNDS, text: '签到' }, (messages / rate) * 1000 + 120_000);
    const wait = await waitForDrain(
      gen,
      bot,
      sending,
      { messages, stored: kind === 'floor' ? null : trainees, finalBoards: kind === 'floor' ? null : opts.groups },
      opts.drainTimeoutS,
    );
    // Boards already on their way (a refresh after the last repeat) are counted, not timed.
    if (kind !== 'floor') await sleep(opts.boardIntervalMs + 250);
    const botReport = await bot.request<BotReport>('report', null, 120_000);
    const genReport = await gen.request<GeneratorReport>('report', null, 120_000);
    result.botLoopDelayMs = await bot.request<LoopDelay>('loopDelay');
    result.generatorLoopDelayMs = await gen.request<LoopDelay>('loopDelay');
    const sendFig = sendFigures(wait.send);
    result.drained = wait.drained;
    result.sentPerSec = sendFig.sentPerSec;
    result.sendLagMs = sendFig.sendLagMs;
    result.failedEvents = botReport.done.filter((d) => d.failed).length;
    result.peakRssMb = botReport.peakRssMb;
    result.peakRssHow = botReport.peakRssHow;
    result.botCpuSeconds = botReport.cpuMs / 1000;
    result.mongoCommands = botReport.mongoCommands;
    result.mongoCommandsByCollection = botReport.mongoCommandsByCollection;
    const doneAt = botReport.done.map((d) => d.at);

    if (kind === 'floor') {
      // k-th receipt from a sender ↔ k-th message of that sender; latency over the first 签到s.
      const received = new Map<string, number[]>();
      for (const d of botReport.done) received.set(d.senderId, [...(received.get(d.senderId) ?? []), d.at]);
      const lat: number[] = [];
      let lost = 0;
      let doubled = 0;
      for (const [id, sentAt] of sendFig.firstSent) {
        const got = (received.get(id) ?? []).sort((a, b) => a - b);
        lost += Math.max(0, ROUNDS - got.length);
        doubled += Math.max(0, got.length - ROUNDS);
        if (got[0] !== undefined) lat.push(got[0] - sentAt);
      }
      result.toStoredMs = spread(lat);
      result.lost = lost;
      result.doubled = doubled;
      const end = doneAt.length ? Math.max(...doneAt) : Number.NaN;
      result.drainedMs = end - sendFig.first;
    } else {
      const stored = new Map<string, { ackAt: number; order: number }>();
      const storedTimes = new Map<string, number>();
      for (const r of botReport.stored) {
        storedTimes.set(r.userId, (storedTimes.get(r.userId) ?? 0) + 1);
        const cur = stored.get(r.userId);
        if (!cur || r.ackAt < cur.ackAt) stored.set(r.userId, { ackAt: r.ackAt, order: r.order });
      }
      const lat = [...sendFig.firstSent].filter(([id]) => stored.has(id)).map(([id, at]) => stored.get(id)!.ackAt - at);
      result.toStoredMs = spread(lat);
      result.toStoredBySecond = bySecond([...sendFig.firstSent].filter(([id]) => stored.has(id)).map(([id, at]) => ({ at: at - sendFig.first, ms: stored.get(id)!.ackAt - at })));
      const boards = boardLatencies(world, sendFig.firstSent, stored, genReport);
      result.toBoardMs = spread(boards.toBoard);
      result.storedToBoardMs = spread(boards.storedToBoard);
      result.neverOnBoard = boards.neverOnBoard;
      result.boards = genReport.boards.length;
      result.otherMessages = { count: genReport.others.length, samples: [...new Set(genReport.others.map((o) => o.text))].slice(0, 5) };
      const db = await recordsInDatabase(conn!, world);
      result.records = db.total;
      result.lost = senderIds.filter((id) => !db.perTrainee.has(id)).length;
      const dbDoubled = [...db.perTrainee.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
      const writesDoubled = [...storedTimes.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
      result.doubled = Math.max(dbDoubled, writesDoubled);
      const lastStored = Math.max(...[...stored.values()].map((s) => s.ackAt), Number.NEGATIVE_INFINITY);
      const end = Math.max(...doneAt, lastStored);
      result.drainedMs = end - sendFig.first;
      const cmds = Object.values(botReport.mongoCommands).reduce((a, b) => a + b, 0);
      result.mongoCommandsPerMessage = cmds / messages;
      result.redisCommands = botReport.redisCommands;
      result.redisCommandsPerMessage = Object.values(botReport.redisCommands).reduce((a, b) => a + b, 0) / messages;
      result.redisRoundTripsPerMessage = botReport.redisRoundTrips / messages;
      if (cpuProfileFile) progress(`bot CPU profile: ${cpuProfileFile}`);
    }
    result.drainedPerSec = wait.drained ? messages / (result.drainedMs / 1000) : Number.NaN;
    if (!wait.drained) {
      // Not drained in time: what was finished by then, over the whole wait (a lower bound of the capacity).
      result.drainedPerSec = (wait.lastBot.done / ((monoMs() - sendFig.first) / 1000));
    }
    result.keptUp = wait.drained && result.lost === 0 && result.drainedPerSec >= KEEP_UP_SHARE * rate;
    progress(
      `${kind} @ ${rate}: drained ${round(result.drainedPerSec, 1)} msg/s, p99 ${kind === 'floor' ? 'received' : 'stored'} ${round(result.toStoredMs.p99)} ms` +
        (result.toBoardMs ? `, p99 board ${round(result.toBoardMs.p99)} ms` : '') +
        `, lost ${result.lost}, doubled ${result.doubled}, peak RSS ${round(result.peakRssMb)} MB`,
    );
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    progress(`${kind} @ ${rate} failed: ${result.error}`);
  } finally {
    if (bot) {
      await bot.stop().catch(() => bot!.kill());
      ctx.children.delete(bot);
    }
    if (gen) {
      await gen.stop().catch(() => gen!.kill());
      ctx.children.delete(gen);
    }
    await conn?.close().catch(() => undefined);
    if (kind !== 'floor') {
      await dropDatabase(mongoUri).catch((err: unknown) => progress(`could not drop ${dbName}: ${String(err)}`));
      await deleteRedisPrefix(ctx.redisUrl, prefix).catch((err: unknown) => progress(`could not delete Redis keys ${prefix}:*: ${String(err)}`));
    }
    for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
  }
  return result;
}

/** Why a run counts as failed, or null. */
function problemOf(r: RunResult): string | null {
  const parts: string[] = [];
  if (r.error) parts.push(`error: ${r.error}`);
  if (!r.drained && !r.error) parts.push('not drained in time after the last message');
  if (r.lost > 0) parts.push(`${r.lost} lost`);
  if (r.doubled > 0) parts.push(`${r.doubled} doubled`);
  if (r.failedEvents > 0) parts.push(`${r.failedEvents} failed events`);
  if (r.kind !== 'floor' && r.neverOnBoard > 0 && !r.error) parts.push(`${r.neverOnBoard} trainees never counted on a board`);
  return parts.length ? `${r.label} @ ${r.offeredPerSec} msg/s: ${parts.join(', ')}` : null;
}

/** The figures run-all.ts merges into bench/results/summary.json (see bench/README.md "Summary figures"). */
export function summarize(results: RunResult[]): { signinDrainedMsgPerSecWithHistory: number | null; signinP99ToStoredMs: number | null; signinFloorP99Ms: number | null } {
  const ok = (r: RunResult | undefined) => (r && !r.error && r.drained ? r : undefined);
  const historyAt = ok(results.find((r) => r.kind === 'history' && r.offeredPerSec === SUMMARY_RATE));
  const floorAt = ok(results.find((r) => r.kind === 'floor' && r.offeredPerSec === SUMMARY_RATE));
  const keptUp = results.filter((r) => r.kind === 'history' && r.keptUp).map((r) => r.drainedPerSec);
  return {
    signinDrainedMsgPerSecWithHistory: historyAt ? round(Math.max(historyAt.drainedPerSec, ...keptUp), 1) : null,
    signinP99ToStoredMs: historyAt ? round(historyAt.toStoredMs.p99, 1) : null,
    signinFloorP99Ms: floorAt ? round(floorAt.toStoredMs.p99, 1) : null,
  };
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    rates: RATES,
    kinds: ['floor', 'empty', 'history'],
    groups: GROUPS,
    historyCohorts: HISTORY_COHORTS,
    boardIntervalMs: BOARD_INTERVAL_MS,
    drainTimeoutS: DRAIN_TIMEOUT_S,
    maxPoolSize: null,
    logLevel: 'silent',
    quick: false,
    cpuProfDir: null,
  };
  const usage =
    'use --rates=100,300,500,1000 --only=floor,empty,history --quick (4 groups, 100 history cohorts) --groups=N --history-cohorts=N --board-interval-ms=N --drain-timeout-s=N --max-pool-size=N --log-level=debug --cpu-prof=DIR';
  const positive = (v: string | undefined) => (v && /^[1-9]\d*$/.test(v) ? Number(v) : Number.NaN);
  let groups: number | null = null;
  let history: number | null = null;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    if (key === '--rates' && value && value.split(',').every((v) => positive(v) > 0)) opts.rates = value.split(',').map(Number);
    else if (key === '--only' && value && value.split(',').every((v) => v in KIND_LABEL)) opts.kinds = value.split(',') as Kind[];
    else if (key === '--quick' && value === undefined) opts.quick = true;
    else if (key === '--groups' && positive(value) > 0) groups = positive(value);
    else if (key === '--history-cohorts' && positive(value) > 0) history = positive(value);
    else if (key === '--board-interval-ms' && value && /^\d+$/.test(value)) opts.boardIntervalMs = Number(value);
    else if (key === '--drain-timeout-s' && positive(value) > 0) opts.drainTimeoutS = positive(value);
    else if (key === '--max-pool-size' && positive(value) > 0) opts.maxPoolSize = value!;
    else if (key === '--log-level' && value) opts.logLevel = value;
    else if (key === '--cpu-prof' && value) opts.cpuProfDir = value;
    else throw new Error(`bad argument ${arg} (${usage})`);
  }
  opts.groups = groups ?? (opts.quick ? QUICK.groups : GROUPS);
  opts.historyCohorts = history ?? (opts.quick ? QUICK.historyCohorts : HISTORY_COHORTS);
  return opts;
}

const fmt = (n: number | null | undefined, digits = 0): string | number => (n === null || n === undefined || Number.isNaN(n) ? '-' : round(n, digits));

export async function main(argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<RunResult[]> {
  const opts = parseArgs(argv);
  if (opts.cpuProfDir) fs.mkdirSync(opts.cpuProfDir, { recursive: true });
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  await assertRedisReachable(redisUrl);
  const loadAverage = hostInfo().loadAverage;
  const mongo = provideMongo(env.MONGODB_URI || undefined);
  const ctx: Ctx = { mongo, redisUrl, opts, children: new Set() };
  const cleanUp = () => {
    for (const c of ctx.children) c.kill();
    mongo.stop();
  };
  process.once('exit', cleanUp);
  const results: RunResult[] = [];
  const started = monoMs();
  try {
    if (mongo.ferretDir) process.stderr.write(`[bench] started a private FerretDB at ${mongo.baseUri}\n`);
    for (const rate of opts.rates) {
      for (const kind of opts.kinds) {
        process.stderr.write(`[bench] ${KIND_LABEL[kind]}, ${rate} msg/s offered …\n`);
        results.push(await runOnce(ctx, kind, rate));
      }
    }
  } finally {
    process.removeListener('exit', cleanUp);
    cleanUp();
  }

  const summary = summarize(results);
  const table = formatTable(
    ['run', 'offered msg/s', 'sent msg/s', 'drained msg/s', 'kept up', 'p50 ms', 'p95 ms', 'p99 ms', 'p99 board ms', 'board every ms', 'lost', 'doubled', 'failed', 'boards', 'mongo cmds/msg', 'redis cmds/msg', 'redis trips/msg', 'bot CPU s', 'peak RSS MB'],
    results.map((r) => [
      r.label,
      r.offeredPerSec,
      fmt(r.sentPerSec, 1),
      fmt(r.drainedPerSec, 1),
      r.error ? 'error' : r.keptUp ? 'yes' : r.drained ? 'no' : 'not drained',
      fmt(r.toStoredMs.p50),
      fmt(r.toStoredMs.p95),
      fmt(r.toStoredMs.p99),
      fmt(r.toBoardMs?.p99),
      r.boardIntervalMs ?? '-',
      r.lost,
      r.doubled,
      r.failedEvents,
      r.kind === 'floor' ? '-' : r.boards,
      fmt(r.mongoCommandsPerMessage, 2),
      fmt(r.redisCommandsPerMessage, 2),
      fmt(r.redisRoundTripsPerMessage, 2),
      fmt(r.botCpuSeconds, 1),
      fmt(r.peakRssMb),
    ]),
  );
  const notes = [
    `${opts.groups} groups × ${TRAINEES_PER_GROUP} trainees, each sends 签到 then one repeat (${opts.groups * TRAINEES_PER_GROUP * ROUNDS} messages), paced evenly at the offered rate by the load generator in its own process; every repeat after every first 签到.`,
    'p50/p95/p99 ms: bot rows, a trainee\'s first 签到 sent → its attendance record acknowledged by MongoDB (the insert/update command that wrote it, seen by the bot process\'s driver); floor row, sent → received by a bare Wechaty over the same gRPC transport.',
    `p99 board ms: first 签到 sent → the first board that counts the trainee (a board showing 已签到 N counts the group's first N records in the order MongoDB acknowledged them). It includes the board's deliberate coalescing: SIGNIN_BOARD_INTERVAL_MS=${opts.boardIntervalMs} ("board every ms").`,
    `drained msg/s: messages ÷ (first send → the bot finished every message and every record was stored; floor: received every message). kept up: nothing lost and drained ≥ ${KEEP_UP_SHARE * 100} % of offered. sent msg/s is what the generator achieved.`,
    `with history: ${opts.historyCohorts} other cohorts' day (bench/support/bulk-seed.ts: ${opts.historyCohorts * 100} attendance, ${opts.historyCohorts * 51} members, …) written with insertMany before the bot starts, not timed. Setup of the measured cohorts through chat is not timed; at 08:30 every group gets the worker's 30-minute reminder through the bot's outbox, as in use, before the 签到.`,
    `peak RSS: the bot process alone (VmHWM since the measurement began). MongoDB: ${mongo.ferretDir ? 'private FerretDB' : 'MONGODB_URI'}, pool ${opts.maxPoolSize ?? 'as the bot sets it'}; mongo cmds/msg counts every command the bot process started during the measurement; redis cmds/msg every command of every Redis client in the bot process (BullMQ's too), redis trips/msg the round trips they took (a pipeline or MULTI is one).`,
  ];
  process.stdout.write(`\nSign-in benchmark\n\n${table}\n\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  process.stdout.write(`\nsummary: ${JSON.stringify(summary)}\n`);
  const problems = results.map(problemOf).filter((p): p is string => p !== null);
  for (const p of problems) process.stdout.write(`! ${p}\n`);
  for (const r of results.filter((x) => x.otherMessages.count > 0)) {
    process.stdout.write(`- note: ${r.label} @ ${r.offeredPerSec}: the bot also sent ${r.otherMessages.count} messages that are not boards, e.g. ${JSON.stringify(r.otherMessages.samples[0])}\n`);
  }
  const file = writeResultJson('sign-in', {
    benchmark: 'sign-in',
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    host: { ...hostInfo(), loadAverageAtStart: loadAverage },
    mongo: mongo.ferretDir ? 'private FerretDB (scripts/ferretdb.sh)' : 'MONGODB_URI',
    summary,
    settings: {
      groups: opts.groups,
      traineesPerGroup: TRAINEES_PER_GROUP,
      messagesPerTrainee: ROUNDS,
      rates: opts.rates,
      historyCohorts: opts.historyCohorts,
      signInBoardIntervalMs: opts.boardIntervalMs,
      staleMessageSeconds: 0,
      drainTimeoutSeconds: opts.drainTimeoutS,
      keepUpShare: KEEP_UP_SHARE,
      summaryRate: SUMMARY_RATE,
      mongoMaxPoolSize: opts.maxPoolSize ?? 'as the bot sets it',
      quick: opts.quick,
      latencyPercentiles: 'nearest rank',
      wallSeconds: round((monoMs() - started) / 1000, 1),
    },
    notes,
    problems,
    results,
  });
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file) || file}\n`);
  if (problems.length > 0) process.exitCode = 1;
  return results;
}

if (require.main === module) {
  runBench('sign-in', WHOLE_BENCH_TIMEOUT_S * 1000, main);
}
