#!/usr/bin/env node
'use strict';
// The package's command; the compiled entry lives in dist/ (`npm run build`).
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'bots', 'cli.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('cohort-bot is not built yet: run `npm run build` first (it compiles the sources into dist/)\n');
  process.exit(1);
}

// `moderate` runs in a process of its own with the node flags of moderate-node-flags.json, the
// ones the moderation benchmark measures it with. A batch over a large file allocates
// short-lived objects per line: with young-generation semi-spaces of 4 MB instead of V8's 16 MB
// its peak RSS stays about 40 MB lower at the same speed (docs/moderation.md).
const moderateFlags = process.argv[2] === 'moderate' ? require('./moderate-node-flags.json') : [];
if (!moderateFlags.every((f) => process.execArgv.includes(f))) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...moderateFlags, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
  return;
}

const { main, startFailure } = require(entry);

main(process.argv.slice(2))
  .then((code) => {
    if (code !== null) process.exitCode = code;
  })
  .catch((err) => {
    // One line: a configuration or dependency error names its variable; anything else its first line.
    process.stderr.write(`${startFailure(err)}\n`);
    process.exit(1);
  });
