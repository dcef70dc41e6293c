import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { registrationModel } from './models/registration.model';
import { upsertRetrying } from './is-duplicate-key';
import type { Registration } from '../domain/types';

type RegistrationDoc = Omit<Registration, 'cohortId' | 'platform'> & { cohortId: Types.ObjectId; platform: string; products?: string | null; experience?: string | null };

function toRegistration(d: RegistrationDoc): Registration {
  return {
    cohortId: String(d.cohortId),
    platform: d.platform as Platform,
    userId: d.userId,
    realName: d.realName,
    phone: d.phone,
    village: d.village,
    products: d.products ?? '',
    experience: d.experience ?? '',
  };
}

/** Reads and writes registration forms; one per trainee and cohort, updated on re-registration. */
export class RegistrationStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = registrationModel(conn);
  }

  /** Saves the form; returns whether it was new. */
  async save(reg: Registration): Promise<{ created: boolean }> {
    const res = await upsertRetrying(() =>
      this.model.updateOne(
        { cohortId: new Types.ObjectId(reg.cohortId), platform: reg.platform, userId: String(reg.userId) },
        {
          $set: {
            realName: String(reg.realName),
            phone: String(reg.phone),
            village: String(reg.village),
            products: String(reg.products),
            experience: String(reg.experience),
          },
        },
        { upsert: true },
      ),
    );
    return { created: res.upsertedCount === 1 };
  }

  async find(cohortId: string, platform: Platform, userId: string): Promise<Registration | null> {
    const doc = await this.model.findOne({ cohortId: new Types.ObjectId(cohortId), platform, userId: String(userId) }).lean();
    return doc ? toRegistration(doc) : null;
  }

  async listByCohort(cohortId: string): Promise<Registration[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).sort({ createdAt: 1 }).lean();
    return docs.map((d) => toRegistration(d as RegistrationDoc));
  }
}
