/** The server as a process: fails fast on bad config, and two servers on two databases run side by side. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanUpServerProcesses, startServerProcess, tempDbPath } from "./test-support/serverProcess.js";

afterEach(cleanUpServerProcesses);

describe("server process", () => {
  it("stops at start with a clear message when the config is invalid", async () => {
    const server = startServerProcess({ PORT: "not-a-port", DB_PATH: tempDbPath() });
    expect((await server.exited).code).toBe(1);
    expect(server.output()).toContain("Invalid configuration in the environment");
    expect(server.output()).toContain("PORT: must be a port number");
  });

  it("refuses TRUST_PROXY=true at start, saying what to set instead", async () => {
    const server = startServerProcess({ TRUST_PROXY: "true", DB_PATH: tempDbPath() });
    expect((await server.exited).code).toBe(1);
    expect(server.output()).toContain("Invalid configuration in the environment");
    expect(server.output()).toMatch(/TRUST_PROXY: .*any client.*hop count.*subnets/);
  });

  it("runs two servers on two databases side by side", async () => {
    const first = startServerProcess({ DB_PATH: tempDbPath() });
    const second = startServerProcess({ DB_PATH: tempDbPath() });
    const urls = await Promise.all([first.listening, second.listening]);
    expect(urls[0]).not.toBe(urls[1]);
    for (const url of urls) {
      const response = await fetch(`${url}/api/events/oscars-2017`);
      expect(response.status).toBe(200);
    }
  });
});
