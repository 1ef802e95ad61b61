// Shared by scripts/start.mjs and scripts/test.mjs: dependency-free (runs before `npm ci`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function log(msg) {
  console.log(`\x1b[36m[bangban]\x1b[0m ${msg}`);
}

export function fail(msg) {
  console.error(`\x1b[31m[bangban] ${msg}\x1b[0m`);
  process.exit(1);
}

/** Runs a command in the project root, inheriting output; exits the script when it fails. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (res.status !== 0 && !opts.allowFailure)
    fail(`${cmd} ${args.join(' ')} failed (exit ${res.status ?? res.signal})`);
  return res.status === 0;
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js >= 20.19 is required (found ${process.versions.node})`);
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(p) : mtime(p));
  }
  return newest;
}

/** Installs dependencies exactly as locked when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  const native = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(installed) && mtime(installed) >= mtime(lock) && fs.existsSync(native)) return;
  log('installing dependencies (npm ci; the SQLite driver may compile for a minute or two)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Builds the web app when its output is missing or older than its sources. */
export function ensureWebBuild(force = false) {
  const index = path.join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(
    newestIn(path.join(root, 'web', 'src')),
    mtime(path.join(root, 'web', 'index.html')),
    mtime(path.join(root, 'web', 'vite.config.ts')),
  );
  if (!force && fs.existsSync(index) && mtime(index) >= sources) return;
  log('building the web app…');
  run('npm', ['run', 'build', '--silent']);
}
