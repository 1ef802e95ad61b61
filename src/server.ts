import { buildApp } from './app.js';
import { systemClock } from './platform/clock.js';
import { loadConfig } from './platform/config.js';

/** Starts Bangban: one process serving the API and the web app. */
async function main(): Promise<void> {
  const config = loadConfig();
  const { app } = await buildApp({ config, clock: systemClock, background: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const db = config.databaseUrl.startsWith('sqlite:') ? `SQLite ${config.databaseUrl.slice(7)}` : 'PostgreSQL';
  console.log(`\n  Bangban 帮办 is running at ${url}  (database: ${db})`);
  if (config.demo)
    console.log(
      `  Demo accounts: see README.md "Demo accounts" or the sign-in page at ${url}/login (password Bangban2026)`,
    );
  else console.log('  Production mode: create the first administrator with `npm run admin:create`');
  console.log(`  API docs: ${url}/api/docs\n`);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((err) => {
  console.error('Bangban failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
