import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { childPids, cpuSeconds } from "./serverProcess.js";

describe("childPids", () => {
  it("finds a process this one started, and not this one", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30_000)"], { stdio: "ignore" });
    try {
      await once(child, "spawn");
      const children = childPids(process.pid);
      expect(children).toContain(child.pid);
      expect(children).not.toContain(process.pid);
      expect(childPids(child.pid as number)).toEqual([]);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("cpuSeconds", () => {
  it("reads this process's CPU time as /proc counts it", () => {
    const used = process.cpuUsage();
    // /proc counts in clock ticks (10 ms), so the two agree to within a tick or two.
    expect(Math.abs(cpuSeconds(process.pid) - (used.user + used.system) / 1e6)).toBeLessThan(0.1);
  });
});
