/**
 * `npm run bench` — the sign-in benchmark. Trainees send 签到 (three times each, all at once)
 * into groups bound to approved cohorts; the production bot runtime handles them and posts the
 * coalesced sign-in board. Each scenario runs twice: through the real gRPC transport
 * (PuppetServer ⇄ wechaty-puppet-service) and through the mock puppet in-process (the floor,
 * no gRPC hop). Prints a table and writes bench/results/sign-in.json.
 *
 * MONGODB_URI: used as is when set; otherwise a private FerretDB is started (scripts/ferretdb.sh).
 * REDIS_URL: default redis://127.0.0.1:6379. Every run uses its own database and key prefix,
 * both removed afterwards. Options: --only=one-group|twenty-groups, --transport=grpc|in-process,
 * --max-pool-size=N|default (the bot's MongoDB pool; 25 unless given), --log-level=<pino level>.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import type { mock } from 'wechaty-puppet-mock';
import { WechatyAdapter } from '../src/platform/wechaty/wechaty-adapter';
import { loadConfig } from '../src/kernel/load-config';
import { AdjustableClock } from '../src/kernel/clock';
import type { Logger } from '../src/kernel/logger';
import { startBotRuntime, type BotRuntime } from '../bots/bot-runtime';
import { startChatHarness, type ChatHarness, type SentMessage, type Transport } from './support/chat-harness';
import {
  assertRedisReachable,
  deleteRedisPrefix,
  dropDatabase,
  mongoUriWithDb,
  provideMongo,
  repoRoot,
  uniqueName,
  type MongoServer,
} from './support/bench-env';
import { formatTable, percentile, RssSampler } from './support/stats';

const TRAINEES_PER_GROUP = 50;
const SIGN_INS_PER_TRAINEE = 3;
const BOARD_INTERVAL_MS = 1000;
const RUN_TIMEOUT_MS = 120_000;
const WHOLE_BENCH_TIMEOUT_MS = 290_000;
/**
 * The bot's MongoDB pool. The driver's default (100) lets a burst of 签到 put more concurrent
 * updates on FerretDB 1.24 than its PostgreSQL pool (50) can serve; each update holds one
 * PostgreSQL connection while waiting for a second, and FerretDB deadlocks for good (seen with
 * the 3,000-message in-process burst). Below 50 it cannot. `--max-pool-size=default` drops it.
 */
const DEFAULT_MAX_POOL_SIZE = '25';

/** One benchmark scenario: how many groups of 50 sign in at once. */
interface Scenario {
  id: 'one-group' | 'twenty-groups';
  label: string;
  groups: number;
}

const SCENARIOS: Scenario[] = [
  { id: 'one-group', label: '1 group × 50', groups: 1 },
  { id: 'twenty-groups', label: '20 groups × 50', groups: 20 },
];

const TRANSPORTS: { transport: Transport; label: string }[] = [
  { transport: 'grpc', label: 'gRPC' },
  { transport: 'in-process', label: 'floor (no gRPC)' },
];

/** What one scenario × transport run measured. */
interface RunResult {
  scenario: Scenario['id'];
  scenarioLabel: string;
  transport: Transport;
  transportLabel: string;
  groups: number;
  trainees: number;
  messages: number;
  recordsWritten: number;
  recordsExpected: number;
  messagesPerSecond: number;
  /** Messages ÷ time until the bot finished the last one (duplicates included). */
  drainedMessagesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; min: number; max: number; samples: number };
  /** From the first message to the last group's final (50/50) board. */
  finalBoardMs: number;
  /** From the first message until the bot finished processing every message. */
  drainedMs: number;
  /** Time the generator took to put all messages in (same process). */
  sendLoopMs: number;
  boardsSent: number;
  otherRepliesSent: number;
  failedEvents: number;
  /** Trainees whose board inclusion came from the records the board read (name folded into "等 N 人"). */
  inclusionFromRecords: number;
  peakRssMb: number;
  setupMs: number;
}

// 2027-03-01 in Asia/Shanghai, far from the real date so the bot's clock decides the window.
const at = (hhmm: string) => new Date(`2027-03-01T${hhmm}:00+08:00`);

/** A trainee of one group and when they first said 签到 (performance.now()). */
interface Trainee {
  contact: mock.ContactMock;
  name: string;
  firstSentAt: number;
}

/** One group under test: its room, trainees and the session they sign in to. */
interface Group {
  room: mock.RoomMock;
  trainees: Trainee[];
  cohortId: string;
  sessionId: string;
}

/** Asks `text` in `room` as `from` and returns the bot's first reply there. */
async function ask(h: ChatHarness, from: mock.ContactMock, room: mock.RoomMock, text: string): Promise<string> {
  const before = h.sentTo(room.id).length;
  h.say(from, text, room);
  await h.waitFor(() => h.sentTo(room.id).length > before, `a reply to ${text.split('\n')[0]}`);
  return h.sentTo(room.id)[before]!.text;
}

function expectReply(reply: string, needle: string, what: string): void {
  if (!reply.includes(needle)) throw new Error(`setup: ${what} answered "${reply}" (expected "${needle}")`);
}

/** Sets up one cohort entirely through chat, as staff would: create, bind, timetable, plan approval. */
async function setUpCohortByChat(h: ChatHarness, staff: mock.ContactMock, room: mock.RoomMock, n: number): Promise<void> {
  const created = await ask(h, staff, room, `#新建班级 直播带货${n}期 2027-03-01 2027-03-02 县电商服务中心`);
  const code = /班级码：([A-Z0-9]{6})/.exec(created)?.[1];
  if (!code) throw new Error(`setup: no cohort code in "${created}"`);
  expectReply(await ask(h, staff, room, `#绑定 ${code}`), `登记学员 ${TRAINEES_PER_GROUP} 人`, '#绑定');
  expectReply(
    await ask(h, staff, room, '#课表\n03-01 09:00-12:00 直播基础 张老师\n03-01 14:00-17:00 短视频拍摄 张老师'),
    '已保存 2 节课',
    '#课表',
  );
  expectReply(await ask(h, staff, room, '#提交方案'), '已提交', '#提交方案');
  expectReply(await ask(h, staff, room, `#批准 ${code}`), '已批准', '#批准');
}

/** Records, per session, which trainees a board read for each "已签到 N" count (records only grow). */
function snapshotBoardReads(runtime: BotRuntime): Map<string, Map<number, Set<string>>> {
  const snapshots = new Map<string, Map<number, Set<string>>>();
  const attendance = runtime.deps.stores.attendance;
  const listBySession = attendance.listBySession.bind(attendance);
  attendance.listBySession = async (sessionId) => {
    const records = await listBySession(sessionId);
    let bySize = snapshots.get(sessionId);
    if (!bySize) snapshots.set(sessionId, (bySize = new Map()));
    const present = records.filter((r) => r.status === 'on_time' || r.status === 'late');
    if (!bySize.has(present.length)) bySize.set(present.length, new Set(present.map((r) => r.userId)));
    return records;
  };
  return snapshots;
}

/** Counts the trainees' events as the bot finishes them, and when the last one finished. */
function countProcessed(runtime: BotRuntime, traineeIds: Set<string>) {
  const counter = { done: 0, failed: 0, lastDoneAt: 0 };
  const processEvent = runtime.bot.processEvent.bind(runtime.bot);
  runtime.bot.processEvent = async (event) => {
    try {
      await processEvent(event);
    } catch (err) {
      if (traineeIds.has(event.sender.id)) counter.failed++;
      throw err;
    } finally {
      if (traineeIds.has(event.sender.id)) {
        counter.done++;
        counter.lastDoneAt = performance.now();
      }
    }
  };
  return counter;
}

/** Runs one scenario over one transport on a fresh harness, bot runtime, database and key prefix. */
async function runOnce(
  scenario: Scenario,
  transport: Transport,
  transportLabel: string,
  opts: { mongo: MongoServer; redisUrl: string; maxPoolSize: string | null; log: Logger },
): Promise<RunResult> {
  const { mongo, redisUrl, log } = opts;
  const dbName = uniqueName(`signin_${scenario.groups}g_${transport}`);
  const mongoUri = mongoUriWithDb(mongo.baseUri, dbName, opts.maxPoolSize ? { maxPoolSize: opts.maxPoolSize } : {});
  const prefix = dbName;
  const h = await startChatHarness(transport);
  let runtime: BotRuntime | null = null;
  const rss = new RssSampler();
  let ticker: NodeJS.Timeout | undefined;
  try {
    const setupStart = performance.now();
    const [staff] = h.people(['王老师(工作人员)']) as [mock.ContactMock];
    const rooms = Array.from({ length: scenario.groups }, (_, g) => {
      const names = Array.from({ length: TRAINEES_PER_GROUP }, (_, i) => `学员${pad(g + 1)}-${pad(i + 1)}`);
      const contacts = h.people(names);
      return { room: h.room(`直播带货${g + 1}期`, [staff, ...contacts]), contacts };
    });
    const config = loadConfig({
      MONGODB_URI: mongoUri,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      ADMIN_IDS: staff.id,
      STALE_MESSAGE_SECONDS: '0',
      SIGNIN_BOARD_INTERVAL_MS: String(BOARD_INTERVAL_MS),
      BOT_LOGIN_TIMEOUT_SECONDS: '20',
      LOG_LEVEL: 'silent',
    });
    const clock = new AdjustableClock(at('08:00'));
    const adapter = new WechatyAdapter({ ...h.adapterOptions, loginTimeoutMs: config.BOT_LOGIN_TIMEOUT_SECONDS * 1000, log });
    runtime = await startBotRuntime(config, adapter, clock, log);
    const rt = runtime;
    progress(`bot logged in; setting up ${scenario.groups} cohort(s) through chat`);

    // Setup (not measured): every cohort through the chat commands, all groups at once.
    await Promise.all(rooms.map((r, g) => setUpCohortByChat(h, staff, r.room, g + 1)));
    const groups: Group[] = [];
    for (const r of rooms) {
      const binding = await rt.deps.stores.bindings.findByGroup('wechaty', r.room.id);
      if (!binding) throw new Error(`setup: room ${r.room.id} is not bound`);
      const sessions = (await rt.deps.stores.sessions.listByCohort(binding.cohortId)).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const session = sessions[0];
      if (!session) throw new Error(`setup: cohort ${binding.cohortId} has no session`);
      groups.push({
        room: r.room,
        cohortId: binding.cohortId,
        sessionId: session.id,
        trainees: r.contacts.map((contact) => ({ contact, name: contact.payload.name, firstSentAt: Number.NaN })),
      });
    }
    const setupMs = performance.now() - setupStart;
    progress(`setup took ${(setupMs / 1000).toFixed(1)} s; sending ${scenario.groups * TRAINEES_PER_GROUP * SIGN_INS_PER_TRAINEE} messages`);

    // 08:40 is by start − 5 min: every sign-in is on time, so every name goes after ✅.
    clock.set(at('08:40'));
    const snapshots = snapshotBoardReads(rt);
    const traineeIds = new Set(groups.flatMap((g) => g.trainees.map((t) => t.contact.id)));
    const processed = countProcessed(rt, traineeIds);
    const messages = traineeIds.size * SIGN_INS_PER_TRAINEE;
    const roomIds = new Set(groups.map((g) => g.room.id));
    const sentBefore = h.sent.length;

    // Measured: every message as fast as possible, groups interleaved.
    const finalBoardAt = new Map<string, number>();
    rss.start();
    const t0 = performance.now();
    for (let round = 0; round < SIGN_INS_PER_TRAINEE; round++) {
      for (let i = 0; i < TRAINEES_PER_GROUP; i++) {
        for (const g of groups) {
          const t = g.trainees[i]!;
          if (Number.isNaN(t.firstSentAt)) t.firstSentAt = performance.now();
          h.say(t.contact, round === 1 ? '#签到' : '签到', g.room);
        }
      }
    }
    const sendLoopMs = performance.now() - t0;
    ticker = setInterval(() => {
      const boards = h.sent.length - sentBefore;
      progress(`… ${((performance.now() - t0) / 1000).toFixed(0)} s: ${processed.done}/${messages} messages processed, ${boards} boards, ${finalBoardAt.size}/${groups.length} final`);
    }, 10_000);

    const full = `已签到 ${TRAINEES_PER_GROUP}/${TRAINEES_PER_GROUP}`;
    let cursor = sentBefore;
    await h.waitFor(
      () => {
        for (; cursor < h.sent.length; cursor++) {
          const m = h.sent[cursor]!;
          if (roomIds.has(m.conversationId) && m.text.includes(full) && !finalBoardAt.has(m.conversationId)) finalBoardAt.set(m.conversationId, m.at);
        }
        return finalBoardAt.size === groups.length;
      },
      `the final ${full} board in every group (${finalBoardAt.size}/${groups.length} so far, ${processed.done}/${messages} messages processed)`,
      RUN_TIMEOUT_MS,
      5,
    );
    const finalBoardMs = Math.max(...finalBoardAt.values()) - t0;
    await h.waitFor(() => processed.done >= messages, `every message processed (${processed.done}/${messages})`, RUN_TIMEOUT_MS, 5);
    const drainedMs = processed.lastDoneAt - t0;
    progress(`final boards after ${(finalBoardMs / 1000).toFixed(2)} s, drained after ${(drainedMs / 1000).toFixed(2)} s`);
    const peakRssMb = rss.stop() / 2 ** 20;
    clearInterval(ticker);

    // Records written, read back from the database.
    let recordsWritten = 0;
    for (const g of groups) {
      const records = await rt.deps.stores.attendance.listByCohort(g.cohortId);
      const unique = new Set(records.map((r) => r.userId)).size;
      if (unique !== records.length) throw new Error(`cohort ${g.cohortId}: ${records.length} records for ${unique} trainees`);
      recordsWritten += records.length;
    }

    // Latency: a trainee's first 签到 → the first board after it that includes them.
    const latencies: number[] = [];
    let inclusionFromRecords = 0;
    let boardsSent = 0;
    let otherRepliesSent = 0;
    for (const g of groups) {
      const after = h.sent.slice(sentBefore).filter((m) => m.conversationId === g.room.id);
      const boards = after.filter((m) => m.text.startsWith('📋 签到'));
      boardsSent += boards.length;
      otherRepliesSent += after.length - boards.length;
      const reads = snapshots.get(g.sessionId) ?? new Map<number, Set<string>>();
      for (const t of g.trainees) {
        const board = firstBoardIncluding(boards, t, reads);
        if (!board) throw new Error(`no board in ${g.room.id} ever included ${t.name}`);
        if (board.viaRecords) inclusionFromRecords++;
        latencies.push(board.message.at - t.firstSentAt);
      }
    }

    return {
      scenario: scenario.id,
      scenarioLabel: scenario.label,
      transport,
      transportLabel,
      groups: groups.length,
      trainees: traineeIds.size,
      messages,
      recordsWritten,
      recordsExpected: traineeIds.size,
      messagesPerSecond: messages / (finalBoardMs / 1000),
      drainedMessagesPerSecond: messages / (drainedMs / 1000),
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        min: Math.min(...latencies),
        max: Math.max(...latencies),
        samples: latencies.length,
      },
      finalBoardMs,
      drainedMs,
      sendLoopMs,
      boardsSent,
      otherRepliesSent,
      failedEvents: processed.failed,
      inclusionFromRecords,
      peakRssMb,
      setupMs,
    };
  } finally {
    clearInterval(ticker);
    rss.stop();
    await runtime?.stop().catch((err: unknown) => log.warn({ err }, 'bot runtime stop failed'));
    await h.stop().catch((err: unknown) => log.warn({ err }, 'harness stop failed'));
    await dropDatabase(mongoUri).catch((err: unknown) => log.warn({ err }, `could not drop ${dbName}`));
    await deleteRedisPrefix(redisUrl, prefix).catch((err: unknown) => log.warn({ err }, `could not delete Redis keys ${prefix}:*`));
  }
}

/**
 * The first board after the trainee's first message that includes them: their name is shown,
 * or (past 40 names the board folds the rest into "等 N 人") their record was among the ones
 * the board was rendered from — known exactly because records only grow, so the "已签到 N"
 * count identifies the set the board read.
 */
function firstBoardIncluding(boards: SentMessage[], t: Trainee, reads: Map<number, Set<string>>): { message: SentMessage; viaRecords: boolean } | null {
  for (const message of boards) {
    if (message.at < t.firstSentAt) continue;
    if (message.text.includes(t.name)) return { message, viaRecords: false };
    const count = Number(/已签到 (\d+)\//.exec(message.text)?.[1] ?? Number.NaN);
    if (reads.get(count)?.has(t.contact.id)) return { message, viaRecords: true };
  }
  return null;
}

function progress(line: string): void {
  process.stderr.write(`[bench]   ${line}\n`);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function gitCommit(root: string): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function parseArgs(argv: string[]): { only: string | null; transport: string | null; maxPoolSize: string | null; logLevel: string } {
  let only: string | null = null;
  let transport: string | null = null;
  let maxPoolSize: string | null = DEFAULT_MAX_POOL_SIZE;
  let logLevel = 'silent';
  const usage = `use --only=${SCENARIOS.map((s) => s.id).join('|')}, --transport=${TRANSPORTS.map((t) => t.transport).join('|')}, --max-pool-size=N|default, --log-level=debug`;
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2) as [string, string | undefined];
    if (key === '--only' && value && SCENARIOS.some((s) => s.id === value)) only = value;
    else if (key === '--transport' && value && TRANSPORTS.some((t) => t.transport === value)) transport = value;
    else if (key === '--max-pool-size' && value && /^(default|[1-9]\d*)$/.test(value)) maxPoolSize = value === 'default' ? null : value;
    else if (key === '--log-level' && value) logLevel = value;
    else throw new Error(`bad argument ${arg} (${usage})`);
  }
  return { only, transport, maxPoolSize, logLevel };
}

/** Runs every scenario over both transports, prints the table and writes bench/results/sign-in.json. */
export async function main(argv: string[], env: { MONGODB_URI?: string; REDIS_URL?: string }): Promise<RunResult[]> {
  const { only, transport: onlyTransport, maxPoolSize, logLevel } = parseArgs(argv);
  const log = pino({ level: logLevel });
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  await assertRedisReachable(redisUrl);
  const mongo = provideMongo(env.MONGODB_URI || undefined);
  const stopMongo = () => mongo.stop();
  process.once('exit', stopMongo);
  const results: RunResult[] = [];
  try {
    if (mongo.ferretDir) process.stderr.write(`[bench] started a private FerretDB at ${mongo.baseUri}\n`);
    for (const scenario of SCENARIOS.filter((s) => !only || s.id === only)) {
      for (const { transport, label } of TRANSPORTS.filter((t) => !onlyTransport || t.transport === onlyTransport)) {
        process.stderr.write(`[bench] ${scenario.label}, ${label} …\n`);
        results.push(await runOnce(scenario, transport, label, { mongo, redisUrl, maxPoolSize, log }));
      }
    }
  } finally {
    process.removeListener('exit', stopMongo);
    stopMongo();
  }

  const notes = [
    `Board latency includes the coalescing interval by design: SIGNIN_BOARD_INTERVAL_MS=${BOARD_INTERVAL_MS} (the first sign-in shows the board at once, later ones refresh it at most once per interval per group).`,
    `Latency: a trainee's first 签到 → the first board posted after it that includes them (name after ✅, or past 40 names, which the board folds into "等 N 人", the records it was rendered from).`,
    `msg/s: ${SIGN_INS_PER_TRAINEE} × 签到 per trainee ÷ time from the first message to the last group's ${TRAINEES_PER_GROUP}/${TRAINEES_PER_GROUP} board; "drained" is when the bot finished the last (duplicate) message, and "drained msg/s" divides by that time instead.`,
    'floor = the same messages through wechaty-puppet-mock handed to the bot in-process (no PuppetServer, no gRPC).',
    'One Node process holds the mock WeChat side, the PuppetServer (gRPC runs) and the bot, so peak RSS covers all of them; MongoDB (FerretDB) and Redis are separate processes on the same host.',
    'Setup (create, bind, timetable, plan approval for every cohort through chat) is not measured.',
    maxPoolSize
      ? `The bot's MongoDB pool is capped at maxPoolSize=${maxPoolSize} (driver default 100): more concurrent updates than FerretDB 1.24's 50 PostgreSQL connections deadlock it (see bench/README.md).`
      : 'The bot\'s MongoDB pool is the driver default (100): a large burst can deadlock FerretDB 1.24 (see bench/README.md).',
  ];
  const table = formatTable(
    ['scenario', 'transport', 'msgs', 'records', 'msg/s', 'drained msg/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'boards', 'final board s', 'drained s', 'peak RSS MB'],
    results.map((r) => [
      r.scenarioLabel,
      r.transportLabel,
      r.messages,
      r.recordsWritten,
      round(r.messagesPerSecond, 1),
      round(r.drainedMessagesPerSecond, 1),
      round(r.latencyMs.p50),
      round(r.latencyMs.p95),
      round(r.latencyMs.p99),
      round(r.latencyMs.max),
      r.boardsSent,
      round(r.finalBoardMs / 1000, 2),
      round(r.drainedMs / 1000, 2),
      round(r.peakRssMb),
    ]),
  );
  process.stdout.write(`\nSign-in benchmark (${SIGN_INS_PER_TRAINEE} × 签到 per trainee, ${TRAINEES_PER_GROUP} trainees per group)\n\n${table}\n\n`);
  for (const note of notes) process.stdout.write(`- ${note}\n`);
  const problems = results.filter((r) => r.recordsWritten !== r.recordsExpected || r.failedEvents > 0 || r.otherRepliesSent > 0);
  for (const r of problems) {
    process.stdout.write(
      `! ${r.scenarioLabel} ${r.transportLabel}: ${r.recordsWritten}/${r.recordsExpected} records, ${r.failedEvents} failed events, ${r.otherRepliesSent} replies other than boards\n`,
    );
  }

  const root = repoRoot();
  const outDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'sign-in.json');
  const json = {
    benchmark: 'sign-in',
    generatedAt: new Date().toISOString(),
    commit: gitCommit(root),
    host: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null },
    mongo: mongo.ferretDir ? 'private FerretDB (scripts/ferretdb.sh)' : 'MONGODB_URI',
    settings: {
      traineesPerGroup: TRAINEES_PER_GROUP,
      signInsPerTrainee: SIGN_INS_PER_TRAINEE,
      signInBoardIntervalMs: BOARD_INTERVAL_MS,
      staleMessageSeconds: 0,
      mongoMaxPoolSize: maxPoolSize ?? 'driver default (100)',
      latencyPercentiles: 'nearest rank',
    },
    notes,
    results,
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\nJSON: ${path.relative(process.cwd(), file) || file}\n`);
  if (problems.length > 0) process.exitCode = 1;
  return results;
}

if (require.main === module) {
  // The puppet-service client caches under ~/.wechaty; keep it out of the developer's home.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-bench-home-'));
  process.env.HOME = home;
  const watchdog = setTimeout(() => {
    process.stderr.write(`[bench] gave up after ${WHOLE_BENCH_TIMEOUT_MS / 1000} s\n`);
    process.exit(1); // the 'exit' listener stops a private FerretDB
  }, WHOLE_BENCH_TIMEOUT_MS);
  watchdog.unref();
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  main(process.argv.slice(2), { MONGODB_URI: process.env.MONGODB_URI, REDIS_URL: process.env.REDIS_URL })
    .catch((err: unknown) => {
      process.stderr.write(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    })
    .finally(() => {
      fs.rmSync(home, { recursive: true, force: true });
    });
}
