#!/usr/bin/env node
// `npm run push:sheets`: checks appsscript/.clasp.json names a script project, builds
// appsscript/dist, then pushes it with clasp (pinned: clasp 3 is the version the README follows).
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const CLASP = '@google/clasp@3.4.1';
const dir = join(__dirname, '..', 'appsscript');
const settings = join(dir, '.clasp.json');

function fail(message) {
  console.error(message);
  process.exit(2);
}

if (!existsSync(settings))
  fail(
    'appsscript/.clasp.json is missing: copy appsscript/.clasp.json.example to it and put your script id in ' +
      '(appsscript/README.md, "Pushing with clasp").',
  );
let scriptId;
try {
  ({ scriptId } = JSON.parse(readFileSync(settings, 'utf8')));
} catch (error) {
  fail(`appsscript/.clasp.json is not JSON: ${error.message}`);
}
const example = JSON.parse(readFileSync(join(dir, '.clasp.json.example'), 'utf8')).scriptId;
if (typeof scriptId !== 'string' || scriptId === example || !/^[A-Za-z0-9_-]{20,}$/.test(scriptId))
  fail(
    `appsscript/.clasp.json needs the "scriptId" of your Apps Script project (Project Settings › IDs), not ${JSON.stringify(scriptId)}.`,
  );

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
execFileSync(npm, ['run', 'build:sheets'], { cwd: join(dir, '..'), stdio: 'inherit' });
execFileSync(npx, ['--yes', CLASP, 'push', ...process.argv.slice(2)], { cwd: dir, stdio: 'inherit' });
