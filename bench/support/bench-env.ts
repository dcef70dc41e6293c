/**
 * Where a benchmark finds MongoDB and Redis, mirroring test/support/global-setup.js: a given
 * MONGODB_URI is used as is; otherwise a private FerretDB is started with scripts/ferretdb.sh
 * (state under .tools/run/bench-<pid>) and stopped again. Every run gets its own database and
 * Redis key prefix, removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';

/** The repository root (dist/bench/support → three levels up; falls back to the working directory). */
export function repoRoot(): string {
  for (const candidate of [path.resolve(__dirname, '..', '..', '..'), path.resolve(__dirname, '..', '..'), process.cwd()]) {
    if (fs.existsSync(path.join(candidate, 'scripts', 'ferretdb.sh'))) return candidate;
  }
  return process.cwd();
}

/** A MongoDB server for the benchmark, and how to release it. */
export interface MongoServer {
  baseUri: string;
  /** Set when this process started a private FerretDB (its state directory). */
  ferretDir: string | null;
  stop(): void;
}

/** Uses `givenUri`, or starts a private FerretDB through scripts/ferretdb.sh when it is unset. */
export function provideMongo(givenUri: string | undefined): MongoServer {
  if (givenUri) return { baseUri: givenUri, ferretDir: null, stop: () => undefined };
  const root = repoRoot();
  const script = path.join(root, 'scripts', 'ferretdb.sh');
  if (!fs.existsSync(path.join(root, '.tools', 'ferretdb'))) {
    throw new Error('No MongoDB for the benchmark: set MONGODB_URI (e.g. mongodb://127.0.0.1:27017/) or run `scripts/ferretdb.sh build`.');
  }
  const dir = path.join(root, '.tools', 'run', `bench-${process.pid}`);
  const out = execFileSync('bash', [script, 'start', '--dir', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const uri = /^export MONGODB_URI=(\S+)$/m.exec(out)?.[1];
  if (!uri) throw new Error(`scripts/ferretdb.sh start printed no MONGODB_URI: ${out.trim()}`);
  let stopped = false;
  return {
    baseUri: uri,
    ferretDir: dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        execFileSync('bash', [script, 'stop', '--dir', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A unique `cb_bench_<label>_<8 hex>` name (≤ 38 characters of [a-z0-9_]), for databases and prefixes. */
export function uniqueName(label: string): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 20) || 'x';
  return `cb_bench_${slug}_${randomBytes(4).toString('hex')}`;
}

/** `baseUri` with its database replaced by `dbName` and `options` added to (or replacing) its query. */
export function mongoUriWithDb(baseUri: string, dbName: string, options: Record<string, string> = {}): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(?:\?(.*))?$/.exec(baseUri);
  if (!match) throw new Error(`MONGODB_URI is not a mongodb:// URI: ${baseUri}`);
  const query = new URLSearchParams(match[2] ?? '');
  for (const [key, value] of Object.entries(options)) query.set(key, value);
  const q = query.toString();
  return `${match[1]}/${dbName}${q ? `?${q}` : ''}`;
}

/** Drops the database named in `uri`. */
export async function dropDatabase(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    await connection.dropDatabase();
  } finally {
    await connection.close();
  }
}

/** Deletes every Redis key under `prefix:`; returns how many were deleted. */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: true });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
  return deleted;
}

/** Throws a one-line error when nothing answers a PING at `url` within a few seconds. */
export async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 0, lazyConnect: true, connectTimeout: 3000, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(
      `Redis at ${url} is not reachable (${(err as Error).message}); set REDIS_URL or start one: redis-server --daemonize yes --bind 127.0.0.1 --port 6379`,
      { cause: err },
    );
  } finally {
    redis.disconnect();
  }
}
