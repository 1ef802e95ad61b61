// `npm start`: installs what is missing, builds the web app, starts Bangban on SQLite with demo data.
import { spawn } from 'node:child_process';
import { checkNode, ensureDependencies, ensureWebBuild, root } from './lib.mjs';

checkNode();
ensureDependencies();
ensureWebBuild();

const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
