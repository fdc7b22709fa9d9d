/**
 * Starting and watching the built server from a benchmark: a free port, the health wait, a clean stop, and what
 * Linux's /proc says about the process (memory, CPU time).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { projectRoot } from "../server/paths.js";

export const serverEntry = path.join(projectRoot, "dist/server/server/main.js");

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

/** Waits for the server to answer its health check: it migrates and opens the database first. */
export async function waitForHealth(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server did not become healthy within a minute");
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit");
}

/** The built server on a database file, as every benchmark starts it; `env` adds to (or overrides) the defaults. */
export async function startServer(dbPath: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [serverEntry], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DB_PATH: dbPath,
      LOG_LEVEL: "warn",
      DEMO_CROWD: "off",
      SEED_ON_START: "off",
      ...env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { child, url, port };
}

function statusField(pid: number, field: "VmHWM" | "VmRSS"): number | null {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB$`, "m").exec(status)?.[1];
  return kb === undefined ? null : Number(kb) / 1024;
}

/** The peak resident memory of a process so far (Linux), in whole MB. */
export function peakRssMb(pid: number): number | null {
  const mb = statusField(pid, "VmHWM");
  return mb === null ? null : Math.round(mb);
}

/** The resident memory of a process now (Linux), in MB. */
export const rssMb = (pid: number): number | null => statusField(pid, "VmRSS");

/** Clock ticks per second of /proc's CPU times: 100 on every Linux this runs on (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the file, so 12 and 13 after the name and state.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** The processes whose parent is `pid` (Linux): a cluster primary's workers. */
export function childPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        // The parent's id is the second field after the command name's closing parenthesis.
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // the process ended while /proc was being read
      }
    })
    .map(Number);
}
