/** Runs one of the command-line tools (server/cli/*.ts) as the operator would, against a test's database file. */
import { execFile } from "node:child_process";
import { projectRoot } from "../paths.js";

type CliResult = { status: number | null; stdout: string; stderr: string };

/**
 * `script` is the file under server/cli, e.g. `admin.ts`; the exit status is null only when a signal ended it.
 * Asynchronous: the test process also serves the API under test, and an event loop blocked for seconds wakes up to
 * reuse keep-alive connections the server is just closing (ECONNRESET).
 */
export function runCli(script: string, dbPath: string, ...args: string[]) {
  return new Promise<CliResult>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `server/cli/${script}`, ...args],
      { cwd: projectRoot, env: { ...process.env, DB_PATH: dbPath }, encoding: "utf8" },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
