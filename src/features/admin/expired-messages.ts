import type { Logger } from '../../kernel/logger';
import type { BotDeps } from '../../pipeline/bot-deps';
import type { Platform } from '../../platform/chat-event';
import type { Outbox, OutboxItem } from '../../queue/outbox';
import { staffOf } from '../moderation';
import { expiredMessagesNotice } from './texts';

/** How long expiries are gathered before staff hear of them: a platform back from an outage drops several at once. */
export const EXPIRED_NOTICE_GATHER_MS = 3_000;

/** A message not sent because it expired, as staff will hear of it. */
interface Expired {
  groupId: string;
  what: string;
  jobId: string;
}

/** Where a notice goes: the stores to find the group's cohort and its staff, and the outbox to tell them. */
export interface ExpiredNoticeDeps {
  stores: Pick<BotDeps['stores'], 'bindings' | 'cohorts' | 'members' | 'admins'>;
  config: { ADMIN_IDS: string[] };
  outbox: Pick<Outbox, 'enqueue'>;
  platform: Platform;
  log: Logger;
}

/**
 * Tells a cohort's staff, privately, which scheduled messages to its groups were not sent
 * because they had lost their meaning by the time the platform could take them (a class
 * reminder after the class began). Expiries are gathered for a few seconds and told in one
 * message per cohort; a message to a group no cohort is bound to is only logged.
 */
export class ExpiredMessageNotices {
  private pending: Expired[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: ExpiredNoticeDeps,
    private readonly gatherMs = EXPIRED_NOTICE_GATHER_MS,
  ) {}

  /** Notes one expired outbox message; staff hear of it with the others of the next few seconds. */
  add(item: OutboxItem, jobId: string): void {
    this.deps.log.warn({ jobId, target: item.target.kind, what: item.expiry?.what }, 'outbox message expired before it could be sent; not sent');
    if (item.target.kind !== 'group' || !item.expiry) return;
    this.pending.push({ groupId: item.target.id, what: item.expiry.what, jobId });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, this.gatherMs);
  }

  /** Tells staff of everything noted so far (the timer calls it; stop calls it once more). */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const byCohort = new Map<string, Expired[]>();
    for (const e of batch) {
      try {
        const binding = await this.deps.stores.bindings.findByGroup(this.deps.platform, e.groupId);
        if (!binding) continue;
        byCohort.set(binding.cohortId, [...(byCohort.get(binding.cohortId) ?? []), e]);
      } catch (err) {
        this.deps.log.error({ err, jobId: e.jobId }, 'could not find the cohort of an expired message');
      }
    }
    for (const [cohortId, expired] of byCohort) {
      try {
        const cohort = await this.deps.stores.cohorts.findById(cohortId);
        if (!cohort) continue;
        const text = expiredMessagesNotice(cohort.name, expired.map((e) => e.what));
        // The first expired job names the notice: a repeated flush of the same batch sends it once.
        const key = `expired_${expired[0]!.jobId}`;
        for (const id of await staffOf(this.deps, cohort)) await this.deps.outbox.enqueue({ kind: 'private', id }, { text }, `${key}_${id.replace(/:/g, '_')}`, { cohortId });
      } catch (err) {
        this.deps.log.error({ err, cohortId }, 'could not tell staff of expired messages');
      }
    }
  }

  /** Stops gathering and tells staff of what is noted. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flushing;
    await this.flush();
  }
}
