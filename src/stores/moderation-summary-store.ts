import type { Connection } from 'mongoose';
import type { ModerationRecord } from '../domain/types';
import { moderationSummaryModel, type CohortSummaryDoc } from './models/cohort-summary.model';
import { CohortSummaryStore, summaryDocument, type SummaryShape } from './roster-summary-store';

/** What the digest reads of one moderation action: its kind, when, and whether it was undone. */
export type ModerationEntry = Pick<ModerationRecord, 'no' | 'kind' | 'at' | 'undoneAt'>;

type PackedAction = [no: number, kind: string, at: number, undoneAt: number | null];

/**
 * Every action of the cohort, oldest first. Each is kept (a few bytes), not counts per day: the
 * digest counts the actions of its day up to the instant it runs, which a per-day count cannot tell.
 */
const moderationShape: SummaryShape<ModerationEntry> = {
  rows: 'moderation_actions',
  projection: { no: 1, kind: 1, at: 1, undoneAt: 1 },
  entryOf: (row) => ({
    no: Number(row.no),
    kind: row.kind as ModerationRecord['kind'],
    at: row.at as Date,
    undoneAt: row.undoneAt instanceof Date ? row.undoneAt : undefined,
  }),
  pack: (e): PackedAction => [e.no, e.kind, e.at.getTime(), e.undoneAt ? e.undoneAt.getTime() : null],
  unpack(p) {
    const [no, kind, at, undoneAt] = p as PackedAction;
    return { no, kind: kind as ModerationRecord['kind'], at: new Date(at), undoneAt: undoneAt === null ? undefined : new Date(undoneAt) };
  },
  compare: (a, b) => a.at.getTime() - b.at.getTime() || a.no - b.no,
};

/** The stored document of a moderation summary revision, from the cohort's action rows as stored (bulk setup inserts these directly). */
export const moderationSummaryDocument = (cohortId: string, rev: number, actions: readonly Record<string, unknown>[], builtAt: Date): CohortSummaryDoc =>
  summaryDocument(moderationShape, cohortId, rev, actions, builtAt);

/**
 * Moderation summaries: per cohort, its actions as the daily digest counts them, kept by the
 * moderation log's writes (moderation-store.ts). Logging on the message path does not wait for
 * the summary (recordLater); the action's mark covers the moment in between.
 */
export class ModerationSummaryStore extends CohortSummaryStore<ModerationEntry> {
  constructor(conn: Connection) {
    super(conn, moderationSummaryModel(conn), moderationShape);
  }
}
