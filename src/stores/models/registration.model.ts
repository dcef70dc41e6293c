import { Schema, type Connection } from 'mongoose';

const registrationSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    realName: { type: String, required: true },
    phone: { type: String, required: true },
    village: { type: String, required: true },
    products: { type: String, default: '' },
    experience: { type: String, default: '' },
  },
  { timestamps: true, collection: 'registrations' },
);
registrationSchema.index({ cohortId: 1, platform: 1, userId: 1 }, { unique: true });

const buildRegistration = (conn: Connection) => conn.model('Registration', registrationSchema);

/** Registers the model of the trainee registration form (学员登记表, seed: 四(一)4, 四(二)1). */
export function registrationModel(conn: Connection): ReturnType<typeof buildRegistration> {
  return (conn.models.Registration as ReturnType<typeof buildRegistration> | undefined) ?? buildRegistration(conn);
}
