// `npm test`: installs what is missing (npm packages; Chromium, CJK fonts and PostgreSQL via apt-get
// when absent), then runs every suite: type check, server tests on SQLite, the same on PostgreSQL,
// and end-to-end tests in Chromium. Tests that need no database run once (`pure`). Nothing is skipped silently: a missing part fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkNode, ensureDependencies, ensureWebBuild, fail, log, root, run } from './lib.mjs';
import { aptInstall, ensureSystemPackages, has } from './system-packages.mjs';

checkNode();
ensureDependencies();
ensureSystemPackages();
const pgUrl = await ensurePostgres();
ensureWebBuild(true);

log('type check (tsc)…');
run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
log('lint (eslint) and format (prettier --check)…');
run('npx', ['eslint', '--max-warnings=0', 'src', 'web', 'e2e', 'scripts', 'bench']);
run('npx', ['prettier', '--check', '--log-level=warn', '.']);

const suites = [
  { name: 'setup scripts', args: ['--project', 'scripts'], env: {} },
  { name: 'pure (no database)', args: ['--project', 'pure'], env: {} },
  { name: 'server on SQLite', args: ['--project', 'server'], env: { BANGBAN_TEST_DB: 'sqlite' } },
  {
    name: 'server on PostgreSQL',
    args: ['--project', 'server'],
    env: { BANGBAN_TEST_DB: 'postgres', BANGBAN_TEST_PG_URL: pgUrl },
  },
  { name: 'end-to-end in Chromium', args: ['--project', 'e2e'], env: {} },
];
const results = [];
for (const suite of suites) {
  log(`suite: ${suite.name}`);
  const out = path.join(os.tmpdir(), `bangban-vitest-${process.pid}-${results.length}.json`);
  const started = Date.now();
  const res = spawnSync(
    'npx',
    ['vitest', 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...suite.env, NODE_ENV: 'test' },
    },
  );
  let report = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTotalTests: 0 };
  try {
    report = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    /* runner crashed: counted below */
  }
  const failed = report.numFailedTests + (res.status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  results.push({
    name: suite.name,
    passed: report.numPassedTests,
    failed,
    failures: failuresOf(report),
    skipped: report.numPendingTests,
    seconds: Math.round((Date.now() - started) / 1000),
  });
}

console.log('\nBangban test summary');
for (const r of results)
  console.log(
    `  ${r.name.padEnd(26)} ${String(r.passed).padStart(4)} passed, ${r.failed} failed, ${r.skipped} skipped  (${r.seconds}s)`,
  );
for (const r of results)
  for (const f of r.failures) console.log(`  ✗ ${r.name}: ${f.file} › ${f.title}\n      ${f.message}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
if (passed === 0) fail('no test ran');
if (skipped > 0 && process.env.CI === 'true') {
  console.log(`tests: ${passed} passed, ${failed + skipped} failed`);
  fail(`${skipped} tests were skipped under CI=true`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/** The failed tests of a vitest JSON report, so the summary at the end of a long log names them. */
function failuresOf(report) {
  const failures = [];
  for (const file of report.testResults ?? [])
    for (const test of file.assertionResults ?? [])
      if (test.status === 'failed')
        failures.push({
          file: path.relative(root, file.name),
          title: test.fullName,
          message: String(test.failureMessages?.[0] ?? '')
            .split('\n')
            .slice(0, 3)
            .join(' ')
            .slice(0, 400),
        });
  return failures;
}

async function pgReachable(url) {
  const { default: pg } = await import(path.join(root, 'node_modules', 'pg', 'lib', 'index.js'));
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A PostgreSQL server the tests can create databases on: the given one, the machine's, or one we install. */
async function ensurePostgres() {
  const url = process.env.BANGBAN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await pgReachable(url)) return url;
  log(`PostgreSQL not reachable at ${url.replace(/:[^:@/]*@/, ':***@')}; trying to start one…`);
  if (!has('pg_ctlcluster')) aptInstall(['postgresql'], 'PostgreSQL for the multi-node tests');
  const clusters = spawnSync('sh', ['-c', 'pg_lsclusters -h | awk \'{print $1" "$2}\''], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .filter(Boolean);
  if (clusters.length === 0) fail('PostgreSQL is installed but has no cluster: run pg_createcluster');
  const [version, name] = clusters[0].split(' ');
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'start'], { allowFailure: true });
  if (await pgReachable(url)) return url;
  // A fresh Debian cluster asks for a password over TCP: give the postgres role one for the tests.
  const password = 'bangban-test';
  run('su', ['postgres', '-c', `psql -q -c "ALTER USER postgres PASSWORD '${password}'"`], { allowFailure: true });
  const withPassword = `postgres://postgres:${password}@127.0.0.1:5432/postgres`;
  if (await pgReachable(withPassword)) return withPassword;
  fail(
    `PostgreSQL could not be reached at ${url} nor started here; set BANGBAN_TEST_PG_URL to a server where the user may CREATE DATABASE`,
  );
}
