import { Schema, type Connection } from 'mongoose';

const sessionSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    /** Local training day, yyyy-MM-dd in the cohort's time zone. */
    day: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    title: { type: String, required: true },
    lecturerName: { type: String, default: '' },
    cancelled: { type: Boolean, default: false },
    closedAt: Date,
    actualStart: Date,
    actualEnd: Date,
  },
  { timestamps: true, collection: 'sessions' },
);
sessionSchema.index({ cohortId: 1, startsAt: 1 }, { unique: true });

const buildSession = (conn: Connection) => conn.model('Session', sessionSchema);

/** Registers the model of one timetabled session. */
export function sessionModel(conn: Connection): ReturnType<typeof buildSession> {
  return (conn.models.Session as ReturnType<typeof buildSession> | undefined) ?? buildSession(conn);
}
