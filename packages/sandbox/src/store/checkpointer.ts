/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit crosses
 * the threshold, on the thread that commits: here the only thread that answers requests. Under load it
 * copied megabytes back into the database file and fsynced it there (single fsyncs measured at 40–135 ms
 * on this VM, event-loop stalls up to ~1 s). A worker thread with its own connection runs PASSIVE
 * checkpoints instead: they never block writers, and their fsyncs block only the worker.
 *
 * Durability is unchanged: a commit is durable (against a process crash, as `synchronous = NORMAL`
 * promises) once it is in the WAL; checkpoints only move committed pages into the main file.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface Checkpointer {
  /** Stops the worker and closes its connection, so that the main connection closes last (and cleans up). */
  stop(): Promise<void>;
}

// How often the worker checkpoints; the WAL grows by at most what is committed in this time.
const INTERVAL_MS = 200;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.close();
});
`;

export function startCheckpointer(file: string): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, file, intervalMs: INTERVAL_MS } });
  worker.unref();
  // A failing worker only means the main connection's own (rarer) autocheckpoints take over.
  worker.on('error', (error) => console.error('[sandbox] checkpoint worker failed', error));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopping: Promise<void> | null = null;
  return {
    stop() {
      stopping ??= (async () => {
        worker.postMessage('stop');
        const timeout = setTimeout(() => void worker.terminate(), 2000);
        await exited;
        clearTimeout(timeout);
      })();
      return stopping;
    },
  };
}
