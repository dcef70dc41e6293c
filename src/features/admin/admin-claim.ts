import { createHash, randomInt } from 'node:crypto';
import type { RedisClient } from '../../queue/redis-connection';
import type { Platform } from '../../platform/chat-event';
import type { AdminStore } from '../../stores/admin-store';

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Characters in a claim code: 31^8 ≈ 8.5e11 values, against at most a few guesses an hour per sender. */
const CODE_LENGTH = 8;

/** How long a claim code is good for unless `admin invite --minutes` says otherwise. */
export const DEFAULT_INVITE_MINUTES = 30;

/** Claim attempts one sender may make in an hour (a wrong code, or any code). */
export const CLAIM_ATTEMPTS_PER_HOUR = 5;

/** A claim code as people type it: upper case, without the spaces and hyphens they add. */
export function normaliseClaimCode(code: string): string {
  return code.replace(/[\s\-－_]/gu, '').toUpperCase();
}

/** What is stored instead of the code itself. */
export function hashClaimCode(code: string): string {
  return createHash('sha256').update(normaliseClaimCode(code), 'utf8').digest('hex');
}

/** A fresh random claim code. */
export function makeClaimCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A one-time code made by `cohort-bot admin invite`: the code itself exists only in this value. */
export interface AdminInvite {
  code: string;
  id: string;
  expiresAt: Date;
}

/** Makes and stores (hashed) a one-time administrator claim code that expires after `minutes`. */
export async function createAdminInvite(admins: AdminStore, now: Date, minutes = DEFAULT_INVITE_MINUTES): Promise<AdminInvite> {
  const code = makeClaimCode();
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  const id = await admins.createClaimCode(hashClaimCode(code), now, expiresAt);
  return { code, id, expiresAt };
}

/**
 * Counts one claim attempt by this sender and says whether it is within the limit: at most
 * `limit` attempts until an hour has passed since the last one. The counter lives in Redis, so
 * it holds across restarts and does not depend on the bot's (possibly simulated) clock.
 */
export async function takeClaimAttempt(redis: RedisClient, prefix: string, platform: Platform, userId: string, limit = CLAIM_ATTEMPTS_PER_HOUR): Promise<boolean> {
  const key = `${prefix}:admin-claim:${platform}:${createHash('sha256').update(userId, 'utf8').digest('hex').slice(0, 24)}`;
  // One transaction, so the counter never outlives its expiry; each attempt starts the hour again.
  const replies = await redis.multi().incr(key).expire(key, 3600).exec();
  const [err, count] = replies?.[0] ?? [new Error('claim attempt counter: empty transaction reply'), 0];
  if (err) throw err;
  return Number(count) <= limit;
}
