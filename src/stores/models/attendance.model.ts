import { Schema, type Connection } from 'mongoose';

/** Attendance outcomes (seed: 培训会场制度 (2)(3)). */
export const ATTENDANCE_STATUSES = ['on_time', 'late', 'absent', 'leave'] as const;

const attendanceSchema = new Schema(
  {
    sessionId: { type: Schema.Types.ObjectId, required: true },
    cohortId: { type: Schema.Types.ObjectId, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    name: { type: String, required: true },
    status: { type: String, enum: ATTENDANCE_STATUSES, required: true },
    notEarly: { type: Boolean, default: false },
    minutesLate: { type: Number, default: 0 },
    signedInAt: Date,
    signedOutAt: Date,
    earlyLeave: { type: Boolean, default: false },
    sourceEventId: { type: String, default: '' },
  },
  { timestamps: true, collection: 'attendance' },
);
attendanceSchema.index({ sessionId: 1, platform: 1, userId: 1 }, { unique: true });
attendanceSchema.index({ cohortId: 1, userId: 1 });

const buildAttendance = (conn: Connection) => conn.model('Attendance', attendanceSchema);

/** Registers the attendance model: one record per session and trainee. */
export function attendanceModel(conn: Connection): ReturnType<typeof buildAttendance> {
  return (conn.models.Attendance as ReturnType<typeof buildAttendance> | undefined) ?? buildAttendance(conn);
}
