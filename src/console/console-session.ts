import { randomBytes } from 'node:crypto';
import type { Platform } from '../platform/chat-event';
import { consoleSignature, sameSignature } from '../features/console-access';

/** The cookie that carries a console session. */
export const SESSION_COOKIE = 'cb_console';

/** Who is signed in, until when; `sid` names the session (its CSRF token is derived from it). */
export interface ConsoleSession {
  platform: Platform;
  userId: string;
  sid: string;
  expiresAt: number;
}

const PLATFORMS: readonly Platform[] = ['wechaty', 'dingtalk', 'web', 'memory'];

/** A fresh session for a person who just spent a sign-in link. */
export function newSession(who: { platform: Platform; userId: string }, now: Date, hours: number): ConsoleSession {
  return { ...who, sid: randomBytes(16).toString('base64url'), expiresAt: now.getTime() + hours * 3600_000 };
}

/** The cookie value: the session as base64url JSON and its HMAC signature. */
export function sealSession(secret: string, session: ConsoleSession): string {
  const body = Buffer.from(JSON.stringify([session.platform, session.userId, session.sid, session.expiresAt]), 'utf8').toString('base64url');
  return `${body}.${consoleSignature(secret, 'session', body)}`;
}

/** The session in a cookie value when its signature holds and it has not expired; null otherwise. */
export function openSession(secret: string, value: string | undefined, now: Date): ConsoleSession | null {
  if (!value || value.length > 2048) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const body = value.slice(0, dot);
  if (!sameSignature(value.slice(dot + 1), consoleSignature(secret, 'session', body))) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [platform, userId, sid, expiresAt] = parsed as unknown[];
    if (!PLATFORMS.includes(platform as Platform) || typeof userId !== 'string' || typeof sid !== 'string' || typeof expiresAt !== 'number') return null;
    if (expiresAt <= now.getTime()) return null;
    return { platform: platform as Platform, userId, sid, expiresAt };
  } catch {
    return null;
  }
}

/** The CSRF token every form of this session carries. */
export function csrfToken(secret: string, session: Pick<ConsoleSession, 'sid'>): string {
  return consoleSignature(secret, 'csrf', session.sid);
}

/** The CSRF token of the sign-in form for one link token (there is no session yet). */
export function signInCsrf(secret: string, linkToken: string): string {
  return consoleSignature(secret, 'login-csrf', linkToken);
}

/** Reads one cookie from a request's Cookie header (the console's own cookies are base64url, no decoding needed). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** A Set-Cookie value: httpOnly, SameSite=Strict, for the whole console; Secure when served over https; max age 0 clears it. */
export function cookieHeader(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean }): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${options.maxAgeSeconds}${options.secure ? '; Secure' : ''}`;
}
