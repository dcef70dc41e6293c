/**
 * The bot under test in the sign-in bench, in its own Node process (forked by sign-in.bench.ts).
 *
 * - mode `bot`: the production runtime (bots/bot-runtime.ts with the adapter bots/create-adapter.ts
 *   builds for BOT_PLATFORM=wechaty), connected through wechaty-puppet-service to the load
 *   generator's PuppetServer. The bench only looks on: it wraps `bot.processEvent` to note when
 *   each message is finished, and watches the MongoDB driver's commands (stored-watch.ts) to
 *   note when each attendance record is acknowledged, and counts the Redis commands of every
 *   client in the process (redis-watch.ts). Its clock is an AdjustableClock the bench sets.
 * - mode `floor`: a bare Wechaty over the same gRPC transport that does nothing but note when
 *   each message arrives.
 *
 * Peak RSS: the kernel's high-water mark (VmHWM) reset at `measure` (/proc/self/clear_refs),
 * so nothing samples inside the process; where that is not available, a 50 ms sampler.
 * With `cpuProfileFile`, the V8 profiler runs from `measure` to `report` (not for timed runs:
 * profiling costs CPU).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import fs from 'node:fs';
import { Session as InspectorSession } from 'node:inspector/promises';
import mongoose from 'mongoose';
import pino from 'pino';
import { WechatyBuilder, log as wechatyLog, type Wechaty } from 'wechaty';
import { PuppetService } from 'wechaty-puppet-service';
import { loadConfig } from '../../src/kernel/load-config';
import { AdjustableClock } from '../../src/kernel/clock';
import { startBotRuntime, type BotRuntime } from '../../bots/bot-runtime';
import { createAdapter } from '../../bots/create-adapter';
import { summariesSettled } from '../../src/stores/create-stores';
import { Outbox } from '../../src/queue/outbox';
import { createRedis } from '../../src/queue/redis-connection';
import { sessionReminderMessages, type QueuedMessage } from '../../jobs/reminder-groups';
import { sessionReminderContent } from '../../src/features/cohorts/session-planner';
import { RssSampler } from '../support/stats';
import { EXIT_AFTER_REPLY, monoMs, serveParent, waitUntilIdle } from './ipc';
import type { BotReport, BotStarted, BotStartRequest, BotStatus, MeasureRequest } from './protocol';
import { StoredWatch } from './stored-watch';
import { RedisWatch } from './redis-watch';

let runtime: BotRuntime | null = null;
let started: BotStartRequest | null = null;
let floor: Wechaty | null = null;
let clock: AdjustableClock | null = null;
const watch = new StoredWatch();
const redisWatch = new RedisWatch();
let profiler: { session: InspectorSession; file: string } | null = null;
let senders = new Set<string>();
let measuring = false;
const done: BotReport['done'] = [];
let cpuAtStart: NodeJS.CpuUsage | null = null;
let sampler: RssSampler | null = null;

async function start(req: BotStartRequest): Promise<BotStarted> {
  wechatyLog.level('silent');
  if (req.mode === 'floor') return startFloor(req);
  started = req;
  const config = loadConfig({
    BOT_PLATFORM: 'wechaty',
    WECHATY_PUPPET_SERVICE_ENDPOINT: req.endpoint,
    WECHATY_PUPPET_SERVICE_TOKEN: req.token,
    MONGODB_URI: req.mongoUri,
    REDIS_URL: req.redisUrl,
    QUEUE_PREFIX: req.prefix,
    ADMIN_IDS: req.adminId,
    STALE_MESSAGE_SECONDS: '0',
    SIGNIN_BOARD_INTERVAL_MS: String(req.boardIntervalMs),
    BOT_LOGIN_TIMEOUT_SECONDS: '30',
    HEALTH_PORT: '0',
    LOG_LEVEL: (req.logLevel ?? 'silent'),
    ...(req.accountRate ? { OUTBOX_ACCOUNT_PER_MINUTE: String(Math.round((req.accountRate.limit * 60_000) / req.accountRate.windowMs)) } : {}),
  });
  const log = pino({ level: req.logLevel ?? 'silent' });
  redisWatch.attach();
  clock = new AdjustableClock(new Date(req.clockAt!));
  const adapter = createAdapter(config, log, clock);
  runtime = await startBotRuntime(config, adapter, clock, log, {
    exit: (code) => {
      process.stderr.write(`[bench] the bot runtime gave up and exits with ${code}\n`);
      process.exit(code);
    },
  });
  // The runtime's own MongoDB connection: the only one open in this process.
  for (const conn of mongoose.connections) {
    if (conn.readyState === mongoose.ConnectionStates.connected) watch.attach(conn.getClient());
  }
  const bot = runtime.bot;
  const processEvent = bot.processEvent.bind(bot);
  bot.processEvent = async (event, delivery) => {
    let failed = false;
    try {
      await processEvent(event, delivery);
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      if (measuring && senders.has(event.sender.id)) done.push({ senderId: event.sender.id, at: monoMs(), failed });
    }
  };
  return { selfId: runtime.self.id };
}

async function startFloor(req: BotStartRequest): Promise<BotStarted> {
  const puppet = new PuppetService({ endpoint: req.endpoint, token: req.token });
  const bot = WechatyBuilder.build({ name: 'bench-floor', puppet });
  floor = bot;
  bot.on('message', (msg) => {
    const at = monoMs();
    const id = msg.talker().id;
    if (measuring && senders.has(id)) done.push({ senderId: id, at, failed: false });
  });
  bot.on('error', () => undefined);
  const loggedIn = new Promise<string>((resolve) => bot.once('login', (user) => resolve(user.id)));
  await bot.start();
  const selfId = await loggedIn;
  // Not measured, as the bot's setup through chat is not (#绑定 reads every group's members):
  // every group and its members once, so the floor does not start with cold caches.
  for (const id of req.roomIds ?? []) {
    const room = await bot.Room.find({ id });
    if (!room) throw new Error(`floor: room ${id} not found`);
    await room.topic();
    await room.memberAll();
  }
  return { selfId };
}

async function setClock(p: { at: string }): Promise<null> {
  clock?.set(new Date(p.at));
  return null;
}

async function measure(req: MeasureRequest): Promise<null> {
  senders = new Set(req.senderIds);
  done.length = 0;
  watch.start();
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    sampler = null;
  } catch {
    sampler = new RssSampler();
    sampler.start(50);
  }
  if (req.cpuProfileFile) {
    const session = new InspectorSession();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    profiler = { session, file: req.cpuProfileFile };
  }
  redisWatch.start();
  cpuAtStart = process.cpuUsage();
  measuring = true;
  return null;
}

async function status(): Promise<BotStatus> {
  const storedUsers = new Set<string>();
  for (const r of watch.stored) if (senders.has(r.userId)) storedUsers.add(r.userId);
  return { done: done.length, failed: done.filter((d) => d.failed).length, stored: storedUsers.size };
}

function vmHwmMb(): number {
  const kb = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (!kb) throw new Error('no VmHWM in /proc/self/status');
  return Number(kb) / 1024;
}

async function report(): Promise<BotReport> {
  const cpu = process.cpuUsage(cpuAtStart ?? undefined);
  if (profiler) {
    const { profile } = await profiler.session.post('Profiler.stop');
    fs.writeFileSync(profiler.file, JSON.stringify(profile));
    profiler.session.disconnect();
    profiler = null;
  }
  const peak = sampler ? { peakRssMb: sampler.stop() / 2 ** 20, peakRssHow: 'sampled' as const } : { peakRssMb: vmHwmMb(), peakRssHow: 'VmHWM' as const };
  return {
    done: [...done],
    stored: watch.stored.filter((r) => senders.has(r.userId)),
    ...peak,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mongoCommands: Object.fromEntries([...watch.commands].sort((a, b) => b[1] - a[1])),
    mongoCommandsByCollection: Object.fromEntries([...watch.commandsByCollection].sort((a, b) => b[1] - a[1])),
    redisCommands: Object.fromEntries([...redisWatch.commands].sort((a, b) => b[1] - a[1])),
    redisRoundTrips: redisWatch.roundTrips,
  };
}

async function stop(): Promise<typeof EXIT_AFTER_REPLY> {
  measuring = false;
  sampler?.stop();
  await runtime?.stop().catch((err: unknown) => process.stderr.write(`[bench] bot runtime stop failed: ${String(err)}\n`));
  await floor?.stop().catch(() => undefined);
  return EXIT_AFTER_REPLY;
}

/** The reminder before a session, minutes before its start (the worker sends one 30 and one 5 minutes before). */
const REMINDER_MINUTES = 30;

/**
 * What comes before the 签到 of a class: the worker's reminder 30 minutes before the session,
 * planned and built as the worker does (sessionReminderContent, sessionReminderMessages), queued on the
 * outbox as the worker queues it and sent by this bot's outbox worker. Resolves once every
 * reminder is sent and the reads their sending started (the cohorts warmed) are done.
 */
async function remindSessions(p: { groupIds: string[] }): Promise<{ sent: number }> {
  if (!runtime || !started || !clock) throw new Error('remind: the bot is not started');
  const { stores } = runtime.deps;
  const at = clock.now();
  const messages: QueuedMessage[] = [];
  for (const groupId of p.groupIds) {
    const binding = await stores.bindings.findByGroup('wechaty', groupId);
    const cohort = binding ? await stores.cohorts.findById(binding.cohortId) : null;
    if (!cohort) throw new Error(`remind: group ${groupId} is not bound to a cohort`);
    const soon = await stores.sessions.listOverlapping(cohort.id, at, new Date(at.getTime() + REMINDER_MINUTES * 60_000));
    const session = soon.find((s) => s.startsAt.getTime() > at.getTime());
    if (!session) throw new Error(`remind: no session of ${cohort.name} starts within ${REMINDER_MINUTES} minutes`);
    messages.push(...sessionReminderMessages(session.id, REMINDER_MINUTES, sessionReminderContent(cohort, session, [groupId])));
  }
  const redis = createRedis(started.redisUrl!);
  const outbox = new Outbox(redis, started.prefix!);
  try {
    await outbox.enqueueBulk(messages);
    for (let i = 0; i < 600; i++) {
      const counts = await outbox.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await outbox.close();
    redis.disconnect();
  }
  await runtime.deps.warmer?.idle();
  return { sent: messages.length };
}

/**
 * Work left over from setup is not measured: the summary rebuilds its writes started (the last
 * ones clear marks a few seconds later, and read the cohorts' rows), the cohorts being warmed,
 * then quiet CPU. In use, a class is set up hours before its first 签到.
 */
async function settleThenWaitUntilIdle(): Promise<{ waitedMs: number; idle: boolean }> {
  const t0 = monoMs();
  if (runtime) {
    await summariesSettled(runtime.deps.stores);
    await runtime.deps.warmer?.idle();
  }
  const idle = await waitUntilIdle();
  return { ...idle, waitedMs: monoMs() - t0 };
}

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

serveParent({
  start: (p) => start(p as BotStartRequest),
  clock: (p) => setClock(p as { at: string }),
  remind: (p) => remindSessions(p as { groupIds: string[] }),
  measure: (p) => measure(p as MeasureRequest),
  idle: () => settleThenWaitUntilIdle(),
  loopDelay: async () => {
    const h = loopDelay;
    loopDelay.disable();
    const r = { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
    loopDelay.reset();
    loopDelay.enable();
    return r;
  },
  status,
  report,
  stop,
});
