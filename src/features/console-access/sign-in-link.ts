import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Platform } from '../../platform/chat-event';
import type { ConsoleStore } from '../../stores/console-store';

/** The path a sign-in link opens on the console (the token follows it). */
export const SIGN_IN_PATH = '/login/';

/** HMAC-SHA256 of `purpose|value` with the console secret, base64url: links, sessions and CSRF tokens use it. */
export function consoleSignature(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}|${value}`, 'utf8').digest('base64url');
}

/** Compares two signatures in constant time. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What is stored instead of a link's token. */
export function hashLinkToken(random: string): string {
  return createHash('sha256').update(random, 'utf8').digest('hex');
}

/**
 * The random part of a link token when its signature holds, else null: a forged or altered
 * link is refused before the database is asked. Form: `<random>.<signature>`, both base64url.
 */
export function verifyLinkToken(secret: string, token: string): string | null {
  const m = /^([A-Za-z0-9_-]{32,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, random = '', signature = ''] = m;
  return sameSignature(signature, consoleSignature(secret, 'link', random)) ? random : null;
}

/** A one-time sign-in link as the person receives it. */
export interface SignInLink {
  url: string;
  expiresAt: Date;
}

/**
 * Makes a signed, single-use sign-in link for one person and stores its token hashed with
 * the person and the expiry; the token itself exists only in the returned URL.
 */
export async function createSignInLink(
  store: Pick<ConsoleStore, 'createLink'>,
  options: { secret: string; publicUrl: string; minutes: number; now: Date },
  who: { platform: Platform; userId: string },
): Promise<SignInLink> {
  const random = randomBytes(32).toString('base64url');
  const token = `${random}.${consoleSignature(options.secret, 'link', random)}`;
  const expiresAt = new Date(options.now.getTime() + options.minutes * 60_000);
  await store.createLink(hashLinkToken(random), who, options.now, expiresAt);
  return { url: `${options.publicUrl.replace(/\/+$/, '')}${SIGN_IN_PATH}${token}`, expiresAt };
}
