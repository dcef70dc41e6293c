/** Runs `cohort-bot bot` as a child process, configured only by environment, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/cohort-bot.js');

/** A running child process of the package command. */
export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
}

/** Starts `cohort-bot <command>` and resolves once its log says it started. */
export async function startBotProcess(command: 'bot' | 'worker', env: Record<string, string>, timeoutMs = 30_000): Promise<BotProcess> {
  if (!fs.existsSync(path.join(ROOT, 'dist/bots/cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-home-'));
  const child = spawn(process.execPath, [BIN, command], {
    cwd: ROOT,
    // Exports go to the child's own temporary HOME, never into the repository.
    // HEALTH_PORT 0: any free port, since several children run at once.
    env: { PATH: process.env.PATH ?? '', HOME: home, LOG_LEVEL: 'info', EXPORT_DIR: path.join(home, 'exports'), HEALTH_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const marker = command === 'bot' ? '"bot started"' : '"worker started"';
  const deadline = Date.now() + timeoutMs;
  while (!out.includes(marker)) {
    if (child.exitCode !== null) throw new Error(`cohort-bot ${command} exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`cohort-bot ${command} did not start within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => out, exited };
}

/** Starts `cohort-bot <args…>` and resolves with the process once its output matches `ready` (e.g. the demo's page address). */
export async function startCliProcess(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 60_000): Promise<BotProcess & { match: RegExpExecArray }> {
  if (!fs.existsSync(path.join(ROOT, 'dist/bots/cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-bot-home-'));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: home, EXPORT_DIR: path.join(home, 'exports'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  let match = ready.exec(out);
  while (!match) {
    if (child.exitCode !== null) throw new Error(`cohort-bot ${args.join(' ')} exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`cohort-bot ${args.join(' ')} was not ready within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
    match = ready.exec(out);
  }
  return { child, output: () => out, exited, match };
}

/** An IANA zone (Etc/GMT±N) in which the local hour is now `hour`, so a test's sessions never cross midnight. */
export function zoneWithLocalHour(hour: number, now = new Date()): string {
  let k = hour - now.getUTCHours();
  if (k < -12) k += 24;
  if (k > 14) k -= 24;
  if (k === 0) return 'Etc/GMT';
  return k > 0 ? `Etc/GMT-${k}` : `Etc/GMT+${-k}`;
}
