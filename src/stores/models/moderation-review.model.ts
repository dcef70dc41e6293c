import { Schema, type Connection } from 'mongoose';

/**
 * A message the detector was unsure of (review tier), waiting for staff: 确认 (then it is
 * handled as a violation) or 忽略 (then its words stop raising notes in that cohort). Numbered
 * across all cohorts, so a staff member in several cohorts answers by number alone.
 */
const moderationReviewSchema = new Schema(
  {
    no: { type: Number, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    groupId: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    messageId: { type: String, required: true },
    text: { type: String, default: '' },
    matches: { type: [{ word: String, category: String, start: Number, end: Number, reason: String, _id: false }], default: [] },
    status: { type: String, enum: ['pending', 'confirmed', 'dismissed'], default: 'pending' },
    at: { type: Date, required: true },
    decidedBy: String,
    decidedAt: Date,
    sourceKey: { type: String, required: true },
  },
  { timestamps: true, collection: 'moderation_reviews' },
);
moderationReviewSchema.index({ no: 1 }, { unique: true });
moderationReviewSchema.index({ sourceKey: 1 }, { unique: true });

/** Words staff dismissed in a cohort: they no longer raise review notes there. */
const moderationAllowedSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    word: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    /** The review that taught it. */
    reviewNo: Number,
  },
  { timestamps: true, collection: 'moderation_allowed' },
);
moderationAllowedSchema.index({ cohortId: 1, word: 1 }, { unique: true });

const buildReview = (conn: Connection) => conn.model('ModerationReview', moderationReviewSchema);
const buildAllowed = (conn: Connection) => conn.model('ModerationAllowed', moderationAllowedSchema);

/** Registers the model of review notes. */
export function moderationReviewModel(conn: Connection): ReturnType<typeof buildReview> {
  return (conn.models.ModerationReview as ReturnType<typeof buildReview> | undefined) ?? buildReview(conn);
}

/** Registers the model of words a cohort's staff dismissed. */
export function moderationAllowedModel(conn: Connection): ReturnType<typeof buildAllowed> {
  return (conn.models.ModerationAllowed as ReturnType<typeof buildAllowed> | undefined) ?? buildAllowed(conn);
}
