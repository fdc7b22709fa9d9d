/** What every admin command needs: the server's database (same DB_PATH config), migrated, and its services. */
import { existsSync, readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { type core, z } from "zod";
import { fieldProblemSchema } from "../../shared/schemas/errors.js";
import { systemClock } from "../clock.js";
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/connection.js";
import { migrate } from "../db/migrate.js";
import { AppError } from "../errors.js";
import { zodProblems } from "../middleware/errors.js";
import type { Actor } from "../services/admin/index.js";
import { createServices, type Services } from "../services/index.js";

/** The command line acts as whoever is logged in on the server machine; the audit log records that name. */
const cliActor = (): Actor => ({ userId: null, name: `cli:${userInfo().username}` });

/** Runs a command against the configured database; prints failures plainly and sets a non-zero exit code. */
export function runCommand(command: (services: Services, actor: Actor) => void) {
  try {
    const config = loadConfig(process.env);
    // Opening a missing file would create an empty database: a mistyped or forgotten DB_PATH would then answer
    // "no user named …" about a database nobody uses, instead of naming the real mistake.
    if (!existsSync(config.dbPath)) {
      throw new CommandError(
        `There is no database at ${config.dbPath}. Set DB_PATH to the server's database, or start the server once (npm start) to create it.`,
      );
    }
    const db = openDatabase(config.dbPath);
    try {
      migrate(db);
      command(createServices(db, systemClock), cliActor());
    } finally {
      db.close();
    }
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ConfigError || error instanceof CommandError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.code}: ${error.message}${problemLines(error.details)}`);
    else throw error;
  }
}

/** An error's listed problems (`details` of `{ path, message }`), one indented line each. */
function problemLines(details: unknown): string {
  const problems = z.array(fieldProblemSchema).safeParse(details);
  return problems.success ? problems.data.map((problem) => `\n  ${problem.path}: ${problem.message}`).join("") : "";
}

/** A mistake in how the command was called: printed as is, without a stack. */
export class CommandError extends Error {
  override name = "CommandError";
}

/** A JSON file given on the command line, validated whole: a bad one is refused naming every problem's path. */
export function readJsonFile<S extends core.$ZodType>(file: string, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CommandError(`${file} could not be read as JSON: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error).map((problem) => `  ${problem.path}: ${problem.message}`);
    throw new CommandError(`${file} was not used; nothing changed. Problems:\n${problems.join("\n")}`);
  }
  return parsed.data;
}
