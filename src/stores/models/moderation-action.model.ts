import { Schema, type Connection } from 'mongoose';

/** What the bot (or staff) did about a member's behaviour. */
export const MODERATION_KINDS = ['warn', 'mute', 'remove', 'escalate', 'flood'] as const;

const moderationActionSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    no: { type: Number, required: true },
    platform: { type: String, required: true },
    groupId: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: MODERATION_KINDS, required: true },
    /** The rule that fired: category and word (or the staff member's reason). */
    rule: { type: String, required: true },
    categories: { type: [String], default: [] },
    matches: { type: [{ word: String, category: String, start: Number, end: Number, _id: false }], default: [] },
    messageId: { type: String, default: '' },
    text: { type: String, default: '' },
    /** Whether the message was recalled, and what staff were asked to do where the platform could not. */
    recalled: { type: Boolean, default: false },
    staffTodo: { type: String, default: '' },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    /** Warnings stop counting on the ladder after this; mutes end then. */
    expiresAt: Date,
    undoneAt: Date,
    undoneBy: String,
    appeal: { text: String, at: Date },
    sourceKey: { type: String, required: true },
  },
  { timestamps: true, collection: 'moderation_actions' },
);
moderationActionSchema.index({ sourceKey: 1 }, { unique: true });
moderationActionSchema.index({ cohortId: 1, no: 1 }, { unique: true });
moderationActionSchema.index({ cohortId: 1, userId: 1, kind: 1 });

const buildModerationAction = (conn: Connection) => conn.model('ModerationAction', moderationActionSchema);

/** Registers the moderation log model (SPEC §3.7: every action logged with the rule that fired). */
export function moderationActionModel(conn: Connection): ReturnType<typeof buildModerationAction> {
  return (conn.models.ModerationAction as ReturnType<typeof buildModerationAction> | undefined) ?? buildModerationAction(conn);
}
