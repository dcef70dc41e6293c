import { Types, type Connection } from 'mongoose';
import { DEFAULT_COHORT_SETTINGS, type Cohort, type PlanStatus } from '../domain/types';
import { cohortModel } from './models/cohort.model';
import { isDuplicateKey } from './is-duplicate-key';

type CohortInput = Omit<Cohort, 'id' | 'plan' | 'settings' | 'timetableFirstProvidedAt'> & {
  settings?: Partial<Cohort['settings']>;
};

/** Converts a stored cohort into the plain shape services use. */
function toCohort(doc: Record<string, unknown> & { _id: Types.ObjectId }): Cohort {
  const d = doc as unknown as Cohort & { _id: Types.ObjectId };
  return {
    id: String(d._id),
    code: d.code,
    name: d.name,
    startDate: d.startDate,
    endDate: d.endDate,
    location: d.location ?? '',
    timezone: d.timezone,
    createdBy: d.createdBy,
    plan: { ...d.plan, status: d.plan?.status ?? 'draft' },
    settings: {
      signInOpensMinutes: d.settings?.signInOpensMinutes ?? DEFAULT_COHORT_SETTINGS.signInOpensMinutes,
      arriveEarlyMinutes: d.settings?.arriveEarlyMinutes ?? DEFAULT_COHORT_SETTINGS.arriveEarlyMinutes,
      flagNotEarly: d.settings?.flagNotEarly ?? DEFAULT_COHORT_SETTINGS.flagNotEarly,
    },
    timetableFirstProvidedAt: d.timetableFirstProvidedAt ?? undefined,
  };
}

/** Reads and writes cohorts. */
export class CohortStore {
  private readonly model;

  constructor(conn: Connection) {
    this.model = cohortModel(conn);
  }

  /** Creates a cohort; `makeCode` is retried until the short code is unique. */
  async create(input: Omit<CohortInput, 'code'>, makeCode: () => string): Promise<Cohort> {
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        const doc = await this.model.create({ ...input, code: makeCode() });
        return toCohort(doc.toObject());
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    throw new Error('could not allocate a unique cohort code');
  }

  /** How many cohorts exist (for digests and for tests that check nothing was written). */
  async count(): Promise<number> {
    return this.model.countDocuments({});
  }

  /** Approved cohorts whose training period includes `day` (yyyy-MM-dd), for daily work. */
  async listRunningOn(day: string): Promise<Cohort[]> {
    const docs = await this.model.find({ 'plan.status': 'approved', startDate: { $lte: day }, endDate: { $gte: day } }).lean();
    return docs.map(toCohort);
  }

  async findByCode(code: string): Promise<Cohort | null> {
    const doc = await this.model.findOne({ code: String(code).toUpperCase() }).lean();
    return doc ? toCohort(doc) : null;
  }

  async findById(id: string): Promise<Cohort | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean();
    return doc ? toCohort(doc) : null;
  }

  async findByIds(ids: string[]): Promise<Cohort[]> {
    const docs = await this.model.find({ _id: { $in: ids.map((i) => new Types.ObjectId(i)) } }).lean();
    return docs.map(toCohort);
  }

  /** Moves the plan to a new state only from one of the expected states; null when it was not there. */
  async setPlanStatus(
    id: string,
    from: PlanStatus[],
    to: PlanStatus,
    fields: { at: Date; by: string; reason?: string },
  ): Promise<Cohort | null> {
    const set: Record<string, unknown> = { 'plan.status': to };
    if (to === 'submitted') {
      set['plan.submittedAt'] = fields.at;
      set['plan.submittedBy'] = fields.by;
    } else {
      set['plan.decidedAt'] = fields.at;
      set['plan.decidedBy'] = fields.by;
    }
    set['plan.reason'] = fields.reason ?? '';
    const doc = await this.model
      .findOneAndUpdate({ _id: new Types.ObjectId(id), 'plan.status': { $in: from } }, { $set: set }, { returnDocument: 'after' })
      .lean();
    return doc ? toCohort(doc) : null;
  }

  /** Records when a timetable was first provided; later calls keep the first time. */
  async markTimetableProvided(id: string, at: Date): Promise<void> {
    await this.model.updateOne(
      { _id: new Types.ObjectId(id), timetableFirstProvidedAt: { $exists: false } },
      { $set: { timetableFirstProvidedAt: at } },
    );
  }
}
