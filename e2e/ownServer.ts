/**
 * A server of a spec's own, on the port after the suite's and over a database of its own: for specs that import
 * another season, which makes it the current season for every page and would change what the other specs see.
 * Specs run one at a time (playwright.config.ts: one worker), so the one spare port is enough.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** `name` labels its temporary folder; `env` adds to or overrides the server's settings (e.g. no demo crowd). */
export function ownServer(name: string, env: NodeJS.ProcessEnv = {}) {
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const origin = `http://127.0.0.1:${port}`;
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), `frontrunner-${name}-`)), `${name}.db`);
  /** The server's environment; the operator's commands run with it too, so they act on this server's database. */
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DB_PATH: dbPath,
    // Leaving a page aborts its live stream, which logs a warning: only errors belong in the test's output.
    LOG_LEVEL: "error",
    NODE_ENV: "production",
    DEMO_CROWD_SIZE: "150",
    ...env,
  };
  let child: ChildProcess | undefined;

  /** Polls the health check until it answers, each request and the whole wait bounded. */
  async function waitForHealth(deadlineMs: number) {
    while (Date.now() < deadlineMs) {
      const healthy = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the ${name} server on ${origin} did not answer its health check in time`);
  }

  return {
    origin,
    env: serverEnv,
    async start() {
      child = spawn(process.execPath, ["dist/server/server/main.js"], { env: serverEnv, stdio: "inherit" });
      await waitForHealth(Date.now() + 90_000);
    },
    /** SIGTERM, and SIGKILL if it has not exited 10 s later. */
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (running.exitCode === null) running.kill("SIGKILL");
    },
  };
}
