import { Schema, type Connection } from 'mongoose';

/** Roles a person can hold inside one cohort. */
export const COHORT_ROLES = ['trainee', 'lecturer', 'staff'] as const;

const memberSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    roles: { type: [String], enum: COHORT_ROLES, default: [] },
    active: { type: Boolean, default: true },
    joinedAt: { type: Date, required: true },
    leftAt: Date,
  },
  { timestamps: true, collection: 'members' },
);
memberSchema.index({ cohortId: 1, platform: 1, userId: 1 }, { unique: true });
memberSchema.index({ platform: 1, userId: 1 });

const buildMember = (conn: Connection) => conn.model('Member', memberSchema);

/** Registers the model of a person's membership and roles in a cohort. */
export function memberModel(conn: Connection): ReturnType<typeof buildMember> {
  return (conn.models.Member as ReturnType<typeof buildMember> | undefined) ?? buildMember(conn);
}
