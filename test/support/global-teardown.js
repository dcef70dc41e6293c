/**
 * Jest global teardown: stops the private FerretDB that global-setup.js started (if it
 * started one) and drops its PostgreSQL database. A server given by MONGODB_URI is left alone.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'ferretdb.sh');

module.exports = async function globalTeardown() {
  const dir = globalThis.__COHORT_BOT_FERRETDB_DIR__;
  if (!dir) return;
  delete globalThis.__COHORT_BOT_FERRETDB_DIR__;
  execFileSync('bash', [SCRIPT, 'stop', '--dir', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  fs.rmSync(dir, { recursive: true, force: true });
};
