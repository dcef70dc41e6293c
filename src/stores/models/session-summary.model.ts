import { Schema, type Connection } from 'mongoose';

/**
 * One held session's attendance, written when the session closes (and again whenever it is
 * rebuilt from the raw rows): the counts and every record, packed into one JSON string. Keyed
 * by the session id, so closing twice leaves one summary. Packed because FerretDB 1.24 converts
 * every stored value on each read: one string per session reads about as fast as one small
 * document, where 50 sub-documents cost about 50 times that.
 */
const sessionSummarySchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
    day: { type: String, required: true },
    builtAt: { type: Date, required: true },
    places: { type: Number, required: true },
    onTime: { type: Number, required: true },
    late: { type: Number, required: true },
    absent: { type: Number, required: true },
    leave: { type: Number, required: true },
    /** JSON of `[platform, userId, status, minutesLate][]`, one entry per record. */
    records: { type: String, default: '[]' },
  },
  { collection: 'session_summaries', versionKey: false },
);
sessionSummarySchema.index({ cohortId: 1, day: 1 });
sessionSummarySchema.index({ day: 1 });

const buildSessionSummary = (conn: Connection) => conn.model('SessionSummary', sessionSummarySchema);

/** Registers the model of one held session's attendance summary. */
export function sessionSummaryModel(conn: Connection): ReturnType<typeof buildSessionSummary> {
  return (conn.models.SessionSummary as ReturnType<typeof buildSessionSummary> | undefined) ?? buildSessionSummary(conn);
}
