// The Debian packages the test suites need (Chromium, CJK fonts), installed with apt-get when
// missing. Imported by scripts/test.mjs; `node scripts/system-packages.mjs` runs it alone (and
// scripts/system-packages.test.ts runs it against a stand-in apt-get).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fail, log, run } from './lib.mjs';

/** set once `apt-get update` has run in this process */
let aptUpdated = false;

export function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages, or stops the run with a message saying exactly what to install. */
export function aptInstall(packages, why) {
  if (!has('apt-get') || process.getuid?.() !== 0)
    fail(`${why} is missing and cannot be installed here (needs root and apt-get): install ${packages.join(' ')}`);
  log(`installing ${packages.join(' ')} with apt-get (${why})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

function chineseFont() {
  return spawnSync('sh', ['-c', 'fc-list :lang=zh 2>/dev/null | head -1'], { encoding: 'utf8' }).stdout.trim();
}

/** Debian's Chromium for the end-to-end tests and CJK fonts so Chinese renders in screenshots and PDFs. */
export function ensureSystemPackages() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) aptInstall(['chromium'], 'Chromium for end-to-end tests');
  if (!fs.existsSync(chromium)) fail(`Chromium is still missing at ${chromium} after installing it`);
  if (!chineseFont()) aptInstall(['fonts-noto-cjk', 'fontconfig'], 'Chinese (CJK) fonts');
  if (!chineseFont()) fail('No Chinese font is installed after installing fonts-noto-cjk');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureSystemPackages();
  log('system packages present');
}
