import { defineJob } from './job-definition';
import { sessionReminderMessages, type QueuedMessage } from './reminder-groups';
import { rememberingTimeFormat } from '../src/features/cohorts/reminder-texts';
import { remindSessionsJobId } from '../src/features/cohorts/session-planner';
import { sessionReminderEntry } from '../src/queue/job-catalogue';

/** Reminders rendered per bulk add: the outbox starts on the first ones while the rest are rendered. */
const REMINDERS_PER_ADD = 100;
/** Reads of the batch per run: the first, and again while planners keep adding to it. */
const MAX_PASSES = 5;

/**
 * Every session reminder that falls at `at`, of every cohort, 30 and 5 minutes before its
 * session: reads the batch the planner keeps for that instant (each reminder's groups and text
 * inputs, planned again on every change), queues their messages with bulk adds to the outbox
 * (a hundred reminders per add) and takes out what it read; an entry a planner put in or
 * replaced meanwhile stays and is sent by another pass over the batch. Reads no store. The outbox ids are the
 * reminders' own, so a retried run, or an older per-reminder job of the same reminder, sends
 * each message once. An entry that does not parse or belongs to another instant is left out and
 * logged, not allowed to hold the others back.
 */
export const remindSessionsJob = defineJob('remind-sessions', async ({ at }, deps) => {
  const batchId = remindSessionsJobId(new Date(at));
  const format = rememberingTimeFormat();
  const skipped: string[] = [];
  let reminders = 0;
  let messages = 0;
  // Entries a planner put in or replaced while this run was sending are sent by the next pass, not dropped.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const entries = [...(await deps.scheduler.readBatch(batchId))];
    if (entries.length === 0) break;
    let adding: Promise<void> = Promise.resolve();
    for (let i = 0; i < entries.length; i += REMINDERS_PER_ADD) {
      const chunk: QueuedMessage[] = [];
      for (const [key, raw] of entries.slice(i, i + REMINDERS_PER_ADD)) {
        const parsed = sessionReminderEntry.safeParse(raw);
        const entry = parsed.success ? parsed.data : null;
        if (!entry || entry.content.session.startsAt - entry.minutes * 60_000 !== at) {
          skipped.push(key);
          continue;
        }
        reminders++;
        for (const m of sessionReminderMessages(entry.sessionId, entry.minutes, entry.content, format)) chunk.push(m);
      }
      // One add in flight while the next hundred are rendered.
      await adding;
      adding = deps.outbox.enqueueBulk(chunk);
      messages += chunk.length;
    }
    await adding;
    if ((await deps.scheduler.takeFromBatch(batchId, new Map(entries))) === 0) break;
  }
  if (skipped.length > 0) deps.log.warn({ batchId, skipped }, 'session reminders left out of their batch');
  return { reminders, messages, ...(skipped.length > 0 ? { skipped } : {}) };
});
