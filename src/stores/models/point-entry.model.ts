import { Schema, type Connection } from 'mongoose';

const pointEntrySchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    points: { type: Number, required: true },
    /** attendance | question | homework_submitted | homework_on_time | homework_review | practice | sales */
    reason: { type: String, required: true },
    detail: { type: String, default: '' },
    /** What earned it; unique, so a redelivered event never pays twice. */
    sourceKey: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { timestamps: true, collection: 'point_ledger' },
);
pointEntrySchema.index({ sourceKey: 1 }, { unique: true });
pointEntrySchema.index({ cohortId: 1, userId: 1 });

const buildPointEntry = (conn: Connection) => conn.model('PointEntry', pointEntrySchema);

/** Registers the append-only points ledger (seed: 三(三) 日常积分管理机制). */
export function pointEntryModel(conn: Connection): ReturnType<typeof buildPointEntry> {
  return (conn.models.PointEntry as ReturnType<typeof buildPointEntry> | undefined) ?? buildPointEntry(conn);
}
