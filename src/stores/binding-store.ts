import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { groupBindingModel } from './models/group-binding.model';
import { upsertRetrying } from './is-duplicate-key';
import type { GroupBinding } from '../domain/types';

type BindingDoc = { platform: string; groupId: string; cohortId: Types.ObjectId; title?: string | null; account?: string | null };

function toBinding(d: BindingDoc): GroupBinding {
  return { platform: d.platform as Platform, groupId: d.groupId, cohortId: String(d.cohortId), title: d.title ?? '', ...(d.account ? { account: d.account } : {}) };
}

/** Reads and writes which group belongs to which cohort, and which bot account serves it. */
export class BindingStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = groupBindingModel(conn);
  }

  async findByGroup(platform: Platform, groupId: string): Promise<GroupBinding | null> {
    const doc = await this.model.findOne({ platform, groupId: String(groupId) }).lean();
    return doc ? toBinding(doc) : null;
  }

  async listByCohort(cohortId: string): Promise<GroupBinding[]> {
    const docs = await this.model.find({ cohortId: new Types.ObjectId(cohortId) }).lean();
    return docs.map(toBinding);
  }

  /** The account serving each of `groupIds` (null: every group) whose binding records one, by group id (a group id names one group on any platform). */
  async accountsOfGroups(groupIds: readonly string[] | null): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (groupIds?.length === 0) return out;
    const filter = groupIds ? { groupId: { $in: groupIds.map(String) }, account: { $exists: true } } : { account: { $exists: true } };
    const docs = await this.model.find(filter, { groupId: 1, account: 1 }).lean();
    for (const d of docs) if (d.account) out.set(d.groupId, d.account);
    return out;
  }

  /**
   * Binds a group to a cohort (rebinding moves it); idempotent for the same pair. With
   * `account`, that account serves the group from now on; without, the one recorded stays.
   */
  async bind(binding: GroupBinding & { boundBy: string }): Promise<void> {
    const set = { cohortId: new Types.ObjectId(binding.cohortId), title: binding.title, boundBy: binding.boundBy, ...(binding.account ? { account: binding.account } : {}) };
    await upsertRetrying(() =>
      this.model.updateOne({ platform: binding.platform, groupId: String(binding.groupId) }, { $set: set }, { upsert: true }),
    );
  }

  /**
   * Records that `account` serves a bound group whose binding names no account yet (bound
   * before bindings recorded one); a binding with an account keeps it. True when written.
   */
  async claimAccount(platform: Platform, groupId: string, account: string): Promise<boolean> {
    const res = await this.model.updateOne({ platform, groupId: String(groupId), account: { $exists: false } }, { $set: { account } });
    return res.modifiedCount > 0;
  }
}
