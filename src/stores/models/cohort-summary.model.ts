import { Schema, type Connection, type Types } from 'mongoose';

/**
 * A write's mark, kept from just before the write of a summarised row (a member, a moderation
 * action, a session, a leave request, a homework) until a summary read after that write is
 * stored: a process that dies in between leaves its mark, and the daily digest sees it. Marks are
 * inserted and deleted, never updated, and the rows are never written by the summaries:
 * FerretDB 1.24 runs an update as a read then a write of the whole row, so a summary clearing a
 * flag on a row could put back a change another process made in between (see roster-summary-store.ts).
 */
const summaryMarkSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    /** The rows' collection (the summary the mark is for). */
    rows: { type: String, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'summary_marks', versionKey: false },
);
summaryMarkSchema.index({ rows: 1, cohortId: 1 });

const buildSummaryMark = (conn: Connection) => conn.model('SummaryMark', summaryMarkSchema);

/** Registers the model of the writes' marks (see summaryMarkSchema). */
export function summaryMarkModel(conn: Connection): ReturnType<typeof buildSummaryMark> {
  return (conn.models.SummaryMark as ReturnType<typeof buildSummaryMark> | undefined) ?? buildSummaryMark(conn);
}

/**
 * One cohort's summary of a collection's rows, as the daily digest reads them: the rows' digest
 * fields packed into one JSON string (see session-summary.model.ts for why packed). A summary is
 * replaced by inserting its next revision (`_id` = `<cohortId>:<rev>`: two writers cannot both
 * write the same revision, the compare-and-swap FerretDB 1.24 serves, where an update is a read
 * then a write) and deleting the older ones; readers keep the highest.
 */
const cohortSummarySchema = (collection: string) => {
  const schema = new Schema(
    {
      _id: { type: String, required: true },
      cohortId: { type: Schema.Types.ObjectId, required: true },
      rev: { type: Number, required: true },
      builtAt: { type: Date, required: true },
      /** JSON array of packed entries (see the store that keeps the collection). */
      entries: { type: String, default: '[]' },
    },
    { collection, versionKey: false },
  );
  schema.index({ cohortId: 1, rev: 1 });
  return schema;
};

const buildRosterSummary = (conn: Connection) => conn.model('RosterSummary', cohortSummarySchema('roster_summaries'));
const buildModerationSummary = (conn: Connection) => conn.model('ModerationSummary', cohortSummarySchema('moderation_summaries'));
const buildTimetableSummary = (conn: Connection) => conn.model('TimetableSummary', cohortSummarySchema('timetable_summaries'));
const buildLeaveSummary = (conn: Connection) => conn.model('LeaveSummary', cohortSummarySchema('leave_summaries'));
const buildHomeworkListSummary = (conn: Connection) => conn.model('HomeworkListSummary', cohortSummarySchema('homework_list_summaries'));

/** The stored shape of a cohort summary's revision (bulk setup may insert these directly). */
export type CohortSummaryDoc = {
  _id: string;
  cohortId: Types.ObjectId;
  rev: number;
  builtAt: Date;
  entries: string;
};

/** Registers the model of a cohort's roster summary (members as the digest reads them; roster-summary-store.ts). */
export function rosterSummaryModel(conn: Connection): ReturnType<typeof buildRosterSummary> {
  return (conn.models.RosterSummary as ReturnType<typeof buildRosterSummary> | undefined) ?? buildRosterSummary(conn);
}

/** Registers the model of a cohort's moderation summary (actions as the digest counts them; moderation-summary-store.ts). */
export function moderationSummaryModel(conn: Connection): ReturnType<typeof buildModerationSummary> {
  return (conn.models.ModerationSummary as ReturnType<typeof buildModerationSummary> | undefined) ?? buildModerationSummary(conn);
}

/** Registers the model of a cohort's timetable summary (every session as the digest reads it; session-store.ts). */
export function timetableSummaryModel(conn: Connection): ReturnType<typeof buildRosterSummary> {
  return (conn.models.TimetableSummary as ReturnType<typeof buildTimetableSummary> | undefined) ?? buildTimetableSummary(conn);
}

/** Registers the model of a cohort's leave summary (every request as the digest reads it; leave-store.ts). */
export function leaveSummaryModel(conn: Connection): ReturnType<typeof buildRosterSummary> {
  return (conn.models.LeaveSummary as ReturnType<typeof buildLeaveSummary> | undefined) ?? buildLeaveSummary(conn);
}

/** Registers the model of a cohort's homework list summary (every homework as the digest reads it; homework-store.ts). */
export function homeworkListSummaryModel(conn: Connection): ReturnType<typeof buildRosterSummary> {
  return (conn.models.HomeworkListSummary as ReturnType<typeof buildHomeworkListSummary> | undefined) ?? buildHomeworkListSummary(conn);
}
