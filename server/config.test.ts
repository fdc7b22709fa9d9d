import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { projectRoot } from "./paths.js";

describe("loadConfig", () => {
  it("has defaults that run the app on port 3000 with a database under data/", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", env: "production", trustProxy: false });
    expect(config.dbPath).toBe(path.join(projectRoot, "data", "frontrunner.db"));
  });

  it("reads PORT, HOST, DB_PATH and TRUST_PROXY", () => {
    const config = loadConfig({ PORT: "8080", HOST: "0.0.0.0", DB_PATH: "/tmp/x.db", TRUST_PROXY: "1" });
    expect(config).toMatchObject({ port: 8080, host: "0.0.0.0", dbPath: "/tmp/x.db", trustProxy: 1 });
    expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ TRUST_PROXY: "maybe; rm -rf" }, "TRUST_PROXY"],
    [{ SEED_ON_START: "perhaps" }, "SEED_ON_START"],
  ])("refuses %o with a message naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});
