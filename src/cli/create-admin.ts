// `npm run admin:create -- --username NAME [--name 显示名] [--department sci-it]`
// Creates an administrator (the way to get the first one in production, where no demo accounts
// exist). The password comes from BANGBAN_ADMIN_PASSWORD or is asked for on the terminal.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { loadConfig } from '../platform/config.js';
import { systemClock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { seedOrganisation } from '../modules/org/seed/seed-organisation.js';
import { seedCalendar } from '../modules/calendar/seed-calendar.js';
import { createUser } from '../modules/org/use-cases/create-user.js';

async function askPassword(): Promise<string> {
  if (process.env.BANGBAN_ADMIN_PASSWORD) return process.env.BANGBAN_ADMIN_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
    if (s.includes('密码')) process.stdout.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question('新管理员密码 Password: ', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string', default: 'sci-it' },
    },
  });
  if (!values.username)
    throw new Error('usage: npm run admin:create -- --username NAME [--name 显示名] [--department CODE]');
  const config = loadConfig();
  const db = connectDatabase(config.databaseUrl, config);
  try {
    await migrateToLatest(db);
    const now = systemClock.now();
    await seedOrganisation(db, now, { demo: config.demo });
    await seedCalendar(db, now);
    const dept = await db
      .selectFrom('departments')
      .select('id')
      .where('code', '=', values.department)
      .executeTakeFirst();
    const password = await askPassword();
    await createUser(db, { userId: null, label: 'cli admin:create' }, now, {
      username: values.username,
      displayName: values.name ?? '系统管理员',
      password,
      departmentId: dept?.id ?? null,
      roles: ['admin'],
    });
    console.log(`Administrator "${values.username}" created. Sign in at /login.`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof AppError ? `${err.messages.zh} / ${err.messages.en}` : (err as Error).message);
  process.exit(1);
});
