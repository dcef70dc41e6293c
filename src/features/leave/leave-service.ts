import type { Platform } from '../../platform/chat-event';
import type { Cohort, Session } from '../../domain/types';
import type { LeaveStore } from '../../stores/leave-store';

/** Answers whether approved leave covers a session (SPEC §3.2: approved leave is not absence). */
export class LeaveService {
  constructor(private readonly leave: LeaveStore) {}

  /** Trainees whose approved leave covers the session: the whole day, or that session. */
  async approvedFor(cohort: Pick<Cohort, 'id'>, session: Pick<Session, 'id' | 'day'>): Promise<Set<string>> {
    const approved = await this.leave.listApprovedForDay(cohort.id, session.day);
    return new Set(approved.filter((l) => !l.sessionId || l.sessionId === session.id).map((l) => l.userId));
  }

  async hasApprovedLeave(cohort: Pick<Cohort, 'id'>, session: Pick<Session, 'id' | 'day'>, _platform: Platform, userId: string): Promise<boolean> {
    return (await this.approvedFor(cohort, session)).has(userId);
  }
}
