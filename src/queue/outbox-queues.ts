import { Cluster, type Redis } from 'ioredis';
import type { RedisClient } from './redis-connection';
import { accountOfOutboxQueue, OUTBOX_QUEUE } from './queue-names';

/** A Redis glob matching `text` literally. */
const globLiteral = (text: string): string => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/**
 * The outbox queues under `prefix`: the shared one and every account's that was ever used (a
 * queue that had a job or a worker keeps its `meta` key), shared first, then by name. Found
 * with SCAN (never KEYS), on every master of a cluster.
 */
export async function findOutboxQueues(redis: RedisClient, prefix: string): Promise<string[]> {
  const head = `${prefix}:`;
  const match = `${globLiteral(head)}${OUTBOX_QUEUE}*:meta`;
  // A cluster client knows its masters once connected: the first command waits for that.
  if (redis instanceof Cluster) await redis.ping();
  const nodes: Redis[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const names = new Set<string>([OUTBOX_QUEUE]);
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', match, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const name = key.slice(head.length, -':meta'.length);
        if (accountOfOutboxQueue(name) !== null && !name.includes(':')) names.add(name);
      }
    } while (cursor !== '0');
  }
  return [OUTBOX_QUEUE, ...[...names].filter((n) => n !== OUTBOX_QUEUE).sort()];
}
