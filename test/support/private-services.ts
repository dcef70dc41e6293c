/**
 * A test file's own Redis and FerretDB, which it may stop and start again without disturbing
 * the other test files running beside it: faults are injected from outside, as an operator's
 * outage would be.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { freePort } from './wechaty-harness';

const FERRETDB_SCRIPT = path.join(REPO_ROOT, 'scripts/ferretdb.sh');

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`, or fails after `timeoutMs`. */
async function waitForPort(port: number, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A redis-server child on a free loopback port, with no persistence; `stop` and `start` keep the port. */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  /** Starts the server (again) on the same port. */
  start(): Promise<void>;
  /** Kills the server and waits for it to be gone. */
  stop(): Promise<void>;
}

/** Starts a private redis-server (`redis-server` on the PATH). */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child) return;
      const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
        stdio: 'ignore',
      });
      child = started;
      started.once('exit', () => {
        if (child === started) child = null;
      });
      await waitForPort(port, 'redis-server');
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGKILL');
      await gone;
      child = null;
    },
  };
  await redis.start();
  return redis;
}

/** A FerretDB of the test file's own (scripts/ferretdb.sh); `stop` keeps its data and port for `restart`. */
export interface PrivateFerret {
  /** Its state directory (pid, port, log). */
  readonly dir: string;
  /** mongodb://127.0.0.1:port/ (no database name). */
  readonly uri: string;
  /** The same URI with database `name`. */
  uriFor(name: string): string;
  /** Takes the server away, keeping its data and port (an outage). */
  stop(): Promise<void>;
  /** Brings the same server back on the same port with the same data. */
  restart(): Promise<void>;
  /** Stops it for good and drops its data. */
  destroy(): Promise<void>;
}

/** Starts a private FerretDB in a temporary state directory. */
export async function startPrivateFerret(): Promise<PrivateFerret> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-ferret-'));
  const script = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      execFile('bash', [FERRETDB_SCRIPT, ...args, '--dir', dir], { encoding: 'utf8' }, (err, stdout, stderr) =>
        err ? reject(new Error(`ferretdb.sh ${args.join(' ')} failed: ${stderr}`)) : resolve(stdout),
      );
    });
  const stdout = await script('start');
  const uri = /MONGODB_URI=(\S+)/.exec(stdout)?.[1]?.replace(/^'|'$/g, '');
  if (!uri) throw new Error(`no URI from ferretdb.sh start:\n${stdout}`);
  return {
    dir,
    uri,
    uriFor: (name) => `${uri.replace(/\/$/, '')}/${name}`,
    stop: async () => {
      await script('stop', '--keep');
    },
    restart: async () => {
      await script('restart');
    },
    destroy: async () => {
      await script('stop');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
