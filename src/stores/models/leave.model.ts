import { Schema, type Connection } from 'mongoose';

/** Leave request states (seed: 培训会场制度 (2) 请假制度). */
export const LEAVE_STATUSES = ['pending', 'approved', 'rejected'] as const;

const leaveSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, required: true },
    no: { type: Number, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    /** The training day asked for (yyyy-MM-dd); the whole day when sessionId is empty. */
    day: { type: String, required: true },
    sessionId: { type: Schema.Types.ObjectId },
    reason: { type: String, required: true },
    status: { type: String, enum: LEAVE_STATUSES, default: 'pending' },
    requestedAt: { type: Date, required: true },
    decidedAt: Date,
    decidedBy: String,
    decisionNote: String,
    sourceEventId: { type: String, required: true },
  },
  { timestamps: true, collection: 'leave_requests' },
);
leaveSchema.index({ cohortId: 1, no: 1 }, { unique: true });
leaveSchema.index({ sourceEventId: 1 }, { unique: true });
leaveSchema.index({ cohortId: 1, day: 1, status: 1 });

const buildLeaveRequest = (conn: Connection) => conn.model('LeaveRequest', leaveSchema);

/** Registers the leave request model. */
export function leaveModel(conn: Connection): ReturnType<typeof buildLeaveRequest> {
  return (conn.models.LeaveRequest as ReturnType<typeof buildLeaveRequest> | undefined) ?? buildLeaveRequest(conn);
}
