/** Starts the real bot runtime in-process against a Wechaty harness, for e2e tests. */
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/kernel/load-config';
import type { Clock } from '../../src/kernel/clock';
import { WechatyAdapter } from '../../src/platform/wechaty/wechaty-adapter';
import { startBotRuntime, type BotRuntime } from '../../bots/bot-runtime';
import { startWorkerRuntime, type WorkerRuntime } from '../../bots/worker-runtime';
import type { WechatyHarness } from './wechaty-harness';
import { mongoUriFor, redisUrl, uniqueName } from './test-env';

/** A silent logger for tests (set TEST_LOG=debug to see the bot's logs). */
export const testLog = pino({ level: process.env.TEST_LOG ?? 'silent' });

/** Configuration of one test file: its own database and queue prefix. */
export function testConfig(label: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    MONGODB_URI: mongoUriFor(label),
    REDIS_URL: redisUrl(),
    QUEUE_PREFIX: uniqueName(label),
    STALE_MESSAGE_SECONDS: '0',
    SIGNIN_BOARD_INTERVAL_MS: '300',
    BOT_LOGIN_TIMEOUT_SECONDS: '20',
    EXPORT_DIR: path.join(os.tmpdir(), `cohort-bot-exports-${label}`),
    // Any free port: several runtimes run at once across test files.
    HEALTH_PORT: '0',
    ...env,
  });
}

/** Connects the production bot runtime to the harness over gRPC. */
export async function startTestBot(harness: WechatyHarness, config: Config, clock: Clock): Promise<BotRuntime> {
  const adapter = new WechatyAdapter({
    endpoint: harness.endpoint,
    token: harness.token,
    loginTimeoutMs: config.BOT_LOGIN_TIMEOUT_SECONDS * 1000,
    clock,
    log: testLog,
  });
  return startBotRuntime(config, adapter, clock, testLog);
}

/** Starts a worker process's runtime in-process. */
export async function startTestWorker(config: Config, clock: Clock): Promise<WorkerRuntime> {
  return startWorkerRuntime(config, clock, testLog);
}
