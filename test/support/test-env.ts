/**
 * Where tests find MongoDB and Redis, and unique names so test files never share data.
 * test/support/global-setup.js guarantees MONGODB_URI and REDIS_URL before any test runs.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';

const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const MAX_DB_NAME = 38;

/** Lower-case [a-z0-9_] form of a label, cut to `max` characters (never empty). */
function slug(label: string, max: number): string {
  const s = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, max)
    .replace(/_+$/, '');
  return s || 'x';
}

/** `cb_<label>_<8 hex>`, at most `max` characters of [a-z0-9_]. */
function uniqueSlug(label: string, max: number): string {
  const suffix = randomBytes(4).toString('hex');
  return `cb_${slug(label, max - 'cb_'.length - 1 - suffix.length)}_${suffix}`;
}

/** The base MongoDB URI given by global setup (or the developer). */
function baseMongoUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    throw new Error('MONGODB_URI is not set: run tests through jest (global setup provides it) or export it');
  }
  return uri;
}

/** The base MONGODB_URI with its database replaced by a fresh `cb_<label>_<random>` one. */
export function mongoUriFor(label: string): string {
  const uri = baseMongoUri();
  // mongodb[+srv]://[user@]host[,host...][/db][?options] — hosts may be a list, so no URL().
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`MONGODB_URI is not a mongodb:// URI: ${uri}`);
  return `${match[1]}/${uniqueSlug(label, MAX_DB_NAME)}${match[2] ?? ''}`;
}

/** The Redis URL for tests (REDIS_URL, default redis://127.0.0.1:6379). */
export function redisUrl(): string {
  return process.env.REDIS_URL || DEFAULT_REDIS_URL;
}

/** A unique `cb_<label>_<random>` name for BullMQ queue prefixes and Redis key prefixes. */
export function uniqueName(label: string): string {
  return uniqueSlug(label, 48);
}

/** Drops the database named in `uri` (for afterAll cleanup of mongoUriFor databases). */
export async function dropDatabase(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}
