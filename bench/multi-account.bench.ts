/**
 * The many-accounts benchmark (bench/README.md "Many accounts"): one deployment of 3 bot
 * processes (3 WeChat accounts, each its own PuppetServer with the mock puppet in its own load
 * generator process) and 4 worker processes (the production worker runtime) on one Redis and one
 * MongoDB, 3,000 groups bound 1,000 to each account. Against it in the same run, the
 * single-process deployment: 1 bot process holding all 3,000 groups and 1 worker.
 *
 * For each deployment, on a fresh database and Redis prefix:
 * - reminder fan-out: every cohort's first session starts at the same minute; the minute's
 *   reminder job is fired (promoted) at t0, and the bench waits until every group's reminder has
 *   reached its own account's puppet. Wrong account, lost, doubled and wrong text are counted.
 * - sign-in throughput: paced 签到 arrivals split over the accounts' groups (50 trainees each),
 *   at 300 and 600 msg/s offered in total: drained msg/s and the time to stored, as the sign-in
 *   bench measures them (its load generator, bot process and stored watch, reused).
 *
 * Prints the tables and writes bench/results/multi-account.json (with the `summary` run-all.ts
 * merges). Exits 1 if a message went to a wrong account, was lost or doubled, or a run failed.
 *
 * MONGODB_URI: used as is when set; otherwise a private FerretDB (scripts/ferretdb.sh).
 * REDIS_URL: default redis://127.0.0.1:6379. Options: see parseArgs / bench/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import mongoose, { Types, type Connection } from 'mongoose';
import { accountId } from '../src/platform/bot-account';
import { AdjustableClock } from '../src/kernel/clock';
import { BullmqScheduler } from '../src/queue/bullmq-scheduler';
import { OUTBOX_QUEUE, outboxQueueName, WORK_QUEUE } from '../src/queue/queue-names';
import { createRedis } from '../src/queue/redis-connection';
import { planSessionJobs, remindSessionsJobId, sessionReminderAt } from '../src/features/cohorts/session-planner';
import { sessionReminderText } from '../src/features/cohorts/reminder-texts';
import { createStores } from '../src/stores/create-stores';
import { memberModel } from '../src/stores/models/member.model';
import type { Session } from '../src/domain/types';
import { assertRedisReachable, deleteRedisPrefix, dropDatabase, mongoUriWithDb, provideMongo, uniqueName, type MongoServer } from './support/bench-env';
import { gitCommit, hostInfo, progress, round, writeResultJson } from './support/bench-report';
import { SEED_DAY, SEED_PLATFORM, seedCohorts, shanghai } from './support/bulk-seed';
import { formatTable } from './support/stats';
import { ChildLink, monoMs } from './sign-in/ipc';
import type { BotReport, BotStarted, BotStartRequest, BotStatus, GeneratorStarted, ReceivedMessage, RoomInfo, SendResult } from './sign-in/protocol';
import type { WorkerStartRequest } from './multi-account/worker-process';
import {
  fanOutFigures,
  isSessionReminder,
  signInFigures,
  summarize,
  SUMMARY_RATE,
  type DeploymentFigures,
  type ExpectedReminder,
  type FanOutFigures,
  type Receipt,
  type SignInFigures,
} from './multi-account/figures';
import { runBench } from './support/run-bench';

const GROUPS = 3000;
const QUICK_GROUPS = 300;
const ACCOUNTS = 3;
const WORKERS = 4;
const RATES = [300, 600];
/** Groups with 50 trainees per account and offered rate (each rate has its own groups, so every 签到 of a run is a first one). */
const SIGNIN_GROUPS_PER_ACCOUNT = 6;
const QUICK_SIGNIN_GROUPS_PER_ACCOUNT = 2;
const TRAINEES_PER_GROUP = 50;
/** 签到, then one repeat. */
const ROUNDS = 2;
const REMINDER_MINUTES = 30;
const BOARD_INTERVAL_MS = 1000;
/** Planning happens the evening before the training day. */
const PLAN_AT = shanghai('2027-02-28', '19:00');
/** The clocks of the bots and workers: the 30-minute reminder of the 09:00 session is due. */
const REMIND_AT = shanghai(SEED_DAY, '08:30');
/** 20 minutes before the session: every sign-in is on time. */
const SIGNIN_AT = shanghai(SEED_DAY, '08:40');
/** The outbox's account budget in the bot processes: lifted, as reminders.bench.ts lifts it (see README). */
const LIFTED_ACCOUNT_RATE = { limit: 1_000_000_000, windowMs: 60_000 };
const FAN_OUT_TIMEOUT_S = 300;
/** After every group got its reminder, how long the bench keeps listening for doubles. */
const FAN_OUT_SETTLE_MS = 3000;
const DRAIN_TIMEOUT_S = 120;
const WHOLE_BENCH_TIMEOUT_S = 40 * 60;
/** The bench process's own MongoDB pool (the bots and workers keep the pool they set themselves). */
const BENCH_POOL_SIZE = 10;

/** A deployment's shape. */
interface Shape {
  id: 'single' | 'multi';
  label: string;
  accounts: number;
  workers: number;
}

const SHAPES: Shape[] = [
  { id: 'single', label: '1 bot process + 1 worker', accounts: 1, workers: 1 },
  { id: 'multi', label: `${ACCOUNTS} bot processes + ${WORKERS} workers`, accounts: ACCOUNTS, workers: WORKERS },
];

interface Options {
  groups: number;
  signInGroupsPerAccount: number;
  rates: number[];
  only: Shape['id'][];
  drainTimeoutS: number;
  logLevel: string;
  quick: boolean;
}

/** A sign-in measurement of one deployment. */
interface SignInRun {
  offeredPerSec: number;
  groups: number;
  trainees: number;
  figures: SignInFigures | null;
  drained: boolean;
  /** CPU time of the bot processes during the measurement (user + system), all together and each. */
  botCpuSeconds: number | null;
  botCpuSecondsEach: number[];
  error: string | null;
}

/** What one deployment measured. */
interface DeploymentResult {
  shape: Shape;
  accounts: string[];
  groups: number;
  fanOut: FanOutFigures | null;
  /** Jobs left in each outbox queue after the fan-out (by queue: waiting, delayed, active, failed). */
  outboxesAfter: Record<string, Record<string, number>>;
  /** From the job's firing until the reminder job put the first and the last message in an outbox (the jobs' own timestamps). */
  firstInOutboxMs: number | null;
  allInOutboxMs: number | null;
  signIn: SignInRun[];
  setupSeconds: { seed: number; plan: number; start: number; idle: number };
  error: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Ctx {
  mongo: MongoServer;
  redisUrl: string;
  opts: Options;
  children: Set<ChildLink>;
  homes: string[];
}

/** Forks a compiled bench child with a fresh HOME (the puppet-service client caches under ~/.wechaty). */
function forkChild(ctx: Ctx, name: string, file: string): ChildLink {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-bench-'));
  ctx.homes.push(home);
  const link = ChildLink.fork(name, path.join(__dirname, file), { ...process.env, HOME: home }, ['--no-deprecation']);
  ctx.children.add(link);
  return link;
}

/** The rooms of generator `g` that send at rate index `k`. */
const signInRooms = (world: GeneratorStarted, perRate: number, k: number): RoomInfo[] => world.rooms.slice(k * perRate, (k + 1) * perRate);

/** Seeds the cohorts (one per room, bound to the room's account) and the rosters of the rooms with trainees. */
async function seed(conn: Connection, rooms: { room: RoomInfo; account: string; staff: { id: string; name: string } }[]): Promise<string[]> {
  const seeded = await seedCohorts(conn, {
    cohorts: rooms.length,
    traineesPerCohort: 0,
    trainingDay: false,
    batchCohorts: 250,
    binding: (i) => ({ groupId: rooms[i]!.room.id, account: rooms[i]!.account }),
  });
  const joinedAt = shanghai('2027-02-28', '15:00');
  const members: Record<string, unknown>[] = [];
  rooms.forEach(({ room, staff }, i) => {
    if (room.trainees.length === 0) return;
    const cohortId = new Types.ObjectId(seeded.cohortIds[i]);
    const stamps = { createdAt: joinedAt, updatedAt: joinedAt };
    members.push({ cohortId, platform: SEED_PLATFORM, userId: staff.id, name: staff.name, roles: ['staff'], active: true, joinedAt, ...stamps });
    for (const t of room.trainees) members.push({ cohortId, platform: SEED_PLATFORM, userId: t.id, name: t.name, roles: ['trainee'], active: true, joinedAt, ...stamps });
  });
  const model = memberModel(conn);
  for (let i = 0; i < members.length; i += 5000) await model.collection.insertMany(members.slice(i, i + 5000), { ordered: false });
  return seeded.cohortIds;
}

/** Polls `check` every `everyMs` until it holds; false after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = monoMs() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (monoMs() > deadline) return false;
    await sleep(everyMs);
  }
}

/** The outbox queues after a fan-out: jobs by state per queue, and when the first and last job was added (ms after `firedAt`, wall clock). */
async function outboxAfter(redisUrl: string, prefix: string, accounts: string[], firedAt: number): Promise<{ counts: Record<string, Record<string, number>>; firstAddedMs: number | null; lastAddedMs: number | null }> {
  const redis = createRedis(redisUrl);
  const counts: Record<string, Record<string, number>> = {};
  const added: number[] = [];
  try {
    for (const name of [OUTBOX_QUEUE, ...accounts.map(outboxQueueName)]) {
      const queue = new Queue(name, { connection: redis, prefix });
      counts[name] = await queue.getJobCounts('waiting', 'delayed', 'active', 'failed', 'completed');
      for (const job of await queue.getJobs(['completed', 'failed', 'waiting', 'delayed', 'active'])) added.push(job.timestamp - firedAt);
      await queue.close();
    }
  } finally {
    redis.disconnect();
  }
  return { counts, firstAddedMs: added.length ? Math.min(...added) : null, lastAddedMs: added.length ? Math.max(...added) : null };
}

/** One deployment: generators, seeding, planning, bots, workers; then the fan-out and the sign-in runs. */
async function runDeployment(ctx: Ctx, shape: Shape): Promise<DeploymentResult> {
  const { opts } = ctx;
  const dbName = uniqueName(`multi_${shape.id}`);
  const prefix = dbName;
  // The bench's own reads stay within a small pool: FerretDB takes a PostgreSQL connection per command in flight.
  const mongoUri = mongoUriWithDb(ctx.mongo.baseUri, dbName, { maxPoolSize: String(BENCH_POOL_SIZE) });
  const workerMongoUri = mongoUriWithDb(ctx.mongo.baseUri, dbName);
  const botMongoUri = mongoUriWithDb(ctx.mongo.baseUri, dbName, { monitorCommands: 'true' });
  const result: DeploymentResult = {
    shape,
    accounts: [],
    groups: opts.groups,
    fanOut: null,
    outboxesAfter: {},
    firstInOutboxMs: null,
    allInOutboxMs: null,
    signIn: [],
    setupSeconds: { seed: 0, plan: 0, start: 0, idle: 0 },
    error: null,
  };
  const gens: ChildLink[] = [];
  const bots: ChildLink[] = [];
  const workers: ChildLink[] = [];
  let conn: Connection | null = null;
  let scheduler: BullmqScheduler | null = null;
  const redis = createRedis(ctx.redisUrl);
  try {
    // Every deployment holds the same groups: each account ACCOUNTS ÷ accounts times as many.
    const share = ACCOUNTS / shape.accounts;
    const traineeGroups = opts.signInGroupsPerAccount * share * opts.rates.length;
    const groupsPerAccount = opts.groups / shape.accounts;
    const t0 = monoMs();
    for (let a = 0; a < shape.accounts; a++) gens.push(forkChild(ctx, `load generator ${a + 1}`, 'sign-in/load-generator.js'));
    const worlds = await Promise.all(
      gens.map((g) => g.request<GeneratorStarted>('start', { groups: traineeGroups, traineesPerGroup: TRAINEES_PER_GROUP, botName: '班级助手', quietGroups: groupsPerAccount - traineeGroups }, 120_000)),
    );
    result.accounts = worlds.map((w) => accountId({ WECHATY_PUPPET_SERVICE_TOKEN: w.token }, 'wechaty'));
    const rooms = worlds.flatMap((w, a) => w.rooms.map((room) => ({ room, account: result.accounts[a]!, staff: w.staff })));

    mongoose.set('strictQuery', true);
    conn = await mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: 15_000, autoIndex: false }).asPromise();
    const cohortIds = await seed(conn, rooms);
    result.setupSeconds.seed = (monoMs() - t0) / 1000;
    progress(`${shape.id}: ${rooms.length} groups on ${shape.accounts} account(s) seeded in ${result.setupSeconds.seed.toFixed(1)} s`);

    // Not measured: every cohort's jobs planned the evening before, as staff's #批准 plans them.
    const t1 = monoMs();
    const stores = await createStores(conn);
    const cohorts = await stores.cohorts.findByIds(cohortIds);
    const cohortById = new Map(cohorts.map((c) => [c.id, c]));
    const sessions = new Map<string, Session[]>();
    for (let i = 0; i < cohortIds.length; i += BENCH_POOL_SIZE) {
      await Promise.all(cohortIds.slice(i, i + BENCH_POOL_SIZE).map(async (id) => sessions.set(id, await stores.sessions.listByCohort(id))));
    }
    scheduler = new BullmqScheduler(redis, prefix, WORK_QUEUE, new AdjustableClock(PLAN_AT));
    await scheduler.queue.waitUntilReady();
    const expected = new Map<string, ExpectedReminder>();
    const jobIds = new Set<string>();
    for (let i = 0; i < cohortIds.length; i++) {
      const cohort = cohortById.get(cohortIds[i]!);
      if (!cohort) throw new Error(`setup: cohort ${cohortIds[i]} not found`);
      const list = sessions.get(cohort.id) ?? [];
      await planSessionJobs(scheduler, cohort, list, [rooms[i]!.room.id]);
      const first = list.find((s) => s.startsAt.getTime() === shanghai(SEED_DAY, '09:00').getTime());
      if (!first) throw new Error(`setup: cohort ${cohort.code} has no 09:00 session`);
      expected.set(rooms[i]!.room.id, { account: rooms[i]!.account, text: sessionReminderText(first, cohort, REMINDER_MINUTES) });
      jobIds.add(remindSessionsJobId(sessionReminderAt(first, REMINDER_MINUTES)));
    }
    const jobs = await Promise.all([...jobIds].map((id) => scheduler!.queue.getJob(id)));
    if (jobs.some((j) => !j)) throw new Error(`setup: the reminder jobs ${[...jobIds].join(', ')} were not all planned`);
    result.setupSeconds.plan = (monoMs() - t1) / 1000;
    progress(`${shape.id}: planned in ${result.setupSeconds.plan.toFixed(1)} s (${jobIds.size} reminder job(s) for the minute)`);

    // The deployment: a bot process per account, then the workers.
    const t2 = monoMs();
    worlds.forEach((_, a) => bots.push(forkChild(ctx, `bot ${a + 1}`, 'sign-in/bot-process.js')));
    const started = await Promise.all(
      bots.map((b, a) =>
        b.request<BotStarted>(
          'start',
          {
            mode: 'bot',
            endpoint: worlds[a]!.endpoint,
            token: worlds[a]!.token,
            mongoUri: botMongoUri,
            redisUrl: ctx.redisUrl,
            prefix,
            adminId: worlds[a]!.staff.id,
            boardIntervalMs: BOARD_INTERVAL_MS,
            clockAt: REMIND_AT.toISOString(),
            logLevel: opts.logLevel,
            accountRate: LIFTED_ACCOUNT_RATE,
          } satisfies BotStartRequest,
          180_000,
        ),
      ),
    );
    started.forEach((s, a) => {
      if (s.selfId !== worlds[a]!.botUserId) throw new Error(`bot ${a + 1} logged in as ${s.selfId}, not ${worlds[a]!.botUserId}`);
    });
    for (let w = 0; w < shape.workers; w++) workers.push(forkChild(ctx, `worker ${w + 1}`, 'multi-account/worker-process.js'));
    await Promise.all(
      workers.map((w) => w.request('start', { mongoUri: workerMongoUri, redisUrl: ctx.redisUrl, prefix, clockAt: REMIND_AT.toISOString(), logLevel: opts.logLevel } satisfies WorkerStartRequest, 120_000)),
    );
    result.setupSeconds.start = (monoMs() - t2) / 1000;

    // Work left over from start-up (the puppet-service clients loading the rooms after login) is not measured.
    const t3 = monoMs();
    const idle = await Promise.all([...gens, ...bots, ...workers].map((c) => c.request<{ idle: boolean }>('idle', null, 120_000)));
    result.setupSeconds.idle = (monoMs() - t3) / 1000;
    if (idle.some((i) => !i.idle)) progress(`${shape.id}: not every process idle after ${result.setupSeconds.idle.toFixed(0)} s; measuring anyway`);

    // Reminder fan-out, measured from the job's firing to the last group's reminder at its puppet.
    progress(`${shape.id}: reminder fan-out to ${expected.size} groups`);
    await Promise.all(gens.map((g) => g.request('mark')));
    const fired = monoMs();
    const firedWall = Date.now();
    await Promise.all(jobs.map((j) => j!.promote()));
    const count = async () => (await Promise.all(gens.map((g) => g.request<number>('received', { count: true })))).reduce((a, b) => a + b, 0);
    const all = await until(async () => (await count()) >= expected.size, FAN_OUT_TIMEOUT_S * 1000);
    if (!all) progress(`${shape.id}: not every group had a reminder after ${FAN_OUT_TIMEOUT_S} s (${await count()}/${expected.size})`);
    await sleep(FAN_OUT_SETTLE_MS);
    const received = await Promise.all(gens.map((g) => g.request<ReceivedMessage[]>('received', null, 60_000)));
    const receipts: Receipt[] = received.flatMap((list, a) => list.map((m) => ({ account: result.accounts[a]!, ...m })));
    result.fanOut = fanOutFigures(expected, receipts, fired, isSessionReminder(REMINDER_MINUTES));
    const outboxes = await outboxAfter(ctx.redisUrl, prefix, result.accounts, firedWall);
    result.outboxesAfter = outboxes.counts;
    result.firstInOutboxMs = outboxes.firstAddedMs;
    result.allInOutboxMs = outboxes.lastAddedMs;
    progress(
      `${shape.id}: ${result.fanOut.received}/${result.fanOut.groups} groups in ${round((result.fanOut.allReceivedMs ?? Number.NaN) / 1000, 2)} s, ` +
        `wrong account ${result.fanOut.wrongAccount}, lost ${result.fanOut.lost}, doubled ${result.fanOut.doubled}`,
    );

    // Sign-in throughput: each rate on its own groups, split evenly over the accounts.
    await Promise.all(bots.map((b) => b.request('clock', { at: SIGNIN_AT.toISOString() })));
    const perRate = opts.signInGroupsPerAccount * share;
    for (const [k, rate] of opts.rates.entries()) {
      result.signIn.push(await signInRun(ctx, conn, { gens, bots, worlds, cohortOfRoom: new Map(rooms.map((r, i) => [r.room.id, cohortIds[i]!])), rate, k, perRate, shape }));
    }
  } catch (err) {
    result.error = err instanceof Error ? err.message : String(err);
    progress(`${shape.id} failed: ${result.error}`);
  } finally {
    await Promise.all([...workers, ...bots, ...gens].map((c) => c.stop().catch(() => c.kill())));
    for (const c of [...workers, ...bots, ...gens]) ctx.children.delete(c);
    await scheduler?.close().catch(() => undefined);
    redis.disconnect();
    await conn?.close().catch(() => undefined);
    await dropDatabase(mongoUri).catch((err: unknown) => progress(`could not drop ${dbName}: ${String(err)}`));
    await deleteRedisPrefix(ctx.redisUrl, prefix).catch((err: unknown) => progress(`could not delete Redis keys ${prefix}:*: ${String(err)}`));
  }
  return result;
}

/** Paced 签到 into each account's share of the rate's groups at once; waits until every bot finished and stored everything. */
async function signInRun(
  ctx: Ctx,
  conn: Connection,
  run: { gens: ChildLink[]; bots: ChildLink[]; worlds: GeneratorStarted[]; cohortOfRoom: Map<string, string>; rate: number; k: number; perRate: number; shape: Shape },
): Promise<SignInRun> {
  const { gens, bots, worlds, rate, k, perRate, shape } = run;
  const rooms = worlds.map((w) => signInRooms(w, perRate, k));
  const trainees = rooms.flat().flatMap((r) => r.trainees.map((t) => t.id));
  const messages = trainees.length * ROUNDS;
  const out: SignInRun = { offeredPerSec: rate, groups: rooms.flat().length, trainees: trainees.length, figures: null, drained: false, botCpuSeconds: null, botCpuSecondsEach: [], error: null };
  try {
    await Promise.all([...gens, ...bots].map((c) => c.request('idle', null, 120_000)));
    await Promise.all(bots.map((b, a) => b.request('measure', { senderIds: rooms[a]!.flatMap((r) => r.trainees.map((t) => t.id)) })));
    progress(`${shape.id}: ${messages} 签到 messages at ${rate} msg/s over ${gens.length} account(s)`);
    const sending = Promise.all(
      gens.map((g, a) => g.request<SendResult>('send', { rate: rate / gens.length, rounds: ROUNDS, text: '签到', roomIds: rooms[a]!.map((r) => r.id) }, (messages / rate) * 1000 + 120_000)),
    );
    let sent: SendResult[] | null = null;
    let failedToSend: Error | null = null;
    sending.then(
      (s) => (sent = s),
      (err: unknown) => (failedToSend = err instanceof Error ? err : new Error(String(err))),
    );
    let deadline = Number.POSITIVE_INFINITY;
    out.drained = await until(async () => {
      if (failedToSend) throw failedToSend;
      const status = await Promise.all(bots.map((b) => b.request<BotStatus>('status')));
      const done = status.reduce((n, s) => n + s.done, 0);
      const stored = status.reduce((n, s) => n + s.stored, 0);
      if (sent && deadline === Number.POSITIVE_INFINITY) deadline = monoMs() + ctx.opts.drainTimeoutS * 1000;
      if (monoMs() > deadline) throw new GaveUp(`${done}/${messages} done, ${stored}/${trainees.length} stored`);
      return sent !== null && done >= messages && stored >= trainees.length;
    }, Number.POSITIVE_INFINITY, 250).catch((err: unknown) => {
      if (err instanceof GaveUp) {
        progress(`${shape.id} @ ${rate}: gave up ${ctx.opts.drainTimeoutS} s after the last message: ${err.message}`);
        return false;
      }
      throw err;
    });
    const gaveUpAt = monoMs();
    const sends = (await sending).flatMap((s) => s.sends);
    const reports = await Promise.all(bots.map((b) => b.request<BotReport>('report', null, 120_000)));
    out.botCpuSecondsEach = reports.map((r) => round(r.cpuMs / 1000, 2));
    out.botCpuSeconds = reports.reduce((n, r) => n + r.cpuMs, 0) / 1000;
    // The database afterwards: the records of the trainees for their cohort's first session.
    const cohortIds = rooms.flat().map((r) => new Types.ObjectId(run.cohortOfRoom.get(r.id)));
    const firstSessions = await conn.collection('sessions').find({ cohortId: { $in: cohortIds }, startsAt: shanghai(SEED_DAY, '09:00') }, { projection: { _id: 1 } }).toArray();
    const sessionIds = new Set(firstSessions.map((s) => String(s._id)));
    const records = await conn.collection('attendance').find({ cohortId: { $in: cohortIds } }, { projection: { sessionId: 1, userId: 1 } }).toArray();
    const perTrainee = new Map<string, number>();
    for (const r of records) if (sessionIds.has(String(r.sessionId))) perTrainee.set(String(r.userId), (perTrainee.get(String(r.userId)) ?? 0) + 1);
    out.figures = signInFigures({
      offeredPerSec: rate,
      sends,
      done: reports.flatMap((r) => r.done),
      stored: reports.flatMap((r) => r.stored),
      trainees,
      recordsInDatabase: perTrainee,
      drained: out.drained,
      gaveUpAt,
    });
    progress(
      `${shape.id} @ ${rate}: drained ${round(out.figures.drainedPerSec, 1)} msg/s, p99 stored ${round(out.figures.toStoredMs.p99)} ms, lost ${out.figures.lost}, doubled ${out.figures.doubled}`,
    );
  } catch (err) {
    out.error = err instanceof Error ? err.message : String(err);
    progress(`${shape.id} @ ${rate} failed: ${out.error}`);
  }
  return out;
}

class GaveUp extends Error {}

/** Why a deployment counts as failed (a wrong account, lost, doubled, a failed run), one line each. */
function problemsOf(d: DeploymentResult): string[] {
  const out: string[] = [];
  const at = d.shape.label;
  if (d.error) out.push(`${at}: ${d.error}`);
  const f = d.fanOut;
  if (f) {
    if (f.wrongAccount > 0) out.push(`${at}: ${f.wrongAccount} reminders reached a group through an account that does not serve it`);
    if (f.lost > 0) out.push(`${at}: ${f.lost} groups got no reminder`);
    if (f.doubled > 0) out.push(`${at}: ${f.doubled} reminders doubled`);
    if (f.wrongText > 0) out.push(`${at}: ${f.wrongText} reminders were not their group's text`);
  } else if (!d.error) out.push(`${at}: the fan-out did not run`);
  for (const s of d.signIn) {
    const tag = `${at} @ ${s.offeredPerSec} msg/s`;
    if (s.error) out.push(`${tag}: ${s.error}`);
    if (!s.drained && !s.error) out.push(`${tag}: not drained in time after the last message`);
    if (s.figures && s.figures.lost > 0) out.push(`${tag}: ${s.figures.lost} sign-ins lost`);
    if (s.figures && s.figures.doubled > 0) out.push(`${tag}: ${s.figures.doubled} records doubled`);
    if (s.figures && s.figures.failed > 0) out.push(`${tag}: ${s.figures.failed} events failed`);
  }
  for (const [queue, counts] of Object.entries(d.outboxesAfter)) {
    if ((counts.failed ?? 0) > 0) out.push(`${at}: ${counts.failed} jobs failed in ${queue}`);
  }
  return out;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { groups: GROUPS, signInGroupsPerAccount: SIGNIN_GROUPS_PER_ACCOUNT, rates: RATES, only: ['single', 'multi'], drainTimeoutS: DRAIN_TIMEOUT_S, logLevel: 'silent', quick: false };
  const usage = `use --quick (${QUICK_GROUPS} groups, ${QUICK_SIGNIN_GROUPS_PER_ACCOUNT} sign-in groups per account and rate) --groups=N (a multiple of ${ACCOUNTS}) --signin-groups=N --rates=300,600 --only=single,multi --drain-timeout-s=N --log-level=debug`;
  const positive = (v: string | undefined) => (v && /^[1-9]\d*$/.test(v) ? Number(v) : Number.NaN);
  let groups: number | null = null;
  let signIn: number | null = null;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    if (key === '--quick' && value === undefined) opts.quick = true;
    else if (key === '--groups' && positive(value) > 0 && positive(value) % ACCOUNTS === 0) groups = positive(value);
    else if (key === '--signin-groups' && positive(value) > 0) signIn = positive(value);
    else if (key === '--rates' && value && value.split(',').every((v) => positive(v) > 0)) opts.rates = value.split(',').map(Number);
    else if (key === '--only' && value && value.split(',').every((v) => v === 'single' || v === 'multi')) opts.only = value.split(',') as Shape['id'][];
    else if (key === '--drain-timeout-s' && positive(value) > 0) opts.drainTimeoutS = positive(value);
    else if (key === '--log-level' && value) opts.logLevel = value;
    else throw new Error(`bad argument ${arg} (${usage})`);
  }
  opts.groups = groups ?? (opts.quick ? QUICK_GROUPS : GROUPS);
  opts.signInGroupsPerAccount = signIn ?? (opts.quick ? QUICK_SIGNIN_GROUPS_PER_ACCOUNT : SIGNIN_GROUPS_PER_ACCOUNT);
  if (opts.signInGroupsPerAccount * opts.rates.length > opts.groups / ACCOUNTS) throw new Error(`${opts.signInGroupsPerAccount} sign-in groups per account and rate do not fit in ${opts.groups / ACCOUNTS} groups per account`);
  return opts;
}

const fmt = (n: number | null | undefined, digits = 0): string | number => (n === null || n === undefined || Number.isNaN(n) ? '-' : round(n, digits));

export async function main(argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<DeploymentResult[]> {
  const opts = parseArgs(argv);
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  await assertRedisReachable(redisUrl);
  const loadAverage = hostInfo().loadAverage;
  const mongo = provideMongo(env.MONGODB_URI || undefined);
  const ctx: Ctx = { mongo, redisUrl, opts, children: new Set(), homes: [] };
  const cleanUp = () => {
    for (const c of ctx.children) c.kill();
    for (const home of ctx.homes) fs.rmSync(home, { recursive: true, force: true });
    mongo.stop();
  };
  process.once('exit', cleanUp);
  const results: DeploymentResult[] = [];
  const started = monoMs();
  try {
    if (mongo.ferretDir) process.stderr.write(`[bench] started a private FerretDB at ${mongo.baseUri}\n`);
    for (const shape of SHAPES.filter((s) => opts.only.includes(s.id))) {
      process.stderr.write(`[bench] many accounts: ${shape.label}, ${opts.groups} groups …\n`);
      results.push(await runDeployment(ctx, shape));
    }
  } finally {
    process.removeListener('exit', cleanUp);
    cleanUp();
  }

  const single = results.find((r) => r.shape.id === 'single') ?? null;
  const multi = results.find((r) => r.shape.id === 'multi') ?? null;
  const figuresOf = (d: DeploymentResult | null): DeploymentFigures | null => (d ? { fanOut: d.fanOut, signIn: d.signIn.map((s) => ({ offeredPerSec: s.offeredPerSec, figures: s.figures })) } : null);
  const summary = summarize(figuresOf(multi), figuresOf(single));

  const fanOutRows: (string | number)[][] = [];
  for (const d of results) {
    const f = d.fanOut;
    fanOutRows.push([
      d.shape.label,
      d.groups,
      f ? f.received : '-',
      fmt(d.firstInOutboxMs === null ? null : d.firstInOutboxMs / 1000, 2),
      fmt(d.allInOutboxMs === null ? null : d.allInOutboxMs / 1000, 2),
      fmt(f?.allReceivedMs === null || f === null ? null : f.allReceivedMs / 1000, 2),
      fmt(f?.msgPerSec, 1),
      fmt(f?.latencyMs.p50),
      fmt(f?.latencyMs.p95),
      fmt(f?.latencyMs.p99),
      f ? f.wrongAccount : '-',
      f ? f.lost : '-',
      f ? f.doubled : '-',
    ]);
    if (d.shape.accounts > 1 && f) {
      for (const a of f.perAccount) {
        fanOutRows.push([`  account ${a.account}`, a.groups, a.received, '', '', fmt(a.allReceivedMs === null ? null : a.allReceivedMs / 1000, 2), fmt(a.allReceivedMs ? a.groups / (a.allReceivedMs / 1000) : null, 1), '', '', '', '', '', '']);
      }
    }
  }
  const fanOutTable = formatTable(['deployment', 'groups', 'received', 'first in outbox s', 'all in outbox s', 'all received s', 'msg/s', 'p50 ms', 'p95 ms', 'p99 ms', 'wrong account', 'lost', 'doubled'], fanOutRows);
  const signInTable = formatTable(
    ['deployment', 'offered msg/s', 'groups', 'messages', 'sent msg/s', 'drained msg/s', 'kept up', 'p50 ms', 'p95 ms', 'p99 ms', 'lost', 'doubled', 'failed', 'bots CPU s'],
    results.flatMap((d) =>
      d.signIn.map((s) => [
        d.shape.label,
        s.offeredPerSec,
        s.groups,
        s.figures?.messages ?? '-',
        fmt(s.figures?.sentPerSec, 1),
        fmt(s.figures?.drainedPerSec, 1),
        s.error ? 'error' : s.figures?.keptUp ? 'yes' : s.drained ? 'no' : 'not drained',
        fmt(s.figures?.toStoredMs.p50),
        fmt(s.figures?.toStoredMs.p95),
        fmt(s.figures?.toStoredMs.p99),
        s.figures?.lost ?? '-',
        s.figures?.doubled ?? '-',
        s.figures?.failed ?? '-',
        fmt(s.botCpuSeconds, 1),
      ]),
    ),
  );
  const speedUp = multi?.fanOut?.allReceivedMs && single?.fanOut?.allReceivedMs ? round(single.fanOut.allReceivedMs / multi.fanOut.allReceivedMs, 2) : null;
  const signInRatio = summary.multiAccountSigninMsgPerSec && summary.singleAccountSigninMsgPerSec ? round(summary.multiAccountSigninMsgPerSec / summary.singleAccountSigninMsgPerSec, 2) : null;
  const notes = [
    `Deployments, one after the other, each on a fresh database and Redis prefix: ${SHAPES.map((s) => s.label).join('; ')}. A bot process is the production runtime (bots/bot-runtime.ts, BOT_PLATFORM=wechaty) over wechaty-puppet-service gRPC to its own account's PuppetServer with the mock puppet (a load generator process per account, bench/sign-in/load-generator.ts); a worker is the production worker runtime (bots/worker-runtime.ts, concurrency 4), each in its own process. One Redis, one MongoDB.`,
    `Data: ${opts.groups} approved cohorts, one bound group each, the binding naming its account (${opts.groups / ACCOUNTS} per account, or all on the one account), seeded with insertMany; every first session starts ${SEED_DAY} 09:00 +08:00. Jobs planned with planSessionJobs the evening before. Not measured.`,
    `Fan-out: t0 is when the minute's remind-sessions job is promoted (one job holds every reminder of the minute, so one worker runs it; the others have nothing to take). It routes each message to its group's account's outbox queue; each bot process drains its own. all received: t0 → the last group's "${REMINDER_MINUTES} 分钟后上课" at its own account's mock puppet. wrong account: a reminder that reached a puppet whose account does not serve the group; lost: groups with none; doubled: beyond one per group (listened for ${FAN_OUT_SETTLE_MS / 1000} s more). first/all in outbox: t0 → the first and the last outbox job's own timestamp (added by the reminder job, wall clock): the producing side. The outbox's per-account budget (60/min by default, no setting) is lifted in the bot processes as in bench/reminders.bench.ts; the per-group budget (20/min) stays.`,
    `Sign-in: per offered rate, its own ${opts.signInGroupsPerAccount * ACCOUNTS} groups × ${TRAINEES_PER_GROUP} trainees (${opts.signInGroupsPerAccount} per account in the 3-account deployment, all on the one in the other), each sends 签到 then one repeat, paced evenly by each account's generator at its share of the rate. drained msg/s, p50/p95/p99 (first 签到 sent → attendance acknowledged by MongoDB), lost and doubled as in bench/sign-in.bench.ts. bots CPU s: the bot processes' CPU time during the measurement, together.`,
    `MongoDB: ${mongo.ferretDir ? 'private FerretDB' : 'MONGODB_URI'}; load average at the start ${loadAverage.join(', ')} on ${os.cpus().length} CPUs: every process of a deployment shares them.`,
  ];
  process.stdout.write(`\nMany accounts benchmark (${opts.groups} groups)\n\nReminder fan-out\n\n${fanOutTable}\n\n`);
  process.stdout.write(
    `multiAccountRemindersVsSingle (all received, ${multi?.shape.label ?? 'multi'} ÷ ${single?.shape.label ?? 'single'}, same run): ${summary.multiAccountRemindersVsSingle ?? '-'}` +
      `${speedUp ? ` (${speedUp}× as fast)` : ''}\n\nSign-in throughput\n\n${signInTable}\n\n`,
  );
  process.stdout.write(
    `at ${SUMMARY_RATE} msg/s offered: ${summary.multiAccountSigninMsgPerSec ?? '-'} msg/s drained by ${multi?.shape.label ?? 'multi'}, ${summary.singleAccountSigninMsgPerSec ?? '-'} by ${single?.shape.label ?? 'single'}${signInRatio ? ` (${signInRatio}×)` : ''}\n\n`,
  );
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  process.stdout.write(`\nsummary: ${JSON.stringify(summary)}\n`);
  const problems = results.flatMap(problemsOf);
  for (const p of problems) process.stdout.write(`! ${p}\n`);
  const file = writeResultJson('multi-account', {
    benchmark: 'multi-account',
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    host: { ...hostInfo(), loadAverageAtStart: loadAverage, loadAverageAtEnd: hostInfo().loadAverage },
    mongo: mongo.ferretDir ? 'private FerretDB (scripts/ferretdb.sh)' : 'MONGODB_URI',
    summary,
    settings: {
      groups: opts.groups,
      accounts: ACCOUNTS,
      workers: WORKERS,
      signInGroupsPerAccountAndRate: opts.signInGroupsPerAccount,
      traineesPerGroup: TRAINEES_PER_GROUP,
      messagesPerTrainee: ROUNDS,
      rates: opts.rates,
      summaryRate: SUMMARY_RATE,
      reminderMinutes: REMINDER_MINUTES,
      outboxAccountRate: LIFTED_ACCOUNT_RATE,
      signInBoardIntervalMs: BOARD_INTERVAL_MS,
      quick: opts.quick,
      latencyPercentiles: 'nearest rank',
      wallSeconds: round((monoMs() - started) / 1000, 1),
    },
    notes,
    problems,
    deployments: results,
  });
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file) || file}\n`);
  if (problems.length > 0) process.exitCode = 1;
  return results;
}

if (require.main === module) {
  runBench('multi-account', WHOLE_BENCH_TIMEOUT_S * 1000, main);
}
