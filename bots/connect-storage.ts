import type { Connection } from 'mongoose';
import type { RedisClient } from '../src/queue/redis-connection';
import type { Config } from '../src/kernel/load-config';
import type { Logger } from '../src/kernel/logger';
import { connectMongo } from '../src/stores/connect-mongo';
import { createRedis, waitForRedis } from '../src/queue/redis-connection';

/**
 * MongoDB and Redis for a long-running process, both waited for at once up to
 * CONNECT_TIMEOUT_SECONDS: a service that does not answer in time stops start-up with one
 * DependencyUnavailableError line naming its variable and address.
 */
export async function connectStorage(config: Config, log: Logger): Promise<{ conn: Connection; redis: RedisClient }> {
  const startTimeoutMs = config.CONNECT_TIMEOUT_SECONDS * 1000;
  const redis = createRedis(config.REDIS_URL, config.REDIS_CLUSTER_NODES);
  const [mongo, ready] = await Promise.allSettled([
    connectMongo(config.MONGODB_URI, { startTimeoutMs, log }),
    waitForRedis(redis, config.REDIS_URL, startTimeoutMs),
  ]);
  if (mongo.status === 'fulfilled' && ready.status === 'fulfilled') return { conn: mongo.value, redis };
  redis.disconnect();
  if (mongo.status === 'fulfilled') await mongo.value.close().catch(() => undefined);
  throw mongo.status === 'rejected' ? mongo.reason : (ready as PromiseRejectedResult).reason;
}
