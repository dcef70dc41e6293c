/**
 * Requests between the sign-in bench and the processes it forks (the load generator and the bot
 * under test), over Node's child-process IPC channel, and the one clock all of them share.
 */
import { fork, type ChildProcess } from 'node:child_process';

/**
 * Milliseconds on the system's monotonic clock (CLOCK_MONOTONIC through process.hrtime), the
 * same in every process on the machine: a send time taken in the load generator and a store
 * time taken in the bot process can be subtracted.
 */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

type Handler = (payload: unknown) => Promise<unknown>;

interface Request {
  id: number;
  type: string;
  payload: unknown;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/**
 * Serves the parent's requests in a forked process. A handler that returns `exitAfterReply`
 * ends the process once its reply is on its way; losing the parent ends it too.
 */
export function serveParent(handlers: Record<string, Handler>): void {
  if (!process.send) throw new Error('this script is started by bench/sign-in.bench.ts (child_process.fork), not directly');
  const send = (reply: Reply, then?: () => void) => process.send!(reply, undefined, {}, () => then?.());
  process.on('message', (message: Request) => {
    const handler = handlers[message.type];
    if (!handler) {
      send({ id: message.id, ok: false, error: `unknown request ${message.type}` });
      return;
    }
    handler(message.payload).then(
      (result) => {
        if (result === EXIT_AFTER_REPLY) send({ id: message.id, ok: true, result: null }, () => process.exit(0));
        else send({ id: message.id, ok: true, result });
      },
      (err: unknown) => send({ id: message.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  });
  // The bench went away (crashed, killed): nothing is left to report to.
  process.on('disconnect', () => process.exit(1));
}

/**
 * Waits until this process has been idle — under `maxShare` of one core in each of two
 * consecutive `windowMs` windows — or `timeoutMs` has passed; resolves with the wait in ms.
 * Before a measurement starts, so work left over from start-up and setup (a client loading its
 * caches after login, index builds) is not counted.
 */
export async function waitUntilIdle({ windowMs = 500, maxShare = 0.1, timeoutMs = 60_000 } = {}): Promise<{ waitedMs: number; idle: boolean }> {
  const t0 = monoMs();
  let quiet = 0;
  while (monoMs() - t0 < timeoutMs) {
    const cpu = process.cpuUsage();
    const w0 = monoMs();
    await new Promise((r) => setTimeout(r, windowMs));
    const used = process.cpuUsage(cpu);
    const share = (used.user + used.system) / 1000 / (monoMs() - w0);
    quiet = share < maxShare ? quiet + 1 : 0;
    if (quiet >= 2) return { waitedMs: monoMs() - t0, idle: true };
  }
  return { waitedMs: monoMs() - t0, idle: false };
}

/** Returned by a handler to end the child after its reply. */
export const EXIT_AFTER_REPLY = Symbol('exit after reply');

/** A forked bench process and how to ask it things. */
export class ChildLink {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; type: string }>();
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(`${name} failed on ${waiting.type}: ${reply.error}`));
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        for (const [, waiting] of this.pending) waiting.reject(new Error(`${name} exited (${signal ?? code}) during ${waiting.type}`));
        this.pending.clear();
        resolve(this.exitCode);
      });
    });
  }

  /** Forks `script` (a compiled .js file) with an IPC channel; its stdout and stderr go to ours. */
  static fork(name: string, script: string, env: NodeJS.ProcessEnv, execArgv: string[] = []): ChildLink {
    const child = fork(script, [], { env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new ChildLink(name, child);
  }

  /** The child's process id. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Sends one request and resolves with the child's answer; fails after `timeoutMs`. */
  request<T>(type: string, payload: unknown = null, timeoutMs = 60_000): Promise<T> {
    if (this.exitCode !== undefined) return Promise.reject(new Error(`${this.name} has exited; cannot ${type}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name} did not answer ${type} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, {
        type,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, type, payload } satisfies Request);
    });
  }

  /** Asks the child to stop (request `stop`), then kills it if it has not exited within `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    if (this.exitCode === undefined) {
      await this.request('stop', null, graceMs).catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
  }

  /** Kills the child at once (after a failure elsewhere). */
  kill(): void {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
  }
}
