/** Redis memory as a benchmark sees it: the server's used_memory, and the bytes held under one key prefix. */
import type { Redis } from 'ioredis';

/** INFO memory `used_memory` in bytes (the whole server: other clients' keys count too). */
export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  const m = /^used_memory:(\d+)/m.exec(info);
  if (!m) throw new Error('INFO memory has no used_memory');
  return Number(m[1]);
}

/** Keys under `match` (a SCAN pattern) and the sum of their MEMORY USAGE, i.e. what this run alone holds. */
export async function prefixMemory(redis: Redis, match: string): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    if (batch.length === 0) continue;
    const pipeline = redis.pipeline();
    for (const key of batch) pipeline.memory('USAGE', key, 'SAMPLES', 0);
    const replies = (await pipeline.exec()) ?? [];
    for (const [err, value] of replies) {
      if (!err && typeof value === 'number') bytes += value;
    }
    keys += batch.length;
  } while (cursor !== '0');
  return { keys, bytes };
}
