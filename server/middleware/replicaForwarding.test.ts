/** Which role a process takes and where it forwards, from LiteFS's `.primary` file or PRIMARY_URL. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { isReplica, primaryOrigin } from "./replicaForwarding.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function litefs(primary?: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "frontrunner-litefs-"));
  dirs.push(dir);
  if (primary !== undefined) writeFileSync(path.join(dir, ".primary"), primary);
  return dir;
}
const replicationOf = (env: NodeJS.ProcessEnv) => loadConfig(env).replication;
const under = (dir: string, env: NodeJS.ProcessEnv = {}) =>
  replicationOf({ LITEFS_DIR: dir, DB_PATH: path.join(dir, "frontrunner.db"), ...env });

describe("isReplica", () => {
  it("is the primary without LiteFS or PRIMARY_URL, and a replica with PRIMARY_URL", () => {
    expect(isReplica(replicationOf({}))).toBe(false);
    expect(isReplica(replicationOf({ PRIMARY_URL: "http://10.0.0.1:3000" }))).toBe(true);
  });

  it("under LiteFS follows the .primary file, which LiteFS writes on replicas only, whatever PRIMARY_URL says", () => {
    expect(isReplica(under(litefs()))).toBe(false);
    expect(isReplica(under(litefs(), { PRIMARY_URL: "http://10.0.0.1:3000" }))).toBe(false);
    expect(isReplica(under(litefs("primary-host\n")))).toBe(true);
  });
});

describe("primaryOrigin", () => {
  it("is PRIMARY_URL when set", () => {
    expect(primaryOrigin(under(litefs("primary-host\n"), { PRIMARY_URL: "https://p.example:8443" }), 3000)).toBe(
      "https://p.example:8443",
    );
  });

  it("is the host .primary names, on this process's port; an IPv6 address in brackets", () => {
    expect(primaryOrigin(under(litefs("abc123.vm.frontrunner.internal\n")), 3000)).toBe(
      "http://abc123.vm.frontrunner.internal:3000",
    );
    expect(primaryOrigin(under(litefs("fdaa:0:2fff:a7b:2cc3:1:932e:2\n")), 8080)).toBe(
      "http://[fdaa:0:2fff:a7b:2cc3:1:932e:2]:8080",
    );
  });

  it("is unknown when no primary is named", () => {
    expect(primaryOrigin(under(litefs()), 3000)).toBeUndefined();
    expect(primaryOrigin(under(litefs("\n")), 3000)).toBeUndefined();
    expect(primaryOrigin(replicationOf({}), 3000)).toBeUndefined();
  });
});
