import { Schema, type Connection } from 'mongoose';

const submissionSchema = new Schema(
  {
    homeworkId: { type: Schema.Types.ObjectId, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    /** 1 for the first submission, 2… for resubmissions; earlier versions are kept. */
    version: { type: Number, required: true },
    text: { type: String, default: '' },
    imageIds: { type: [String], default: [] },
    submittedAt: { type: Date, required: true },
    late: { type: Boolean, default: false },
    sourceEventId: { type: String, required: true },
    review: {
      score: Number,
      comment: String,
      reviewedBy: String,
      reviewedAt: Date,
    },
    showcased: { type: Boolean, default: false },
  },
  { timestamps: true, collection: 'submissions' },
);
submissionSchema.index({ homeworkId: 1, platform: 1, userId: 1, version: 1 }, { unique: true });
submissionSchema.index({ sourceEventId: 1 }, { unique: true });
submissionSchema.index({ cohortId: 1, userId: 1 });

const buildSubmission = (conn: Connection) => conn.model('Submission', submissionSchema);

/** Registers the homework submission model. */
export function submissionModel(conn: Connection): ReturnType<typeof buildSubmission> {
  return (conn.models.Submission as ReturnType<typeof buildSubmission> | undefined) ?? buildSubmission(conn);
}
