import type { Stores } from '../../stores/create-stores';
import type { BoardSource } from './sign-in-board';

/** What a sign-in board shows, read from the stores: the cohort's trainees and the session's records. */
export function boardSourceFrom(stores: Pick<Stores, 'members' | 'attendance'>): BoardSource {
  return {
    trainees: (cohortId) => stores.members.listWithRole(cohortId, 'trainee'),
    records: (sessionId) => stores.attendance.listBySession(sessionId),
  };
}
