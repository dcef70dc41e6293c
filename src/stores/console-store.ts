import type { Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import { cohortModel } from './models/cohort.model';
import { consoleAuditModel } from './models/console-audit.model';
import { consoleLinkModel } from './models/console-link.model';

/** How spending a console sign-in link came out: the person it was made for, or why not. */
export type ConsoleLinkOutcome = { status: 'ok'; platform: Platform; userId: string } | { status: 'unknown' | 'used' | 'expired' };

/** One change made in the staff console, as the audit log keeps it. */
export interface ConsoleAuditEntry {
  at: Date;
  platform: Platform;
  userId: string;
  /** What was done: a stable code such as `leave.approve`. */
  action: string;
  cohortId: string | null;
  targetId: string;
  /** `ok`, or why the change did not happen (`refused`, `failed`). */
  outcome: string;
}

/** The staff console's own data: one-time sign-in links (stored hashed) and the audit log of console changes. */
export class ConsoleStore {
  private readonly links;
  private readonly audits;
  private readonly cohorts;

  constructor(conn: Connection) {
    this.links = consoleLinkModel(conn);
    this.audits = consoleAuditModel(conn);
    this.cohorts = cohortModel(conn);
  }

  /** Stores a new sign-in link by the hash of its token, bound to one person. */
  async createLink(tokenHash: string, who: { platform: Platform; userId: string }, createdAt: Date, expiresAt: Date): Promise<void> {
    await this.links.create({ tokenHash, platform: who.platform, userId: who.userId, createdAt, expiresAt });
  }

  /**
   * Spends the link with this token hash, at most once and only before it expires (one atomic
   * update, so the same link opened twice at once signs in once).
   */
  async spendLink(tokenHash: string, now: Date): Promise<ConsoleLinkOutcome> {
    const spent = await this.links
      .findOneAndUpdate({ tokenHash, usedAt: null, expiresAt: { $gt: now } }, { $set: { usedAt: now } }, { returnDocument: 'after' })
      .lean();
    if (spent) return { status: 'ok', platform: spent.platform as Platform, userId: spent.userId };
    const found = await this.links.findOne({ tokenHash }).lean();
    if (!found) return { status: 'unknown' };
    return { status: found.usedAt ? 'used' : 'expired' };
  }

  /** Appends one entry to the audit log. */
  async audit(entry: ConsoleAuditEntry): Promise<void> {
    await this.audits.create(entry);
  }

  /** The latest audit entries of a cohort (or of everything with null), newest first. */
  async listAudit(cohortId: string | null, limit = 50): Promise<ConsoleAuditEntry[]> {
    const docs = await this.audits.find(cohortId === null ? {} : { cohortId }).sort({ at: -1 }).limit(limit).lean();
    return docs.map((d) => ({ at: d.at, platform: d.platform as Platform, userId: d.userId, action: d.action, cohortId: d.cohortId ?? null, targetId: d.targetId ?? '', outcome: d.outcome }));
  }

  /** Ids of every cohort, newest first: what an administrator's console lists. */
  async allCohortIds(limit = 500): Promise<string[]> {
    const docs = await this.cohorts.find({}, { _id: 1 }).sort({ _id: -1 }).limit(limit).lean();
    return docs.map((d) => String(d._id));
  }
}
