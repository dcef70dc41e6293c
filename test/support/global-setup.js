/**
 * Jest global setup: makes sure the tests have a MongoDB-compatible server and a Redis URL.
 * MONGODB_URI set: used as is (CI, or your own server). Unset: a private FerretDB is started
 * from .tools/ferretdb via scripts/ferretdb.sh and stopped again in global-teardown.js.
 * Values are put in process.env, which the test workers inherit.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'ferretdb.sh');
const BIN = path.join(ROOT, '.tools', 'ferretdb');
const RUN_DIR = path.join(ROOT, '.tools', 'run');
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** An error that Jest prints as one line, without a stack. */
function setupError(message) {
  const error = new Error(message);
  error.stack = message;
  return error;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Stops instances left by Jest runs that were killed before their teardown ran. */
function reapStaleInstances() {
  if (!fs.existsSync(RUN_DIR)) return;
  for (const name of fs.readdirSync(RUN_DIR)) {
    const match = /^jest-(\d+)$/.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    const dir = path.join(RUN_DIR, name);
    try {
      execFileSync('bash', [SCRIPT, 'stop', '--dir', dir], { stdio: 'ignore' });
    } catch {
      // Best effort: a half-written state directory is removed all the same.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function warnIfUnreachable(redisUrl) {
  let host = '127.0.0.1';
  let port = 6379;
  try {
    const url = new URL(redisUrl);
    host = url.hostname || host;
    port = Number(url.port) || port;
  } catch {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    const done = (ok) => {
      socket.destroy();
      if (!ok) {
        process.stderr.write(
          `\n[test] Redis at ${redisUrl} is not reachable; tests that need Redis will fail ` +
            '(set REDIS_URL, or start one: redis-server --daemonize yes --bind 127.0.0.1 --port 6379)\n',
        );
      }
      resolve();
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

module.exports = async function globalSetup() {
  process.env.REDIS_URL ||= DEFAULT_REDIS_URL;
  await warnIfUnreachable(process.env.REDIS_URL);

  if (process.env.MONGODB_URI) return;
  if (!fs.existsSync(BIN)) {
    throw setupError(
      'No MongoDB for the tests: set MONGODB_URI (e.g. mongodb://127.0.0.1:27017/) or run `scripts/ferretdb.sh build` so Jest can start a private FerretDB.',
    );
  }

  reapStaleInstances();
  const dir = path.join(RUN_DIR, `jest-${process.pid}`);
  let out;
  try {
    out = execFileSync('bash', [SCRIPT, 'start', '--dir', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const detail = String(error.stderr || error.message).trim().split('\n').pop();
    throw setupError(`Could not start a private FerretDB for the tests: ${detail}`);
  }
  const uri = /^export MONGODB_URI=(\S+)$/m.exec(out)?.[1];
  if (!uri) throw setupError(`scripts/ferretdb.sh start printed no MONGODB_URI: ${out.trim()}`);

  process.env.MONGODB_URI = uri;
  // Read by global-teardown.js, which Jest runs in this same process.
  globalThis.__COHORT_BOT_FERRETDB_DIR__ = dir;
  process.stderr.write(`\n[test] started a private FerretDB at ${uri} (state: ${path.relative(ROOT, dir)})\n`);
};
