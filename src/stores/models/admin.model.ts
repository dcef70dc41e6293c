import { Schema, type Connection } from 'mongoose';

/**
 * Administrators who claimed the role with a one-time code (ADMIN_IDS are configuration and
 * are not stored): staff and office rights everywhere, like ADMIN_IDS. The document is the
 * audit record of the claim: who, when, and which code.
 */
const adminSchema = new Schema(
  {
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, default: '' },
    grantedAt: { type: Date, required: true },
    /** The admin_claim_codes document that was spent on this claim. */
    claimCodeId: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true, collection: 'admins' },
);
adminSchema.index({ platform: 1, userId: 1 }, { unique: true });

const buildAdmin = (conn: Connection) => conn.model('Admin', adminSchema);

/** Registers the model of claimed administrators. */
export function adminModel(conn: Connection): ReturnType<typeof buildAdmin> {
  return (conn.models.Admin as ReturnType<typeof buildAdmin> | undefined) ?? buildAdmin(conn);
}
