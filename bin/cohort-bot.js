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
