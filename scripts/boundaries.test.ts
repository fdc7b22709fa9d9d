/**
 * The server's boundaries (docs/boundaries.md) as biome.json enforces them: each rule runs on a throwaway tree
 * holding one violation per rule next to the lines it must let through, so a rule that stops firing, or starts
 * firing where it should not, fails here rather than silently in review.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");

/** Files of the throwaway tree: every line marked `// ✗` must be reported, and nothing else. */
const tree: Record<string, string> = {
  "server/services/http.ts": `
import express from "express"; // ✗
import rateLimit from "express-rate-limit"; // ✗
import type { Request } from "express"; // ✗
import { createServer } from "node:http"; // ✗
import { picks } from "../routes/picks.js"; // ✗
import { session } from "../middleware/session.js"; // ✗
import type { Db } from "../db/connection.js";
import { createPickRepository } from "../repositories/pickRepository.js";
import { seasonService } from "./seasonService.js";
export type { Db, Request };
export { createPickRepository, createServer, express, picks, rateLimit, seasonService, session };
`,
  "server/repositories/layers.ts": `
import helmet from "helmet"; // ✗
import { parse } from "cookie"; // ✗
import { createServices } from "../services/index.js"; // ✗
import { picksRouter } from "../routes/picks.js"; // ✗
import { presentPick } from "../presenters/picks.js"; // ✗
import type { Standing } from "../../shared/domain/scoring.js";
import type { Db } from "../db/connection.js";
import { createSeasonRepository } from "./seasonRepository.js";
export type { Db, Standing };
export { createSeasonRepository, createServices, helmet, parse, picksRouter, presentPick };
export const byId = (db: Db) => db.prepare("SELECT id FROM users WHERE id = ?");
`,
  "shared/domain/imports.ts": `
import { notFound } from "../../server/errors.js"; // ✗
import { api } from "../../client/api/client.js"; // ✗
import { z } from "zod";
import { pickSchema } from "../schemas/picks.js";
export { api, notFound, pickSchema, z };
`,
  "server/routes/sql.ts": `
import type { Db } from "../db/connection.js";
export const count = (db: Db) => db.prepare("SELECT COUNT(*) FROM users"); // ✗
export const check = (db: Db) => db.pragma("integrity_check"); // ✗
export const wipe = (db: Db) => db.exec(sql); // ✗
export const sql = "DELETE FROM sessions WHERE expires_at < ?"; // ✗
export const move = (table: string) => \`UPDATE \${table} SET rank = rank + 1\`; // ✗
export const insert = "INSERT INTO picks VALUES (?, ?, ?)"; // ✗
export const tokenOf = (header: string) => /token=(\\w+)/.exec(header)?.[1];
export const prose = "Select a winner from the nominees, then update the ballot.";
export const inTransaction = (db: Db, write: () => void) => db.transaction(write)();
`,
  "server/cli/sql.ts": `
import type { Db } from "../db/connection.js";
export const last = (db: Db) => db.prepare("SELECT MAX(id) FROM users").get(); // ✗
`,
  "server/seed/sql.ts": `
export const seed = "INSERT INTO users (username) VALUES (?)"; // ✗
`,
  "server/app.ts": `
export const hours = "SELECT hour FROM opening_times"; // ✗
`,
  "shared/schemas/sql.ts": `
export const text = "DELETE FROM picks"; // ✗
`,
  // Exempt: SQL's own homes, the test harness and tests.
  "server/db/migrate.ts": `export const run = (db: { exec(sql: string): void }) => db.exec("DELETE FROM schema_migrations");\n`,
  "server/test-support/factories.ts": `export const make = (db: { prepare(sql: string): unknown }) => db.prepare("INSERT INTO users VALUES (?)");\n`,
  "server/routes/picks.test.ts": `export const lock = (db: { prepare(sql: string): unknown }) => db.prepare("UPDATE categories SET locks_at = ?");\n`,
};

type Report = { file: string; line: number; rule: string };

/** Every `// ✗` line of the tree. */
const expected = Object.entries(tree).flatMap(([file, text]) =>
  text.split("\n").flatMap((line, index) => (line.endsWith("// ✗") ? [{ file, line: index + 1 }] : [])),
);

let dir = "";
let reports: Report[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "frontrunner-boundaries-"));
  // The project's own configuration and plugin; only version control is off, as the copy is not a checkout.
  const config = JSON.parse(readFileSync(path.join(root, "biome.json"), "utf8"));
  config.$schema = undefined;
  config.vcs = { enabled: false };
  writeFileSync(path.join(dir, "biome.json"), JSON.stringify(config));
  cpSync(path.join(root, "lint"), path.join(dir, "lint"), { recursive: true });
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const run = spawnSync(process.execPath, [biome, "lint", "--reporter=json", "--max-diagnostics=none", "."], {
    cwd: dir,
    encoding: "utf8",
  });
  const output = JSON.parse(run.stdout) as {
    diagnostics: { category: string; location: { path: string; start: { line: number } } }[];
  };
  reports = output.diagnostics.map((diagnostic) => ({
    file: diagnostic.location.path,
    line: diagnostic.location.start.line,
    rule: diagnostic.category,
  }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const reportedIn = (prefix: string) =>
  reports
    .filter((report) => report.file.startsWith(prefix))
    .map(({ file, line }) => ({ file, line }))
    .toSorted((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
const expectedIn = (prefix: string) =>
  expected
    .filter((mark) => mark.file.startsWith(prefix))
    .toSorted((a, b) => a.file.localeCompare(b.file) || a.line - b.line);

describe("server boundaries in biome.json", () => {
  it("keeps HTTP and the layers above out of services and repositories", () => {
    expect(reportedIn("server/services/")).toEqual(expectedIn("server/services/"));
    expect(reportedIn("server/repositories/")).toEqual(expectedIn("server/repositories/"));
  });

  it("keeps shared/ free of server and client imports", () => {
    expect(reportedIn("shared/domain/")).toEqual(expectedIn("shared/domain/"));
  });

  it("reports SQL outside repositories and server/db, once per statement, and lets regexes and prose through", () => {
    for (const prefix of ["server/routes/", "server/cli/", "server/seed/", "server/app.ts", "shared/schemas/"]) {
      expect(reportedIn(prefix)).toEqual(expectedIn(prefix));
    }
  });

  it("exempts server/db, server/test-support and tests from the SQL rule", () => {
    expect(reportedIn("server/db/")).toEqual([]);
    expect(reportedIn("server/test-support/")).toEqual([]);
  });

  it("reports nothing but these rules", () => {
    const rules = new Set(reports.map((report) => report.rule));
    expect(rules).toEqual(new Set(["lint/style/noRestrictedImports", "plugin"]));
    expect(reports).toHaveLength(expected.length);
  });
});
