import { Schema, type Connection } from 'mongoose';

/**
 * One-time staff console sign-in links from #后台: only a hash of the link's token is stored,
 * bound to the person who asked; a link is spent once (usedAt) and is worthless after expiresAt.
 */
const consoleLinkSchema = new Schema(
  {
    tokenHash: { type: String, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { collection: 'console_links' },
);
consoleLinkSchema.index({ tokenHash: 1 }, { unique: true });

const buildConsoleLink = (conn: Connection) => conn.model('ConsoleLink', consoleLinkSchema);

/** Registers the model of one-time console sign-in links. */
export function consoleLinkModel(conn: Connection): ReturnType<typeof buildConsoleLink> {
  return (conn.models.ConsoleLink as ReturnType<typeof buildConsoleLink> | undefined) ?? buildConsoleLink(conn);
}
