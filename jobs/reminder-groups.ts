import type { OutgoingMessage } from '../src/platform/chat-event';
import type { MessageExpiry, Outbox } from '../src/queue/outbox';
import type { SessionReminderContent } from '../src/queue/job-catalogue';
import { plainTimeFormat, sessionReminderExpiry, sessionReminderText, type ReminderTimeFormat } from '../src/features/cohorts/reminder-texts';

/** One message as Outbox.enqueueBulk takes it. */
export type QueuedMessage = Parameters<Outbox['enqueueBulk']>[0][number];

/** The outbox id of a message to group `groupId` under `key`, as sendToCohortGroups makes it. */
export function groupMessageId(key: string, groupId: string): string {
  return `${key}_${groupId.replace(/:/g, '_')}`;
}

/** The outbox key of a session's reminder `minutes` before its start (the group is appended). */
export function sessionReminderOutboxKey(sessionId: string, startsAt: number, minutes: number): string {
  return `remind_${sessionId}_${startsAt}_${minutes}`;
}

/**
 * Queues one message to each of `groups` (a reminder's groups, carried in its payload), the
 * adds sent together rather than one round trip after another; `key` plus the group makes the
 * outbox id, as sendToCohortGroups makes it, so a retried or repeated reminder sends once.
 */
export async function sendToGroups(outbox: Pick<Outbox, 'enqueue'>, groups: readonly string[], message: OutgoingMessage, key: string, expiry?: MessageExpiry): Promise<number> {
  await Promise.all(groups.map((g) => outbox.enqueue({ kind: 'group', id: g }, message, groupMessageId(key, g), { expiry })));
  return groups.length;
}

/**
 * A session reminder's messages, one per group its content names: the text and expiry rendered
 * from the content alone, the ids those of every other way the same reminder is sent (the
 * per-reminder job of older plans included), so each group gets it once. `format`: how times
 * are written (a batch shares one that remembers them).
 */
export function sessionReminderMessages(sessionId: string, minutes: number, content: SessionReminderContent, format: ReminderTimeFormat = plainTimeFormat): QueuedMessage[] {
  const { session: s } = content;
  const session = { title: s.title, lecturerName: s.lecturerName, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) };
  const text = sessionReminderText(
    session,
    { timezone: content.timezone, settings: { signInOpensMinutes: content.signInOpensMinutes, arriveEarlyMinutes: content.arriveEarlyMinutes } },
    minutes,
    format,
  );
  const expiry = sessionReminderExpiry(session, content.timezone, minutes, format);
  const key = sessionReminderOutboxKey(sessionId, s.startsAt, minutes);
  return content.groups.map((g) => ({ target: { kind: 'group', id: g }, message: { text }, jobId: groupMessageId(key, g), expiry }));
}
