import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, 'system-packages.mjs');
const isRoot = process.getuid?.() === 0;

/** Runs the setup with a stand-in `apt-get` first on PATH that logs its arguments and exits with `code`. */
function runWithFakeAptGet(code: number) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-apt-'));
  const log = path.join(bin, 'calls.log');
  fs.writeFileSync(path.join(bin, 'apt-get'), `#!/bin/sh\necho "$@" >> ${log}\nexit ${code}\n`, { mode: 0o755 });
  const res = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CHROMIUM_PATH: path.join(bin, 'no-such-chromium') },
  });
  const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: res.status, output: res.stdout + res.stderr, calls };
}

describe('installing Chromium on a machine without it', () => {
  it('runs apt-get update then install chromium, and says clearly when Chromium is still missing', () => {
    const r = runWithFakeAptGet(0);
    expect(r.status).toBe(1);
    if (isRoot) {
      expect(r.calls).toEqual(['update -qq', 'install -y -qq --no-install-recommends chromium']);
      expect(r.output).toContain('Chromium is still missing at');
    } else {
      expect(r.calls).toEqual([]);
      expect(r.output).toContain('needs root and apt-get): install chromium');
    }
    expect(r.output).not.toMatch(/ReferenceError|at .*\.mjs:\d+/);
  });

  it('stops with the failed apt-get command when the install fails', () => {
    const r = runWithFakeAptGet(100);
    expect(r.status).toBe(1);
    if (isRoot) expect(r.output).toContain('apt-get update -qq failed (exit 100)');
    expect(r.output).not.toMatch(/ReferenceError/);
  });
});
