import { Schema, type Connection } from 'mongoose';

const homeworkSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    /** Training day it was assigned for (yyyy-MM-dd, cohort time zone). */
    day: { type: String, required: true },
    /** 1 for the day's homework, 2… for additions the same day. */
    seq: { type: Number, required: true },
    content: { type: String, required: true },
    deadline: { type: Date, required: true },
    assignedBy: { type: String, required: true },
    assignedByName: { type: String, default: '' },
    assignedAt: { type: Date, required: true },
    editedAt: Date,
    sourceEventId: { type: String, required: true },
  },
  { timestamps: true, collection: 'homework' },
);
homeworkSchema.index({ cohortId: 1, day: 1, seq: 1 }, { unique: true });
homeworkSchema.index({ sourceEventId: 1 }, { unique: true });

const buildHomework = (conn: Connection) => conn.model('Homework', homeworkSchema);

/** Registers the homework model (seed: 培训效果的维护 2 — homework every training day). */
export function homeworkModel(conn: Connection): ReturnType<typeof buildHomework> {
  return (conn.models.Homework as ReturnType<typeof buildHomework> | undefined) ?? buildHomework(conn);
}
