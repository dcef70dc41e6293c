import { Schema, type Connection } from 'mongoose';

/** Roles a person can hold inside one cohort. */
export const COHORT_ROLES = ['trainee', 'lecturer', 'staff'] as const;

/** Kinds of lecturer certificate stored in a lecturer's profile (domain `LecturerCertificateKind`). */
export const LECTURER_CERTIFICATE_KINDS = ['t1', 'expert', 'platform', 'skill', 'lecturer', 'other'] as const;

// A lecturer's profile (讲师资料); every field optional, and `certificates` stays absent until stated.
const lecturerDetailsSchema = new Schema(
  {
    ageYears: Number,
    birthDate: String,
    industryYears: Number,
    certificates: {
      type: [new Schema({ kind: { type: String, enum: LECTURER_CERTIFICATE_KINDS, required: true }, name: { type: String, required: true } }, { _id: false })],
      default: undefined,
    },
    employmentProofProvided: Boolean,
  },
  { _id: false },
);

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
    lecturerDetails: { type: lecturerDetailsSchema, default: undefined },
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
