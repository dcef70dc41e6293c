import { Schema, type Connection } from 'mongoose';
import { DEFAULT_COHORT_SETTINGS } from '../../domain/types';

/** Plan approval states (seed: 培训计划管理制度 第五条). */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;

const cohortSchema = new Schema(
  {
    code: { type: String, required: true },
    name: { type: String, required: true },
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    location: { type: String, default: '' },
    timezone: { type: String, required: true },
    createdBy: { type: String, required: true },
    plan: {
      status: { type: String, enum: PLAN_STATUSES, default: 'draft' },
      submittedAt: Date,
      submittedBy: String,
      decidedAt: Date,
      decidedBy: String,
      reason: String,
    },
    settings: {
      signInOpensMinutes: { type: Number, default: DEFAULT_COHORT_SETTINGS.signInOpensMinutes },
      arriveEarlyMinutes: { type: Number, default: DEFAULT_COHORT_SETTINGS.arriveEarlyMinutes },
      flagNotEarly: { type: Boolean, default: DEFAULT_COHORT_SETTINGS.flagNotEarly },
    },
    timetableFirstProvidedAt: Date,
  },
  { timestamps: true, collection: 'cohorts' },
);
cohortSchema.index({ code: 1 }, { unique: true });


const buildCohort = (conn: Connection) => conn.model('Cohort', cohortSchema);

/** Registers the cohort model on a connection. */
export function cohortModel(conn: Connection): ReturnType<typeof buildCohort> {
  return (conn.models.Cohort as ReturnType<typeof buildCohort> | undefined) ?? buildCohort(conn);
}
