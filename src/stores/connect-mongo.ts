import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../kernel/logger';
import { DependencyUnavailableError } from '../kernel/dependency-unavailable-error';
import { watchMongoMonitor } from './mongo-monitor-watch';

const DEFAULT_POOL_SIZE = 10;
/** How long one operation waits for a usable server before it fails (an outage fails events, it does not hang them); shorter when the start-up wait is. */
const SERVER_SELECTION_TIMEOUT_MS = 15_000;
/** How long opening a socket (and the server check on it) may take. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Start-up wait when the caller names none. */
const DEFAULT_START_TIMEOUT_MS = 10_000;
/** Shortest server selection of an attempt at start-up, and how long before the deadline an attempt ends. */
const MIN_SELECTION_MS = 1_000;
const DEADLINE_MARGIN_MS = 300;
/** Pause between two attempts at start-up. */
const RETRY_PAUSE_MS = 500;

/** How a process opens MongoDB. */
export interface ConnectMongoOptions {
  /** How long to wait for the server at start-up before giving up with a one-line DependencyUnavailableError. */
  startTimeoutMs?: number;
  /** Given to long-running processes: the connection then recovers from a stuck server monitor (see watchMongoMonitor). */
  log?: Logger;
}

/**
 * Opens a dedicated MongoDB connection (no global mongoose state, so tests can hold several).
 * strictQuery drops unknown filter paths; stores coerce user text with String(), so a
 * message can never become a query operator. Waits up to `startTimeoutMs` for the server,
 * then fails with one line naming MONGODB_URI and the address. With a `log`, the connection
 * watches the driver's server monitor for the rest of its life and closes the watch with itself.
 */
export async function connectMongo(uri: string, options: ConnectMongoOptions = {}): Promise<Connection> {
  mongoose.set('strictQuery', true);
  // A bounded pool unless the URI sets one: a bot needs few connections, and FerretDB's
  // PostgreSQL backend can deadlock when a client keeps 50+ updates in flight at once.
  const maxPoolSize = /[?&]maxPoolSize=/i.test(uri) ? undefined : DEFAULT_POOL_SIZE;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const deadline = Date.now() + startTimeoutMs;
  let lastError: unknown;
  for (;;) {
    // An attempt ends just before the deadline with the driver's own error (refused, timed out), for the message.
    const selectionMs = Math.max(MIN_SELECTION_MS, Math.min(SERVER_SELECTION_TIMEOUT_MS, deadline - Date.now() - DEADLINE_MARGIN_MS));
    const conn = mongoose.createConnection(uri, {
      serverSelectionTimeoutMS: selectionMs,
      connectTimeoutMS: CONNECT_TIMEOUT_MS,
      autoIndex: false,
      maxPoolSize,
    });
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    try {
      const opened = await Promise.race([conn.asPromise(), outOfTime]);
      if (opened !== 'timeout') {
        if (options.log) {
          const watch = watchMongoMonitor(conn, options.log);
          conn.once('close', () => watch.stop());
        }
        return conn;
      }
    } catch (err) {
      lastError = err;
      if (!isUnreachable(err)) {
        await conn.close().catch(() => undefined);
        throw err;
      }
    } finally {
      clearTimeout(timer);
    }
    await conn.close().catch(() => undefined);
    if (Date.now() + RETRY_PAUSE_MS >= deadline) {
      throw new DependencyUnavailableError('MongoDB', 'MONGODB_URI', mongoAddress(uri), startTimeoutMs, lastError ?? 'no answer');
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }
}

/** True when the server could not be reached at all (as opposed to a bad URI, refused credentials, a bad option). */
function isUnreachable(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'MongooseServerSelectionError' || name === 'MongoServerSelectionError' || name === 'MongoNetworkError' || name === 'MongoNetworkTimeoutError';
}

/** The host list of a MongoDB URI, without credentials or options, for messages. */
export function mongoAddress(uri: string): string {
  const hosts = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)/.exec(uri)?.[1];
  return hosts || 'an unreadable address';
}
