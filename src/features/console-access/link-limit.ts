import { createHash } from 'node:crypto';
import type { Platform } from '../../platform/chat-event';
import type { RedisClient } from '../../queue/redis-connection';

/** Sign-in links one person may have per hour. */
export const CONSOLE_LINKS_PER_HOUR = 5;

/** The Redis key counting one person's links this hour (the user id hashed: keys carry no ids). */
export function linkRequestKey(prefix: string, platform: Platform, userId: string): string {
  return `${prefix}:console-link:${platform}:${createHash('sha256').update(userId, 'utf8').digest('hex').slice(0, 24)}`;
}

/**
 * Counts one #后台 link for a person and says whether it is within `limit` for the current hour
 * (the hour starts with their first link). The counter lives in Redis, so it holds across
 * restarts and for every bot process alike.
 */
export async function takeLinkRequest(redis: RedisClient, prefix: string, platform: Platform, userId: string, limit = CONSOLE_LINKS_PER_HOUR): Promise<boolean> {
  const key = linkRequestKey(prefix, platform, userId);
  // One transaction: the window is created with its expiry, then counted, so a counter never lives on without one.
  const replies = await redis.multi().set(key, '0', 'EX', 3600, 'NX').incr(key).exec();
  const [err, count] = replies?.[1] ?? [new Error('console link counter: empty transaction reply'), 0];
  if (err) throw err;
  return Number(count) <= limit;
}
