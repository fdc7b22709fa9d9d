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
    expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.2" }).trustProxy).toBe("10.0.0.0/8, 192.168.1.2");
    expect(loadConfig({ TRUST_PROXY: "off" }).trustProxy).toBe(false);
  });

  it.each(["true", "TRUE", " true ", "0.0.0.0/0", "loopback, ::/0"])(
    "refuses TRUST_PROXY=%s, which would let any client choose its own address",
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: .*any client.*hop count.*subnets/s);
    },
  );

  it("seeds a demo crowd of 3,000 fans unless DEMO_CROWD is off", () => {
    expect(loadConfig({}).demoCrowdSize).toBe(3000);
    expect(loadConfig({ DEMO_CROWD_SIZE: "200" }).demoCrowdSize).toBe(200);
    expect(loadConfig({ DEMO_CROWD: "off", DEMO_CROWD_SIZE: "200" }).demoCrowdSize).toBeNull();
  });

  it("gives a client 30 s to send a request unless REQUEST_TIMEOUT_SECONDS says otherwise", () => {
    expect(loadConfig({}).requestTimeoutMs).toBe(30_000);
    expect(loadConfig({ REQUEST_TIMEOUT_SECONDS: "5" }).requestTimeoutMs).toBe(5000);
  });

  it("runs without LiteFS or a primary to forward to unless LITEFS_DIR or PRIMARY_URL says so", () => {
    expect(loadConfig({}).replication).toEqual({
      litefsDir: undefined,
      positionFile: undefined,
      primaryUrl: undefined,
      waitTimeoutMs: 5000,
    });
    const replication = loadConfig({
      LITEFS_DIR: "/litefs",
      DB_PATH: "/litefs/frontrunner.db",
      PRIMARY_URL: "http://10.0.0.1:3000/",
      REPLICA_WAIT_TIMEOUT_MS: "2000",
    }).replication;
    expect(replication).toEqual({
      litefsDir: "/litefs",
      positionFile: "/litefs/frontrunner.db-pos",
      primaryUrl: "http://10.0.0.1:3000",
      waitTimeoutMs: 2000,
    });
  });

  it("refuses a database outside LITEFS_DIR: LiteFS serves only the files at the top of its mount", () => {
    expect(() => loadConfig({ LITEFS_DIR: "/litefs", DB_PATH: "/srv/frontrunner.db" })).toThrow(
      /DB_PATH: must be a file directly in LITEFS_DIR/,
    );
    expect(() => loadConfig({ LITEFS_DIR: "/litefs", DB_PATH: "/litefs/data/frontrunner.db" })).toThrow(ConfigError);
  });

  it("keeps source maps private unless SOURCE_MAPS=public", () => {
    expect(loadConfig({}).publicSourceMaps).toBe(false);
    expect(loadConfig({ SOURCE_MAPS: "public" }).publicSourceMaps).toBe(true);
  });

  it("reads PUBLIC_URL without a trailing slash", () => {
    expect(loadConfig({ PUBLIC_URL: "https://frontrunner.example/" }).publicUrl).toBe("https://frontrunner.example");
    expect(loadConfig({}).publicUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ TRUST_PROXY: "maybe; rm -rf" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "loopback, evil.example" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "10.0.0.0/33" }, "TRUST_PROXY"],
    [{ SEED_ON_START: "perhaps" }, "SEED_ON_START"],
    [{ PUBLIC_URL: "javascript:alert(1)" }, "PUBLIC_URL"],
    [{ PUBLIC_URL: "not a url" }, "PUBLIC_URL"],
    [{ DEMO_CROWD: "lots" }, "DEMO_CROWD"],
    [{ DEMO_CROWD_SIZE: "50000" }, "DEMO_CROWD_SIZE"],
    [{ REQUEST_TIMEOUT_SECONDS: "0" }, "REQUEST_TIMEOUT_SECONDS"],
    [{ SOURCE_MAPS: "yes" }, "SOURCE_MAPS"],
    [{ REQUEST_TIMEOUT_SECONDS: "3600" }, "REQUEST_TIMEOUT_SECONDS"],
    [{ RATE_LIMIT_FAILED_LOGINS_PER_USERNAME: "10" }, "RATE_LIMIT_FAILED_LOGINS_PER_USERNAME"],
    [{ PRIMARY_URL: "ftp://10.0.0.1" }, "PRIMARY_URL"],
    [{ PRIMARY_URL: "primary:3000" }, "PRIMARY_URL"],
    [{ REPLICA_WAIT_TIMEOUT_MS: "5" }, "REPLICA_WAIT_TIMEOUT_MS"],
    [{ REPLICA_WAIT_TIMEOUT_MS: "600000" }, "REPLICA_WAIT_TIMEOUT_MS"],
  ])("refuses %o with a message naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});
