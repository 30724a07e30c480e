// Runs `npm ci` in this folder unless node_modules already matches package-lock.json.
// npm writes node_modules/.package-lock.json after a complete install; when it is newer than
// package.json and package-lock.json and every direct dependency is present, nothing is done.
'use strict';

const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const here = path.resolve(__dirname, '..');
const lockfile = path.join(here, 'package-lock.json');
const manifest = path.join(here, 'package.json');
const installed = path.join(here, 'node_modules', '.package-lock.json');

function mtime(file) {
  return fs.existsSync(file) ? fs.statSync(file).mtimeMs : -1;
}

function upToDate() {
  const dependencies = Object.keys(require(manifest).dependencies || {});
  const allPresent = dependencies.every((name) =>
    fs.existsSync(path.join(here, 'node_modules', name, 'package.json')));
  const stamp = mtime(installed);
  return allPresent && stamp >= mtime(lockfile) && stamp >= mtime(manifest);
}

if (upToDate()) {
  console.log('[solstice-local] node_modules is up to date with package-lock.json; skipping npm ci');
} else {
  console.log('[solstice-local] running npm ci in ' + here);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execSync(npm + ' ci --no-audit --no-fund', { cwd: here, stdio: 'inherit' });
}
