import { Types, type Connection } from 'mongoose';
import type { Platform } from '../platform/chat-event';
import type { AdminClaimOutcome, ClaimedAdmin } from '../domain/types';
import { adminModel } from './models/admin.model';
import { adminClaimCodeModel } from './models/admin-claim-code.model';
import { upsertRetrying } from './is-duplicate-key';

/** How long this process trusts its list of claimed administrators before reading it again. */
const CACHE_MS = 30_000;

/**
 * Claimed administrators and the one-time codes that make them. Every event asks whether its
 * sender is one, so the (short) list is cached per platform for a few seconds; a claim in this
 * process is seen at once.
 */
export class AdminStore {
  private readonly admins;
  private readonly codes;
  private readonly cache = new Map<Platform, { ids: Set<string>; loadedAt: number }>();

  constructor(conn: Connection) {
    this.admins = adminModel(conn);
    this.codes = adminClaimCodeModel(conn);
  }

  /** True when this person claimed the administrator role on this platform. */
  async isAdmin(platform: Platform, userId: string): Promise<boolean> {
    const cached = this.cache.get(platform);
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached.ids.has(userId);
    const docs = await this.admins.find({ platform }, { userId: 1 }).lean();
    const ids = new Set(docs.map((d) => d.userId));
    this.cache.set(platform, { ids, loadedAt: Date.now() });
    return ids.has(userId);
  }

  /**
   * Everyone with administrator rights: the configured ids (ADMIN_IDS) and those who claimed
   * the role, on the given platforms only (a private message goes to an id of that platform).
   */
  async administratorIds(configured: readonly string[], platforms: readonly Platform[]): Promise<string[]> {
    const claimed = await this.admins.find({ platform: { $in: [...platforms] } }, { userId: 1 }).lean();
    return [...new Set([...configured, ...claimed.map((d) => d.userId)])];
  }

  /** Every claimed administrator, oldest first. */
  async list(): Promise<ClaimedAdmin[]> {
    const docs = await this.admins.find({}).sort({ grantedAt: 1 }).lean();
    return docs.map((d) => ({
      platform: d.platform as Platform,
      userId: d.userId,
      name: d.name ?? '',
      grantedAt: d.grantedAt,
      claimCodeId: String(d.claimCodeId),
    }));
  }

  /** Records an administrator; a person who already is one keeps their first record. */
  async add(admin: ClaimedAdmin): Promise<void> {
    const insert = { ...admin, claimCodeId: new Types.ObjectId(admin.claimCodeId) };
    await upsertRetrying(() => this.admins.updateOne({ platform: admin.platform, userId: admin.userId }, { $setOnInsert: insert }, { upsert: true }));
    this.cache.get(admin.platform)?.ids.add(admin.userId);
  }

  /** Stores a new claim code by its hash; returns its id. */
  async createClaimCode(codeHash: string, createdAt: Date, expiresAt: Date): Promise<string> {
    const doc = await this.codes.create({ codeHash, createdAt, expiresAt });
    return String(doc._id);
  }

  /**
   * Spends the code with this hash for `by`, at most once and only before it expires (one
   * atomic update, so two people sending the same code at once cannot both win).
   */
  async spendClaimCode(codeHash: string, now: Date, by: { platform: Platform; userId: string; name: string }): Promise<AdminClaimOutcome> {
    const spent = await this.codes
      .findOneAndUpdate({ codeHash, usedAt: null, expiresAt: { $gt: now } }, { $set: { usedAt: now, usedBy: by } }, { returnDocument: 'after' })
      .lean();
    if (spent) return { status: 'claimed', codeId: String(spent._id) };
    const found = await this.codes.findOne({ codeHash }).lean();
    if (!found) return { status: 'unknown' };
    return { status: found.usedAt ? 'used' : 'expired' };
  }
}
