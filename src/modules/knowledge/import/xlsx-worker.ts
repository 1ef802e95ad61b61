import { parentPort, workerData } from 'node:worker_threads';
import { readXlsx } from './xlsx-format.js';

/** Runs in a worker thread (see xlsx-off-thread.ts): parses one XLSX file and posts the rows back. */
const { file, maxRows } = workerData as { file: Uint8Array; maxRows: number };
try {
  parentPort!.postMessage({ ok: true, sheet: await readXlsx(Buffer.from(file), { maxRows }) });
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
