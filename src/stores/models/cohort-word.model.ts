import { Schema, type Connection } from 'mongoose';

/**
 * A cohort's own change to the word list, made by its staff in chat (#敏感词): a word added with
 * its category, or a listed word lifted for this cohort. One entry per cohort and word (the
 * latest decision); who changed it and when stay on it, and every change is also kept in
 * `history`, so the list is audited.
 */
const cohortWordSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    word: { type: String, required: true },
    /** `add`: flagged in this cohort with `category`; `lift`: a listed word not flagged in this cohort; `off`: an added word deleted again. */
    op: { type: String, enum: ['add', 'lift', 'off'], required: true },
    category: { type: String, default: '' },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    history: { type: [{ op: String, category: String, by: String, at: Date, _id: false }], default: [] },
  },
  { timestamps: true, collection: 'cohort_words' },
);
cohortWordSchema.index({ cohortId: 1, word: 1 }, { unique: true });

const build = (conn: Connection) => conn.model('CohortWord', cohortWordSchema);

/** Registers the model of cohorts' own word-list changes. */
export function cohortWordModel(conn: Connection): ReturnType<typeof build> {
  return (conn.models.CohortWord as ReturnType<typeof build> | undefined) ?? build(conn);
}
