import { Cluster, Redis } from 'ioredis';
import { DependencyUnavailableError } from '../kernel/dependency-unavailable-error';
import type { Logger } from '../kernel/logger';

/**
 * A connection to one Redis server or to a Redis Cluster: both serve BullMQ and every key the
 * bot uses. On a cluster every key starts with one hash tag (QUEUE_PREFIX is `{…}`, see
 * loadConfig), so multi-key commands, scripts and transactions stay in one slot.
 */
export type RedisClient = Redis | Cluster;

/**
 * Opens a Redis connection suitable for BullMQ (blocking commands must not time out): to the
 * server at `url`, or, when `clusterNodes` (`host:port` seeds) are given, to that Redis Cluster.
 * While Redis is away, ioredis reconnects on its own (every 2 s at most) and holds commands
 * until it is back; the connection errors it reports on every attempt are not logged here, one
 * by one: the process's liveness watch reports the outage once, and how long it lasted.
 */
export function createRedis(url: string): Redis;
export function createRedis(url: string, clusterNodes: readonly string[] | undefined): RedisClient;
export function createRedis(url: string, clusterNodes?: readonly string[]): RedisClient {
  const redis: RedisClient =
    clusterNodes && clusterNodes.length > 0
      ? new Cluster(clusterNodes.map(clusterNode), { enableReadyCheck: true, redisOptions: { maxRetriesPerRequest: null } })
      : new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  redis.on('error', () => undefined);
  return redis;
}

/** `host:port` (or a bare host) as ioredis's cluster seed. */
function clusterNode(node: string): { host: string; port: number } {
  const at = node.lastIndexOf(':');
  return at > 0 ? { host: node.slice(0, at), port: Number(node.slice(at + 1)) } : { host: node, port: 6379 };
}

/** `host:port` of a Redis URL, without credentials, for messages. */
export function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || '127.0.0.1'}:${parsed.port || '6379'}`;
  } catch {
    return 'an unreadable address';
  }
}

/** True for an error that only says the connection to Redis is down or was lost (not a refused command). */
export function isRedisConnectionError(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(code)) return true;
  return typeof message === 'string' && /Connection is closed|connect ECONNREFUSED|Stream isn't writeable/i.test(message);
}

/**
 * Resolves once `redis` is ready; after `timeoutMs` without it, rejects with a one-line
 * DependencyUnavailableError naming REDIS_URL, the address and the last connection error.
 */
export async function waitForRedis(redis: RedisClient, url: string, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  let lastError: unknown;
  const onError = (err: unknown) => {
    lastError = err;
  };
  redis.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onReady = resolve;
      redis.once('ready', onReady);
      timer = setTimeout(() => reject(new DependencyUnavailableError('Redis', 'REDIS_URL', redisAddress(url), timeoutMs, lastError)), timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    redis.off('error', onError);
    if (onReady) redis.off('ready', onReady);
  }
}

/**
 * The `error` listener for a BullMQ queue or worker: without one BullMQ prints every failed
 * reconnect to stderr. A lost connection is left to the liveness watch, which reports the
 * outage once; any other error is logged.
 */
export function queueErrorLogger(log: Logger, what: string): (err: Error) => void {
  return (err) => {
    if (!isRedisConnectionError(err)) log.warn({ err, queue: what }, 'queue error');
  };
}
