import { Schema, type Connection } from 'mongoose';

const activitySchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    /** question | answer | practice | sales | recommendation */
    kind: { type: String, required: true },
    day: { type: String, required: true },
    sessionId: Schema.Types.ObjectId,
    /** Sales amount in yuan, for kind sales. */
    amount: Number,
    note: { type: String, default: '' },
    recordedBy: String,
    sourceKey: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { timestamps: true, collection: 'activities' },
);
activitySchema.index({ sourceKey: 1 }, { unique: true });
activitySchema.index({ cohortId: 1, kind: 1, userId: 1 });

const buildActivity = (conn: Connection) => conn.model('Activity', activitySchema);

/** Registers the model of counted activity: questions, answers, practice, sales, recommendations. */
export function activityModel(conn: Connection): ReturnType<typeof buildActivity> {
  return (conn.models.Activity as ReturnType<typeof buildActivity> | undefined) ?? buildActivity(conn);
}
