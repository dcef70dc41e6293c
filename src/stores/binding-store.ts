import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { groupBindingModel } from './models/group-binding.model';
import { upsertRetrying } from './is-duplicate-key';
import type { GroupBinding } from '../domain/types';

/** Reads and writes which group belongs to which cohort. */
export class BindingStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = groupBindingModel(conn);
  }

  async findByGroup(platform: Platform, groupId: string): Promise<GroupBinding | null> {
    const doc = await this.model.findOne({ platform, groupId: String(groupId) }).lean();
    return doc ? { platform, groupId: doc.groupId, cohortId: String(doc.cohortId), title: doc.title ?? '' } : null;
  }

  async listByCohort(cohortId: string): Promise<GroupBinding[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).lean();
    return docs.map((d) => ({ platform: d.platform as Platform, groupId: d.groupId, cohortId, title: d.title ?? '' }));
  }

  /** Binds a group to a cohort (rebinding moves it); idempotent for the same pair. */
  async bind(binding: GroupBinding & { boundBy: string }): Promise<void> {
    const set = { cohortId: new Types.ObjectId(binding.cohortId), title: binding.title, boundBy: binding.boundBy };
    await upsertRetrying(() =>
      this.model.updateOne({ platform: binding.platform, groupId: String(binding.groupId) }, { $set: set }, { upsert: true }),
    );
  }
}
