import { DateTime } from 'luxon';
import { loadConfig, type Config } from '../src/kernel/load-config';
import { clockFrom, ScaledClock, type Clock } from '../src/kernel/clock';
import { createLogger } from '../src/kernel/logger';
import { parseClock } from '../src/kernel/local-time';
import { WEB_CLASS_GROUP_ID, WebChatAdapter } from '../src/platform/web/web-chat-adapter';
import type { Cohort } from '../src/domain/types';
import { startBotRuntime, type BotRuntime } from './bot-runtime';
import { startWorkerRuntime, type WorkerRuntime } from './worker-runtime';
import { demoStaff, seedDemo } from './seed-demo-command';
import { strictArgs } from './strict-args';

/** The demo cohort in the web chat, as staged or found. */
export interface StagedDemo {
  cohort: Cohort;
  /** False when an existing demo cohort was kept. */
  created: boolean;
  trainees: number;
  sessions: number;
  jobs: number;
}

/**
 * Puts the demo cohort into the web chat's class group: seeds it (seedDemo, jobs planned on the
 * bot's scheduler) and registers its people as the group's members, as a group the bot was
 * added to. `reuse` keeps a demo cohort the class group is already bound to when it still runs
 * today; `when-empty` seeds only into a database without any cohort (the bot's DEMO_SEED).
 */
export async function stageWebDemo(
  runtime: BotRuntime,
  adapter: WebChatAdapter,
  options: { trainees: number; mode: 'fresh' | 'reuse' | 'when-empty' },
): Promise<StagedDemo | null> {
  const { stores, config, scheduler } = runtime.deps;
  if (options.mode === 'when-empty' && (await stores.cohorts.count()) > 0) return null;
  if (options.mode === 'reuse') {
    const binding = await stores.bindings.findByGroup('web', WEB_CLASS_GROUP_ID);
    const cohort = binding ? await stores.cohorts.findById(binding.cohortId) : null;
    const today = DateTime.fromJSDate(scheduler.now(), { zone: cohort?.timezone ?? config.TZ_DEFAULT }).toFormat('yyyy-MM-dd');
    if (cohort && cohort.startDate <= today && today <= cohort.endDate) {
      const [trainees, sessions] = await Promise.all([stores.members.listWithRole(cohort.id, 'trainee'), stores.sessions.listByCohort(cohort.id)]);
      return { cohort, created: false, trainees: trainees.length, sessions: sessions.length, jobs: 0 };
    }
  }
  const demo = await seedDemo(stores, scheduler, {
    platform: 'web',
    timezone: config.TZ_DEFAULT,
    staff: demoStaff(config.ADMIN_IDS),
    trainees: options.trainees,
    groupId: WEB_CLASS_GROUP_ID,
  });
  await adapter.registerClassGroup(demo.cohort.name, [
    { ...demo.staff, label: '工作人员' },
    { ...demo.lecturer, label: '讲师' },
    ...demo.trainees.map((t) => ({ ...t, label: '学员' })),
  ]);
  return { cohort: demo.cohort, created: true, trainees: demo.trainees.length, sessions: demo.sessions, jobs: demo.jobs };
}

const USAGE = [
  'usage: cohort-bot demo [--speed N] [--start HH:mm] [--trainees N]',
  '',
  'Runs the bot on the built-in web chat and the job workers in one process, with a demo cohort',
  '(approved plan, two training days from today, a lecturer, staff and trainees) in the web chat\'s',
  'class group, and prints the page\'s address. --speed N runs a simulated clock N times faster than',
  'real time, starting today at --start (default 08:20, just before the first sign-in opens):',
  '--speed 720 plays both training days, the digests, the survey and the scorecard in about five',
  'minutes; --speed 10 --start 08:40 leaves time to sign in and submit homework yourself.',
  'Needs MONGODB_URI and REDIS_URL (use a scratch database: the demo writes to it).',
].join('\n');

/** The demo's options, parsed; a string is what was wrong. */
export function parseDemoArgs(args: string[]): { speed: number; start?: string; trainees: number } | string {
  const parsed = strictArgs(args, { speed: { type: 'string' }, start: { type: 'string' }, trainees: { type: 'string' } });
  if (typeof parsed === 'string') return parsed;
  const value = (flag: string) => parsed[flag.slice(2)];
  const speedText = value('--speed');
  const speed = speedText === undefined ? 1 : Number(speedText);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100_000) return '--speed must be a number above 0';
  const start = value('--start');
  if (start !== undefined && (!/^\d{2}:\d{2}$/.test(start) || parseClock(start) === null)) return '--start must be HH:mm, e.g. 08:40';
  const traineesText = value('--trainees');
  const trainees = traineesText === undefined ? 20 : Number(traineesText);
  if (!Number.isInteger(trainees) || trainees < 1 || trainees > 200) return '--trainees must be a whole number from 1 to 200';
  return { speed, start, trainees };
}

/**
 * The demo's simulated clock: it reads its start until `run()`, then runs `speed` times faster
 * than real time from that instant, so starting up does not eat into the simulated morning.
 * Nothing is planned on it before it runs.
 */
class HeldClock implements Clock {
  private running: ScaledClock | null = null;

  constructor(
    private readonly start: Date,
    /** Read by the web chat's page to run its own clock display, and by the platforms' stamps. */
    readonly speed: number,
  ) {}

  now(): Date {
    return this.running ? this.running.now() : new Date(this.start.getTime());
  }

  at(real: Date): Date {
    return this.running ? this.running.at(real) : new Date(this.start.getTime());
  }

  msUntil(at: Date): number {
    return this.running ? this.running.msUntil(at) : Math.max(0, (at.getTime() - this.start.getTime()) / this.speed);
  }

  /** Starts the clock; returns it as the ScaledClock other processes can share (SIMULATED_CLOCK). */
  run(): ScaledClock {
    this.running ??= new ScaledClock(this.start, Date.now(), this.speed);
    return this.running;
  }
}

/** A running demo and how to stop it. */
export interface RunningDemo {
  url: string;
  stop(): Promise<void>;
}

/** `cohort-bot demo`: see USAGE. Returns the running demo, or an exit code when it did not start. */
export async function runDemoCommand(
  args: string[],
  io: { env: NodeJS.ProcessEnv; out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { env: process.env, out: process.stdout, err: process.stderr },
): Promise<RunningDemo | number> {
  const options = parseDemoArgs(args);
  if (typeof options === 'string') {
    io.err.write(`${options}\n${USAGE}\n`);
    return 2;
  }
  // The demo always runs the web chat; its logs stay quiet unless LOG_LEVEL asks for more.
  const env: NodeJS.ProcessEnv = { ...io.env, BOT_PLATFORM: 'web', LOG_LEVEL: io.env.LOG_LEVEL || 'warn' };
  const simulated = options.speed !== 1 || options.start !== undefined;
  const config: Config = loadConfig(env);
  let held: HeldClock | null = null;
  if (simulated) {
    const startAt = DateTime.now().setZone(config.TZ_DEFAULT).startOf('day').plus({ minutes: parseClock(options.start ?? '08:20')! });
    held = new HeldClock(startAt.toJSDate(), options.speed);
  }
  const clock: Clock = held ?? clockFrom(config.SIMULATED_CLOCK);
  const log = createLogger(config.LOG_LEVEL);
  const adapter = new WebChatAdapter({
    host: config.WEB_HOST,
    port: config.WEB_PORT,
    mongoUri: config.MONGODB_URI,
    botName: config.BOT_NAME,
    timezone: config.TZ_DEFAULT,
    clock,
    log,
  });
  const bot = await startBotRuntime(config, adapter, clock, log);
  let worker: WorkerRuntime;
  try {
    // One process: the bot serves /healthz on HEALTH_PORT; the workers take any free port.
    worker = await startWorkerRuntime({ ...config, HEALTH_PORT: 0 }, clock, log);
  } catch (err) {
    await bot.stop();
    throw err;
  }
  const stop = async () => {
    await worker.stop();
    await bot.stop();
  };
  try {
    // A new simulated time line starts a new cohort: the old one's jobs were planned on another.
    // The simulated day starts now that everything is up, not while MongoDB and Redis were
    // connecting; jobs are planned after, on the running clock, so they fire when it says.
    const running = held?.run();
    const demo = (await stageWebDemo(bot, adapter, { trainees: options.trainees, mode: simulated ? 'fresh' : 'reuse' }))!;
    const c = demo.cohort;
    const lines = [
      `demo cohort ${c.code}: ${c.name}, ${c.startDate} to ${c.endDate}, ${demo.trainees} trainees, ${demo.sessions} sessions, plan approved` +
        (demo.created ? `, ${demo.jobs} jobs planned` : ' (kept from an earlier run)'),
      running
        ? `clock: simulated, ${options.speed}x real time from ${DateTime.fromJSDate(running.start, { zone: config.TZ_DEFAULT }).toFormat('MM-dd HH:mm')} (${config.TZ_DEFAULT}); more workers can join it with SIMULATED_CLOCK=${running.toString()}`
        : 'clock: real time (sessions 09:00-12:00 and 14:00-17:00; sign-in opens 30 minutes before)',
      `the bot and the workers run here; open the web chat in a browser${/^(127\.|localhost$|::1$)/.test(config.WEB_HOST) ? ' on this machine' : ''}:`,
      adapter.url,
      'Ctrl+C stops the demo.',
    ];
    io.out.write(`${lines.join('\n')}\n`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: adapter.url, stop };
}

/** Help text of `cohort-bot demo`. */
export const DEMO_HELP = USAGE;
