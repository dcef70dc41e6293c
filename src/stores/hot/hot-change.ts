import type { Attendance } from '../../domain/types';
import type { Platform } from '../../platform/chat-event';

/**
 * What a write changed, as every process that keeps hot state needs to hear it: the parts of
 * a cohort to reload, a group's binding, sessions by id (the receiver knows their cohort), a
 * new attendance record to add in place, or a leave decision (nothing kept changes: listeners act).
 */
export type HotChange =
  | { kind: 'cohort'; cohortId: string; parts: CohortPart[] }
  | { kind: 'binding'; platform: Platform; groupId: string }
  | { kind: 'sessions'; sessionIds: string[] }
  | { kind: 'attendance'; sessionIds: string[] }
  | { kind: 'attendance-record'; record: Attendance }
  /** A leave request of the cohort was decided: its approved leave is read again, and boards that show who is 请假 are shown again. */
  | { kind: 'leave-decided'; cohortId: string };

/** The parts of a cohort's hot state that are loaded and dropped together. */
export type CohortPart = 'cohort' | 'sessions' | 'members' | 'mutes' | 'leave' | 'words';

/** Carries changes between processes; a process does not hear its own. */
export interface ChangeFeed {
  publish(changes: HotChange[]): void;
  /** Calls `onChanges` for other processes' changes and `onGap` whenever some may have been missed. */
  subscribe(onChanges: (changes: HotChange[]) => void, onGap: () => void): Promise<void>;
  close(): Promise<void>;
}

/** For a process alone with its database (tests of one store, one-off commands). */
export const NO_FEED: ChangeFeed = {
  publish: () => undefined,
  subscribe: async () => undefined,
  close: async () => undefined,
};

/** Dates travel as ISO strings; this puts an attendance record's dates back. */
export function reviveChanges(raw: unknown): HotChange[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((c: HotChange) => {
    if (c.kind !== 'attendance-record') return c;
    const r = c.record as Attendance & Record<string, unknown>;
    const date = (v: unknown) => (typeof v === 'string' ? new Date(v) : undefined);
    return { kind: c.kind, record: { ...r, signedInAt: date(r.signedInAt), signedOutAt: date(r.signedOutAt) } };
  });
}
