#!/usr/bin/env node
'use strict';
// The CLI is compiled from src/cli/main.ts by `npm run build`.
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 2;
    },
  );
