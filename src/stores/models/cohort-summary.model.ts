import { Schema, type Connection, type Types } from 'mongoose';

/**
 * The marks a row carries from its write until its cohort's summary holds it: every write of a
 * summarised row (a member, a moderation action, a session, a leave request, a homework) sets both in the same command as the row's own
 * change, so a process that dies before the summary is written leaves the row marked, and the
 * daily digest sees it. `summaryMark` is unique per write: clearing a mark names the one it saw,
 * so a later write's mark stays. The fields sit outside the rows' schemas (written with
 * `strict: false`, read and cleared through the driver), being the summaries' business only.
 */
export const SUMMARY_PENDING = 'summaryPending';
/** See SUMMARY_PENDING. */
export const SUMMARY_MARK = 'summaryMark';

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
