#!/usr/bin/env node
'use strict';
// The package's command; the compiled entry lives in dist/ (`npm run build`).
const { main } = require('../dist/bots/cli.js');

main(process.argv.slice(2))
  .then((code) => {
    if (code !== null) process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`${err && err.code === 'CONFIG_INVALID' ? err.message : `cohort-bot failed: ${err && err.message ? err.message : String(err)}`}\n`);
    process.exit(1);
  });
