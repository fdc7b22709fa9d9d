/** Runs the real server (server/main.ts) as a child process, for tests of start-up, crashes and shutdown. */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "../paths.js";

export type ServerProcess = ReturnType<typeof startServerProcess>;

const running = new Set<ChildProcess>();
const tempDirs: string[] = [];

/**
 * `logFile` sends the server's stdout to that file (appending) instead of a pipe, and caps the size of every file
 * the server writes at `maxKiB` (`ulimit -f`), so a write past it fails with EFBIG as on a full log volume. The
 * database and its WAL must stay under the cap.
 */
export function startServerProcess(
  env: NodeJS.ProcessEnv,
  options: { logFile?: { path: string; maxKiB: number } } = {},
) {
  const { logFile } = options;
  const server = [process.execPath, "--import", "tsx", "server/main.ts"];
  const stdout = logFile ? openSync(logFile.path, "a") : "pipe";
  const child = spawn(
    logFile ? "bash" : process.execPath,
    logFile ? ["-c", `ulimit -f ${logFile.maxKiB} && exec "$@"`, "bash", ...server] : server.slice(1),
    {
      cwd: projectRoot,
      env: { ...process.env, PORT: "0", LOG_LEVEL: "info", NODE_ENV: "production", DEMO_CROWD: "off", ...env },
      stdio: ["ignore", stdout, "pipe"],
    },
  );
  if (typeof stdout === "number") closeSync(stdout);
  running.add(child);
  let collected = "";
  const collect = (chunk: Buffer) => {
    collected += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const output = () => (logFile ? readIfThere(logFile.path) : "") + collected;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const listening = new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output());
      if (match?.[1]) resolve(match[1]);
      return match !== null;
    };
    child.stdout?.on("data", check);
    // A file has no data events: look until the line is there.
    if (logFile) {
      const looking = setInterval(() => check() && clearInterval(looking), 50);
      void exited.then(() => clearInterval(looking));
    }
    void exited.then(({ code }) => reject(new Error(`server exited with ${code}: ${output()}`)));
  });
  // Tests that expect an early exit never await `listening`; its rejection is not a failure there.
  listening.catch(() => undefined);
  return { child, exited, listening, output };
}

/** The file's text, or nothing once cleanup has removed it (a late `exited` handler may still ask). */
function readIfThere(file: string) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** A new folder that cleanup removes: a database's, or a stand-in for LiteFS's mount. */
export function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-process-"));
  tempDirs.push(dir);
  return dir;
}

export const tempDbPath = () => path.join(tempDir(), "app.db");

/** For afterEach: kills what is still running and removes temp databases. */
export function cleanUpServerProcesses() {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
