/** Runs the real server (server/main.ts) as a child process, for tests of start-up, crashes and shutdown. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "../paths.js";

export type ServerProcess = ReturnType<typeof startServerProcess>;

const running = new Set<ChildProcess>();
const tempDirs: string[] = [];

export function startServerProcess(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: projectRoot,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", NODE_ENV: "production", DEMO_CROWD: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(({ code }) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  // Tests that expect an early exit never await `listening`; its rejection is not a failure there.
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => output };
}

export function tempDbPath() {
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-process-"));
  tempDirs.push(dir);
  return path.join(dir, "app.db");
}

/** For afterEach: kills what is still running and removes temp databases. */
export function cleanUpServerProcesses() {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
