import { Redis } from 'ioredis';

/** Opens a Redis connection suitable for BullMQ (blocking commands must not time out). */
export function createRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
