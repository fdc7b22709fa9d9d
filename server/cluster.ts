/**
 * Runs `WORKERS` server processes on one port with node:cluster: forks them, replaces one that dies, and stops them
 * all on SIGTERM/SIGINT. The primary serves no requests; each worker is server/main.ts serving over the shared file.
 */
import cluster, { type Worker } from "node:cluster";
import type { Logger } from "pino";

/** A worker that dies before it ever listened would die again (a port in use, a broken build): give up instead. */
export function runCluster({
  workers,
  entry,
  logger,
  onStopped,
}: {
  workers: number;
  /** The module each worker runs (main.ts, or its build). */
  entry: string;
  logger: Logger;
  /** Called once every worker has exited after a stop, with the exit code the primary should use. */
  onStopped: (code: number) => void;
}) {
  cluster.setupPrimary({ exec: entry });
  let stopping = false;
  let failed = false;
  const listened = new WeakSet<Worker>();

  const fork = () => {
    const worker = cluster.fork();
    worker.on("listening", () => listened.add(worker));
    return worker;
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, "stopping every worker");
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    if (Object.keys(cluster.workers ?? {}).length === 0) onStopped(failed ? 1 : 0);
  };

  cluster.on("online", (worker) => logger.info({ worker: worker.process.pid }, "worker started"));
  cluster.on("exit", (worker, code, signal) => {
    const left = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (code !== 0) failed = true;
      if (left === 0) onStopped(failed ? 1 : 0);
      return;
    }
    if (!listened.has(worker)) {
      logger.fatal({ worker: worker.process.pid, code, signal }, "a worker exited before it listened: stopping");
      failed = true;
      stop("SIGTERM");
      return;
    }
    // Its in-flight requests are lost with it (their fans saw an error, never an acknowledgement); what it committed
    // is in the file. A new worker takes its place on the same port.
    logger.error({ worker: worker.process.pid, code, signal }, "worker died: starting another");
    fork();
  });

  for (let index = 0; index < workers; index++) fork();
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
