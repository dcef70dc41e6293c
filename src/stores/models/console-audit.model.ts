import { Schema, type Connection } from 'mongoose';

/** The console's audit log: every change made in the staff console, who made it and when (ids only). */
const consoleAuditSchema = new Schema(
  {
    at: { type: Date, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    action: { type: String, required: true },
    cohortId: { type: String, default: null },
    /** The opaque id the action was about (a leave request, a moderation record), when any. */
    targetId: { type: String, default: '' },
    outcome: { type: String, required: true },
  },
  { collection: 'console_audit' },
);
consoleAuditSchema.index({ cohortId: 1, at: -1 });

const buildConsoleAudit = (conn: Connection) => conn.model('ConsoleAudit', consoleAuditSchema);

/** Registers the model of the console's audit log. */
export function consoleAuditModel(conn: Connection): ReturnType<typeof buildConsoleAudit> {
  return (conn.models.ConsoleAudit as ReturnType<typeof buildConsoleAudit> | undefined) ?? buildConsoleAudit(conn);
}
