import { ConfigError, loadConfig, requirePlatformConfig } from '../src/kernel/load-config';
import { DependencyUnavailableError } from '../src/kernel/dependency-unavailable-error';
import { clockFrom } from '../src/kernel/clock';
import pino from 'pino';
import { createLogger } from '../src/kernel/logger';
import { throttleConnectionErrors } from '../src/kernel/connection-error-throttle';
import { startBotRuntime } from './bot-runtime';
import { createAdapter } from './create-adapter';
import { DEMO_HELP } from './demo-command';
import { WebChatAdapter } from '../src/platform/web/web-chat-adapter';
import { startWorkerRuntime } from './worker-runtime';

const IMPORT_HELP = [
  'usage: cohort-bot import timetable <cohort-code> <file.xlsx|file.csv>',
  '',
  'Imports sessions from the first sheet (or a CSV) whose header row is 日期, 开始, 结束, 课程, 讲师 (讲师 optional).',
  'All or nothing: bad rows are reported with their row numbers. Needs MONGODB_URI and REDIS_URL.',
].join('\n');

const EXPORT_HELP = [
  'usage: cohort-bot export <cohort-code> <签到表|成绩表|反馈表|回访|档案> [--out <dir>]',
  '',
  'Writes a cohort archive as an .xlsx workbook and prints its path: 签到表 (a sheet per session),',
  '成绩表 (scores, ranks, tiers), 反馈表 (anonymous feedback), 回访 (follow-up visits and registration',
  'forms) or 档案 (all of them, with the outstanding trainees). Phone numbers are masked.',
  'Writes into --out, else EXPORT_DIR (default ./exports). Needs MONGODB_URI.',
].join('\n');

const HELP: Record<string, string> = {
  import: IMPORT_HELP,
  export: EXPORT_HELP,
  'seed-demo': 'usage: cohort-bot seed-demo [--trainees <n>] [--group <group id>]\n\nCreates a demo cohort: approved plan, two days of sessions from today, a lecturer, staff\n(the first ADMIN_IDS entry) and n trainees (default 20) with registration forms; binds it to\nthe group of BOT_PLATFORM when given, and plans its reminders and closings. Prints the cohort\ncode. Needs MONGODB_URI and REDIS_URL.',
  demo: DEMO_HELP,
  admin: 'usage: cohort-bot admin invite [--minutes <n>]\n\nPrints a one-time code that makes whoever sends it to the bot privately an administrator\n(staff and office rights everywhere, like ADMIN_IDS): they send `#认领管理员 <code>`. The code is\nstored hashed, works once and expires after n minutes (default 30). Needs MONGODB_URI.',
  jobs: 'usage: cohort-bot jobs [--failed <n>]\n\nShows each queue (work, outbox): jobs waiting, delayed, active, failed and completed,\nthe next delayed jobs, the latest <n> failures with their reasons (default 10), and the repeating jobs.\nNeeds REDIS_URL (and MONGODB_URI, as every command).',
  '': [
    'usage: cohort-bot <command> [options]',
    '',
    'commands:',
    '  bot        run the chat bot (BOT_PLATFORM=wechaty|dingtalk|web)',
    '  worker     run the job workers',
    '  moderate   read messages from stdin, one per line; write one JSON verdict per line',
    '  import     import a timetable from an .xlsx or .csv file',
  '  export     write a cohort archive (sign-in sheets, scores, feedback, follow-ups) as .xlsx',
    '  jobs       the queues: waiting, delayed, failed, and the repeating jobs',
    '  seed-demo  create a demo cohort (approved plan, timetable from today, trainees)',
    '  demo       the bot on the built-in web chat, the workers and a demo cohort, in one process',
    '  admin      `admin invite`: a one-time code that makes its sender an administrator',
    '  console    the staff console (web pages; sign-in with a one-time link from #后台)',
    '',
    'Run `cohort-bot <command> --help` for its options. Configuration comes from the environment (see README).',
  ].join('\n'),
  console:
    'usage: cohort-bot console\n\nServes the staff console on CONSOLE_HOST:CONSOLE_PORT (127.0.0.1:8090): cohorts, attendance,\nhomework, points, leave and moderation decisions, exports and the job queues. Staff sign in with\nthe one-time link the bot sends for #后台 (links start with CONSOLE_PUBLIC_URL). Needs MONGODB_URI,\nREDIS_URL and CONSOLE_SECRET (at least 32 characters; without it every page says the console is\nnot set up); a bot process sends the console\'s notices.',
  bot: 'usage: cohort-bot bot\n\nRuns the chat bot. Needs MONGODB_URI, REDIS_URL and the platform variables\n(WECHATY_PUPPET_SERVICE_TOKEN and WECHATY_PUPPET_SERVICE_ENDPOINT for wechaty). With no platform\ncredentials it runs the built-in web chat (BOT_PLATFORM=web) on WEB_HOST:WEB_PORT (127.0.0.1:8080),\nand on an empty database stages the demo cohort there (DEMO_SEED=0 turns that off).',
  worker: 'usage: cohort-bot worker\n\nRuns the scheduled and background jobs. Needs MONGODB_URI and REDIS_URL.\nRun as many worker processes as you like; each job runs once.',
  moderate: 'usage: cohort-bot moderate [--lexicon <path>[,<path>…]]\n\nReads messages from stdin, one per line, and writes one JSON object per line:\n{"text","flagged","categories","matches":[{"word","category","start","end"}],"action"}.\nNeeds no database or Redis. Without --lexicon: MODERATION_LEXICON, else the built-in starter list.',
};

/** Stops on SIGINT/SIGTERM, once, in order. */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`received ${signal}, shutting down\n`);
    stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        process.stderr.write(`shutdown failed: ${String(err)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

/**
 * The one line printed when a command cannot start or run: the message of a configuration or
 * dependency error as it is (it names the variable), else the first line of any other error.
 */
export function startFailure(err: unknown): string {
  if (err instanceof ConfigError || err instanceof DependencyUnavailableError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `cohort-bot failed: ${message.split('\n')[0]?.trim() ?? ''}`;
}

/** Runs a `cohort-bot` subcommand; returns the exit code for commands that finish. */
export async function main(argv: string[]): Promise<number | null> {
  const [command = '', ...rest] = argv;
  if (command === '' || command === '--help' || command === '-h' || rest.includes('--help') || rest.includes('-h')) {
    const text = HELP[command === '--help' || command === '-h' ? '' : command];
    if (text === undefined) {
      process.stderr.write(`unknown command: ${command}\n${HELP['']}\n`);
      return 2;
    }
    process.stdout.write(`${text}\n`);
    return 0;
  }
  if (command === 'seed-demo') {
    const { runSeedDemoCommand } = await import('./seed-demo-command');
    return runSeedDemoCommand(rest);
  }
  if (command === 'admin') {
    const { runAdminCommand } = await import('./admin-command');
    return runAdminCommand(rest);
  }
  if (command === 'demo') {
    const { runDemoCommand } = await import('./demo-command');
    const demo = await runDemoCommand(rest);
    if (typeof demo === 'number') return demo;
    onShutdown(() => demo.stop());
    return null;
  }
  if (command === 'jobs') {
    const { runJobsCommand } = await import('./jobs-command');
    return runJobsCommand(rest);
  }
  if (command === 'import') {
    const { runImportCommand } = await import('./import-command');
    return runImportCommand(rest);
  }
  if (command === 'export') {
    const { runExportCommand } = await import('./export-command');
    return runExportCommand(rest);
  }
  if (command === 'moderate') {
    const { runModerateCommand } = await import('./moderate-command');
    return runModerateCommand(rest);
  }
  if (command === 'console') {
    if (rest.length > 0) {
      process.stderr.write(`unknown option: ${rest[0] ?? ''}\n${HELP.console ?? ''}\n`);
      return 2;
    }
    const { startConsoleRuntime } = await import('./console-command');
    const config = loadConfig();
    const log = createLogger(config.LOG_LEVEL, throttleConnectionErrors(pino.destination(1)));
    const runtime = await startConsoleRuntime(config, clockFrom(config.SIMULATED_CLOCK), log);
    onShutdown(() => runtime.stop());
    return null;
  }
  if (command !== 'bot' && command !== 'worker') {
    process.stderr.write(`unknown command: ${command}\n${HELP['']}\n`);
    return 2;
  }
  const config = loadConfig();
  // During an outage every event fails with the same connection error: a few examples, then a count.
  const log = createLogger(config.LOG_LEVEL, throttleConnectionErrors(pino.destination(1)));
  if (command === 'bot') {
    requirePlatformConfig(config);
    const clock = clockFrom(config.SIMULATED_CLOCK);
    const adapter = createAdapter(config, log, clock);
    // A lost platform session that does not come back ends the process non-zero: the restart policy starts it again.
    const runtime = await startBotRuntime(config, adapter, clock, log, { exit: (code) => process.exit(code) });
    onShutdown(() => runtime.stop());
    if (config.DEMO_SEED && adapter instanceof WebChatAdapter) {
      // A web chat on an empty database gets the demo cohort, so the page has something to show.
      const { stageWebDemo } = await import('./demo-command');
      const demo = await stageWebDemo(runtime, adapter, { trainees: 20, mode: 'when-empty' });
      if (demo) log.info({ cohort: demo.cohort.code, jobs: demo.jobs }, `demo cohort ${demo.cohort.name} staged in the web chat's class group (DEMO_SEED=0 turns this off)`);
    }
    return null;
  }
  // An outage of MongoDB or Redis longer than OUTAGE_LIMIT_SECONDS ends the process non-zero: the restart policy starts it again.
  const runtime = await startWorkerRuntime(config, clockFrom(config.SIMULATED_CLOCK), log, { exit: (code) => process.exit(code) });
  onShutdown(() => runtime.stop());
  return null;
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => {
      if (code !== null) process.exitCode = code;
    })
    .catch((err: unknown) => {
      process.stderr.write(`${startFailure(err)}\n`);
      process.exit(1);
    });
}
