import { Schema, type Connection } from 'mongoose';

const followUpSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    /** Days after the cohort ended: 30, 90 or 180. */
    wave: { type: Number, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    askedAt: { type: Date, required: true },
    remindedAt: Date,
    answeredAt: Date,
    openedShop: Boolean,
    shopPlatform: String,
    monthlySalesYuan: Number,
    needsHelp: String,
    answerText: String,
  },
  { timestamps: true, collection: 'follow_ups' },
);
followUpSchema.index({ cohortId: 1, wave: 1, platform: 1, userId: 1 }, { unique: true });

const buildFollowUp = (conn: Connection) => conn.model('FollowUp', followUpSchema);

/** Registers the follow-up visit model (回访登记, seed: 四(二)10). */
export function followUpModel(conn: Connection): ReturnType<typeof buildFollowUp> {
  return (conn.models.FollowUp as ReturnType<typeof buildFollowUp> | undefined) ?? buildFollowUp(conn);
}
