import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SheetColumn, SheetRows } from './read-sheet.js';

const require = createRequire(import.meta.url);
const WORKER = new URL('./sheet-worker.ts', import.meta.url).href;
// the ESM build of tsx's API (require.resolve finds its CommonJS twin beside it)
const TSX = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
/** Registers the TypeScript loader in the new thread (the server runs its sources through tsx), then runs the worker. */
const BOOT = `import(${JSON.stringify(TSX)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER)}); })`;

/**
 * Parses an XLSX file in a worker thread: a sheet of hundreds of thousands of rows takes ExcelJS
 * many seconds of CPU, which on the main thread would stall every other request (/healthz
 * included). Refuses more than `maxRows` data rows.
 */
export function readSheetOffThread(
  file: Buffer,
  opts: { columns: readonly SheetColumn[]; maxRows: number },
): Promise<SheetRows> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { file, columns: opts.columns, maxRows: opts.maxRows },
    });
    worker.once('message', (m: { ok: true; sheet: SheetRows } | { ok: false; message: string }) => {
      void worker.terminate();
      if (m.ok) resolve(m.sheet);
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`xlsx worker exited with ${code}`));
    });
  });
}
