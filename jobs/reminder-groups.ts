import type { OutgoingMessage } from '../src/platform/chat-event';
import type { MessageExpiry, Outbox } from '../src/queue/outbox';

/**
 * Queues one message to each of `groups` (a reminder's groups, carried in its payload), the
 * adds sent together rather than one round trip after another; `key` plus the group makes the
 * outbox id, as sendToCohortGroups makes it, so a retried or repeated reminder sends once.
 * Plain adds, not Outbox.enqueueBulk: a cohort has one or a few groups, and a bulk add wraps
 * them in MULTI/EXEC, which for one group costs three writes to Redis instead of one
 * (measured in bench/reminders.bench.ts).
 */
export async function sendToGroups(outbox: Pick<Outbox, 'enqueue'>, groups: readonly string[], message: OutgoingMessage, key: string, expiry?: MessageExpiry): Promise<number> {
  await Promise.all(groups.map((g) => outbox.enqueue({ kind: 'group', id: g }, message, `${key}_${g.replace(/:/g, '_')}`, expiry)));
  return groups.length;
}
