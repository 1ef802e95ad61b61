import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker copies the write-ahead log back into the database file. */
export const CHECKPOINT_EVERY_MS = 200;
/** The write-ahead log's file is cut back to this size when it starts over (it can grow in a burst). */
export const WAL_SIZE_LIMIT = 64 * 1024 * 1024;
/**
 * The node's own connection checkpoints only when the log reaches this many pages (64 MB of 4 kB
 * pages): under writes that never pause the worker never catches up completely, and a log that is
 * never complete never starts over (it grew by gigabytes a minute in a test). By then the worker
 * has copied nearly all of it, so the node's checkpoint is short, and the log starts over.
 */
export const WAL_BACKSTOP_PAGES = 16_384;

// CommonJS, evaluated in the worker: its own connection, a PASSIVE checkpoint on a timer (it
// neither waits for nor blocks the node's writers and readers; what a reader still needs is
// copied next time), a last one when stopped.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
} catch (e) {
  parentPort.postMessage({ failed: String(e) });
  process.exit(1);
}
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy (another process's checkpoint) or the file is going away: the next tick tries again
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

export interface Checkpointer {
  /** the last checkpoint, then the worker's connection closes (before the node's own does) */
  stop(): Promise<void>;
}

/**
 * SQLite's write-ahead log is copied back into the database file by checkpoints. By default the
 * connection that commits runs one every 1,000 pages, inside that commit: on a busy node with a
 * database of some size that was most of the time of every commit (bench:orders at 20,000 orders:
 * 3.2 ms per commit, 0.4 ms without), and better-sqlite3 runs it on the event loop, so every
 * request waited. Here a worker thread with a connection of its own does it every
 * CHECKPOINT_EVERY_MS, and the node's connection only past WAL_BACKSTOP_PAGES (set by the caller).
 * Durability is unchanged: with `synchronous = normal` the log is synced at checkpoints, now the
 * worker's; with `full` at every commit as before.
 */
export function startCheckpointer(
  file: string,
  /** the worker could not run (its connection failed to open): the node checkpoints itself again */
  onFail: (err: Error) => void,
  everyMs = CHECKPOINT_EVERY_MS,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs } });
  worker.unref(); // a node that is ending anyway is not held up by its checkpoints
  worker.on('error', onFail);
  worker.on('message', (m: { failed?: string }) => m.failed && onFail(new Error(m.failed)));
  let stopped: Promise<void> | null = null;
  return {
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        worker.on('message', (m: { stopped?: boolean }) => m.stopped && void worker.terminate().finally(resolve));
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      })),
  };
}
