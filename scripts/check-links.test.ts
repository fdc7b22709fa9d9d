import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { anchorsOf, checkLinks, githubSlug, linksIn } from "./check-links.mjs";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout holding the given files (path → content). */
function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "frontrunner-links-"));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

const docs = {
  "server/app.ts": "",
  "docs/api.md": "# API\n\n## Error codes\n\nText.\n\n## `GET /api/health`\n",
};

describe("checkLinks", () => {
  it("passes links to files that exist and to headings those files have", () => {
    const root = checkout({
      ...docs,
      "README.md": [
        "See [the API](docs/api.md), its [error codes](docs/api.md#error-codes) and",
        "[the health",
        "check](docs/api.md#get-apihealth); the app is [`app.ts`](server/app.ts), [here](#readme-heading) too.",
        "Outside: [Express](https://expressjs.com/#x), [mail](mailto:a@b.example).",
        "",
        "## README heading",
      ].join("\n"),
      "docs/nested/deep.md": "Back to [the app](../../server/app.ts) and [the root](/README.md).\n",
    });
    expect(checkLinks(root)).toEqual([]);
  });

  it("fails a link to a file that does not exist, naming the file, line and target", () => {
    const root = checkout({ ...docs, "README.md": "# Front\n\nThe [cache](server/services/gone.ts) moved.\n" });
    expect(checkLinks(root)).toEqual([
      { file: "README.md", line: 3, target: "server/services/gone.ts", problem: "no such file" },
    ]);
  });

  it("fails an anchor that no heading of the target produces", () => {
    const root = checkout({ ...docs, "docs/guide.md": "# Guide\n\nSee [codes](api.md#error-code).\n" });
    expect(checkLinks(root)).toEqual([
      { file: "docs/guide.md", line: 3, target: "api.md#error-code", problem: "no heading with this anchor" },
    ]);
  });

  it("ignores link-like text in code", () => {
    const root = checkout({ "README.md": "```md\n[a](missing.md)\n```\n\nInline `[b](missing.md)` too.\n" });
    expect(checkLinks(root)).toEqual([]);
  });

  it("exits 1 from the command line and lists each broken link as file:line: target", () => {
    const root = checkout({ ...docs, "docs/guide.md": "Intro.\n\n[one](nope.md) and [two](api.md#nope)\n" });
    const run = spawnSync(process.execPath, [path.join(import.meta.dirname, "check-links.mjs"), root], {
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("docs/guide.md:3: nope.md (no such file)");
    expect(run.stderr).toContain("docs/guide.md:3: api.md#nope (no heading with this anchor)");
  });
});

describe("GitHub's anchors", () => {
  it("slugs a heading as GitHub does", () => {
    expect(githubSlug("Odds and live — the stream")).toBe("odds-and-live--the-stream");
    expect(githubSlug("`server/httpServer.ts`: request prototypes")).toBe("serverhttpserverts-request-prototypes");
    expect(githubSlug("What's *new* in [v2](x.md)?")).toBe("whats-new-in-v2");
    expect(githubSlug("snake_case and _emphasis_")).toBe("snake_case-and-emphasis");
  });

  it("numbers repeated headings and reads setext headings", () => {
    const anchors = anchorsOf("# Notes\n\n## Notes\n\nTitle\n=====\n\n```\n# not a heading\n```\n");
    expect([...anchors]).toEqual(["notes", "notes-1", "title"]);
  });

  it("reports each link on the line of its target", () => {
    expect(linksIn("a [b\nc](d.md) e\n\n[f]: <g h.md>\n")).toEqual([
      { line: 2, target: "d.md" },
      { line: 4, target: "g h.md" },
    ]);
  });
});
