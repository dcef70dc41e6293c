import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RedisClient } from '../queue/redis-connection';

/** How long a card's signed URL (and the stored picture) lasts: long enough to open the robot message the next day. */
export const CARD_URL_TTL_SECONDS = 3 * 24 * 3600;

/** Card ids are plain (a-z, 0-9, _ and -): they sit in a URL path and a Redis key. */
export const CARD_ID = /^[A-Za-z0-9_-]{1,120}$/;

function signature(secret: string, id: string, exp: number): string {
  return createHmac('sha256', secret).update(`card:${id}:${exp}`, 'utf8').digest('base64url');
}

/** The signed console URL of a stored card: `${publicUrl}/cards/<id>.png?exp=<unix seconds>&sig=<hmac>`. */
export function signCardUrl(publicUrl: string, secret: string, id: string, expSeconds: number): string {
  return `${publicUrl.replace(/\/+$/, '')}/cards/${id}.png?exp=${expSeconds}&sig=${signature(secret, id, expSeconds)}`;
}

/** Whether `sig` is this secret's signature of `id` and `exp`, and `exp` has not passed at `nowSeconds`. */
export function verifyCardSignature(secret: string, id: string, exp: string, sig: string, nowSeconds: number): boolean {
  if (!CARD_ID.test(id) || !/^\d{1,12}$/.test(exp) || Number(exp) < nowSeconds) return false;
  const expected = Buffer.from(signature(secret, id, Number(exp)));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Card pictures kept for their signed URLs, in Redis with a TTL (so nothing needs cleaning up):
 * the worker puts, the staff console serves.
 */
export class CardStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:card:${id}`;
  }

  /** Keeps `png` under `id` for `ttlSeconds`. */
  async put(id: string, png: Buffer, ttlSeconds = CARD_URL_TTL_SECONDS): Promise<void> {
    if (!CARD_ID.test(id)) throw new Error(`CARD_ID_INVALID: ${id}`);
    await this.redis.set(this.key(id), png, 'EX', ttlSeconds);
  }

  /** The picture under `id`, or null once it expired (or never was). */
  async get(id: string): Promise<Buffer | null> {
    if (!CARD_ID.test(id)) return null;
    return this.redis.getBuffer(this.key(id));
  }
}
