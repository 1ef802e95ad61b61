import { parentPort, workerData } from 'node:worker_threads';
import { readSheet, type SheetColumn } from './read-sheet.js';

/** Runs in a worker thread (see read-off-thread.ts): parses one XLSX file and posts the rows back. */
const { file, columns, maxRows } = workerData as { file: Uint8Array; columns: SheetColumn[]; maxRows: number };
try {
  parentPort!.postMessage({ ok: true, sheet: await readSheet(Buffer.from(file), { columns, maxRows }) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
