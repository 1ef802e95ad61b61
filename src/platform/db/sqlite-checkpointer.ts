import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker copies the write-ahead log back into the database file. */
export const CHECKPOINT_EVERY_MS = 200;
/** The write-ahead log's file is cut back to this size when it starts over (it can grow in a burst). */
export const WAL_SIZE_LIMIT = 64 * 1024 * 1024;
/**
 * The node's own connection checkpoints only when the log reaches this many pages (64 MB of 4 kB
 * pages), a backstop: the log starts over when a writer finds it copied completely, which the
 * worker sees to (below); should the worker fall behind, the node's checkpoint is short (the
 * worker has copied nearly all of it), and the log starts over.
 */
export const WAL_BACKSTOP_PAGES = 16_384;
/** A hold the worker raised is ignored after this long (a worker that died holding it holds nothing). */
const HOLD_AT_MOST_MS = 100;

// CommonJS, evaluated in the worker: its own connection, a PASSIVE checkpoint on a timer (it
// neither waits for nor blocks the node's writers and readers; what a reader still needs is
// copied next time), a last one when stopped.
//
// The log starts over (is written from its beginning again) only when a writer finds every frame
// copied; frames committed while a checkpoint runs leave it incomplete, and under writes that
// never pause it never is (the log grew to the backstop every 1.2 s at 2,000 chat messages a
// second, and the node's own checkpoint then stopped the event loop for 100-300 ms to sync it).
// So when a pass leaves frames behind, the worker raises the hold (the time it did so) while it
// copies the rest in short passes: the node's group commit starts no new batch meanwhile (a few
// milliseconds), and its next write starts the log over.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const hold = new BigInt64Array(workerData.hold);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
} catch (e) {
  parentPort.postMessage({ failed: String(e) });
  process.exit(1);
}
const pass = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const checkpoint = () => {
  try {
    // each pass copies what was committed before it; the next one what came during it
    let r = pass();
    let before = -1;
    for (let i = 0; i < 3 && !r.busy && r.log > 0 && r.log !== before; i++) {
      before = r.log;
      r = pass();
    }
    if (r.busy || r.log <= 0 || r.log === before) return; // caught up (or nothing to do)
    // still behind (a busy node): the node starts no new batch of writes while the last few frames are copied
    Atomics.store(hold, 0, BigInt(Date.now()));
    try {
      for (let i = 0; i < 20 && !r.busy && (r.log !== before || r.checkpointed < r.log); i++) {
        before = r.log;
        r = pass();
      }
    } finally {
      Atomics.store(hold, 0, 0n);
    }
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
  /** the worker is finishing a checkpoint and asks the node to start no new batch of writes */
  holding(): boolean;
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
  const hold = new SharedArrayBuffer(8);
  const raised = new BigInt64Array(hold);
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs, hold } });
  worker.unref(); // a node that is ending anyway is not held up by its checkpoints
  worker.on('error', onFail);
  worker.on('message', (m: { failed?: string }) => m.failed && onFail(new Error(m.failed)));
  let stopped: Promise<void> | null = null;
  return {
    holding: () => {
      const at = Atomics.load(raised, 0);
      const age = Date.now() - Number(at);
      return at > 0n && age >= 0 && age < HOLD_AT_MOST_MS; // (a clock set back ends the hold too)
    },
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        worker.on('message', (m: { stopped?: boolean }) => m.stopped && void worker.terminate().finally(resolve));
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      })),
  };
}
