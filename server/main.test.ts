/** The server as a process: fails fast on bad config, and two servers on two databases run side by side. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "./paths.js";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: projectRoot,
    // The demo crowd is covered by its own tests; here it would only slow every start.
    env: { ...process.env, LOG_LEVEL: "info", NODE_ENV: "production", DEMO_CROWD: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  // Tests that expect an early exit never await `listening`; its rejection is not a failure there.
  listening.catch(() => undefined);
  return { child, exited, listening, output: () => output };
}

const tempDb = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-main-"));
  dirs.push(dir);
  return path.join(dir, "app.db");
};

describe("server process", () => {
  it("stops at start with a clear message when the config is invalid", async () => {
    const server = startServer({ PORT: "not-a-port", DB_PATH: tempDb() });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("Invalid configuration in the environment");
    expect(server.output()).toContain("PORT:");
  });

  it("runs two servers on two databases side by side", async () => {
    const first = startServer({ PORT: "0", DB_PATH: tempDb() });
    const second = startServer({ PORT: "0", DB_PATH: tempDb() });
    const urls = await Promise.all([first.listening, second.listening]);
    expect(urls[0]).not.toBe(urls[1]);
    for (const url of urls) {
      const response = await fetch(`${url}/api/events/oscars-2017`);
      expect(response.status).toBe(200);
    }
  });

  it("stops cleanly on SIGTERM even while a live odds stream is open", async () => {
    const server = startServer({ PORT: "0", DB_PATH: tempDb() });
    const url = await server.listening;
    const stream = await fetch(`${url}/api/odds/stream`);
    const reader = stream.body?.getReader();
    await reader?.read();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });
});
