import { Schema, type Connection } from 'mongoose';

/**
 * One homework's submissions as the digest reads them: every version's digest fields packed
 * into one JSON string (see session-summary.model.ts for why packed). A summary is replaced by
 * inserting its next revision (`_id` = `<homeworkId>:<rev>`, so two writers cannot both write
 * the same revision: the unique `_id` is the compare-and-swap FerretDB 1.24 serves, where an
 * update is a read then a write) and deleting the older ones; readers keep the highest.
 */
const homeworkSummarySchema = new Schema(
  {
    _id: { type: String, required: true },
    homeworkId: { type: Schema.Types.ObjectId, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
    rev: { type: Number, required: true },
    builtAt: { type: Date, required: true },
    /** JSON of `[platform, userId, version, submittedAt ms, late 0|1, score|null, reviewedAt ms|null][]`. */
    versions: { type: String, default: '[]' },
  },
  { collection: 'homework_summaries', versionKey: false },
);
homeworkSummarySchema.index({ homeworkId: 1, rev: 1 });
homeworkSummarySchema.index({ cohortId: 1 });

const buildHomeworkSummary = (conn: Connection) => conn.model('HomeworkSummary', homeworkSummarySchema);

/** Registers the model of one homework's submission summary. */
export function homeworkSummaryModel(conn: Connection): ReturnType<typeof buildHomeworkSummary> {
  return (conn.models.HomeworkSummary as ReturnType<typeof buildHomeworkSummary> | undefined) ?? buildHomeworkSummary(conn);
}
