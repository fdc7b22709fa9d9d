import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildOutputs, whyBuild } from "./buildFreshness.mjs";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout with one source file and, optionally, a build; every file written at the given second. */
function checkout(options: { built: boolean }) {
  const root = mkdtempSync(path.join(tmpdir(), "frontrunner-freshness-"));
  roots.push(root);
  const write = (file: string, second: number) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, "");
    utimesSync(full, second, second);
  };
  write("server/routes/picks.ts", 1_000);
  if (options.built) for (const output of buildOutputs) write(output, 2_000);
  return { root, write };
}

describe("whyBuild", () => {
  it("asks for a build when there is none", () => {
    expect(whyBuild(checkout({ built: false }).root)).toBe("No build found");
  });

  it("starts a build that is newer than every source as it is", () => {
    expect(whyBuild(checkout({ built: true }).root)).toBeNull();
  });

  it("does not rebuild for a changed test", () => {
    const { root, write } = checkout({ built: true });
    write("server/routes/picks.test.ts", 3_000);
    expect(whyBuild(root)).toBeNull();
  });

  it("rebuilds when a source file, however deep, changed after the build", () => {
    const { root, write } = checkout({ built: true });
    write("client/features/ballot/Ballot.tsx", 3_000);
    expect(whyBuild(root)).toBe("The source changed since the last build");
  });
});
