import { Schema, type Connection } from 'mongoose';

/**
 * One-time codes from `cohort-bot admin invite`: only a hash of the code is stored; a code is
 * spent once (usedAt, usedBy) and is worthless after expiresAt.
 */
const adminClaimCodeSchema = new Schema(
  {
    codeHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    usedBy: {
      type: new Schema({ platform: String, userId: String, name: String }, { _id: false }),
      default: null,
    },
  },
  { collection: 'admin_claim_codes' },
);
adminClaimCodeSchema.index({ codeHash: 1 }, { unique: true });

const buildAdminClaimCode = (conn: Connection) => conn.model('AdminClaimCode', adminClaimCodeSchema);

/** Registers the model of one-time administrator claim codes. */
export function adminClaimCodeModel(conn: Connection): ReturnType<typeof buildAdminClaimCode> {
  return (conn.models.AdminClaimCode as ReturnType<typeof buildAdminClaimCode> | undefined) ?? buildAdminClaimCode(conn);
}
