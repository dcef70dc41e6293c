import type { Logger } from '../kernel/logger';
import type { Platform } from '../platform/chat-event';
import type { Stores } from '../stores/create-stores';

/** A cohort is warmed at most this often; a read in between finds its parts kept or loading. */
const WARM_EVERY_MS = 30_000;
/** Attendance is read ahead for the sessions under way and those starting within this time. */
const SESSIONS_AHEAD_MS = 2 * 60 * 60_000;
/** Cohorts remembered as warmed; past this the memory starts over (a cohort is then warmed once more). */
const REMEMBERED_LIMIT = 10_000;

/**
 * Starts reading, all at once and in the background, every part of a cohort's hot state that
 * its group messages read (the cohort, roster, timetable, mutes, approved leave, word list, and
 * the attendance of its sessions under way or starting soon), when the cohort shows signs of
 * use: a message in its group, or a message the bot sends there (the reminder before a session
 * precedes a burst of 签到). Otherwise the first message after a quiet spell waits for each
 * read in turn, and every message of its group queues behind it.
 *
 * Only for a process that keeps hot state: the reads are kept and stay true, so warming again a
 * cohort whose parts are kept reads nothing.
 */
export class CohortWarmer {
  private readonly warmedAt = new Map<string, number>();
  private readonly reading = new Set<Promise<void>>();

  constructor(
    private readonly stores: Stores,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Warms the cohort unless a message did within the last WARM_EVERY_MS; `at` is the chat clock's now. */
  warm(cohortId: string, at: Date): void {
    const now = this.now();
    const last = this.warmedAt.get(cohortId);
    if (last !== undefined && now - last < WARM_EVERY_MS) return;
    if (this.warmedAt.size >= REMEMBERED_LIMIT) this.warmedAt.clear();
    this.warmedAt.set(cohortId, now);
    this.start(cohortId, at);
  }

  private start(cohortId: string, at: Date): void {
    this.track(this.read(cohortId, at).catch((err: unknown) => this.log.debug({ err, cohortId }, 'warming a cohort’s hot state failed; its messages read it themselves')));
  }

  /** Resolves once the reads started so far have ended. */
  async idle(): Promise<void> {
    while (this.reading.size > 0) await Promise.all(this.reading);
  }

  /**
   * Warms the cohort a group is bound to, if any, whenever the bot sends there (sends to a group
   * are few, and held to its budget): a session's reminder comes after a message warmed the
   * cohort for the sessions of that moment, and the session it announces needs its list read.
   */
  warmGroup(platform: Platform, groupId: string, at: Date): void {
    this.track(
      this.stores.bindings.findByGroup(platform, groupId).then(
        (binding) => void (binding && this.start(binding.cohortId, at)),
        (err: unknown) => this.log.debug({ err, groupId }, 'reading a group’s binding to warm its cohort failed'),
      ),
    );
  }

  private track(reading: Promise<void>): void {
    const tracked = reading.finally(() => this.reading.delete(tracked));
    this.reading.add(tracked);
  }

  private async read(cohortId: string, at: Date): Promise<void> {
    const { stores } = this;
    const sessions = stores.sessions.listOverlapping(cohortId, at, new Date(at.getTime() + SESSIONS_AHEAD_MS));
    await Promise.all([
      stores.cohorts.findById(cohortId),
      stores.members.listByCohort(cohortId),
      stores.moderation.listActiveMutes(cohortId, at),
      // Every approved request of the cohort is one part; the day only filters what is returned.
      stores.leave.listApprovedForDay(cohortId, at.toISOString().slice(0, 10)),
      stores.cohortWords.list(cohortId),
      sessions.then((list) => Promise.all(list.map((s) => stores.attendance.listBySession(s.id)))),
    ]);
  }
}
