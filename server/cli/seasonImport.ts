/** `npm run season:import -- <file>`: creates or updates a season from a JSON file; a bad file changes nothing. */
import { readFileSync } from "node:fs";
import { seasonFileSchema } from "../../shared/schemas/season.js";
import { zodProblems } from "../middleware/errors.js";
import { CommandError, runCommand } from "./context.js";

runCommand((services, actor) => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) throw new CommandError("usage: npm run season:import -- <season.json>");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CommandError(`${file} could not be read as JSON: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = seasonFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = zodProblems(parsed.error).map((problem) => `  ${problem.path}: ${problem.message}`);
    throw new CommandError(`${file} was not imported; nothing changed. Problems:\n${problems.join("\n")}`);
  }
  const summary = services.admin.importSeason(actor, parsed.data);
  process.stdout.write(
    `Imported ${summary.season}: ${summary.films} films, ${summary.events} events, ` +
      `${summary.categories} categories, ${summary.contenders} contenders.\n`,
  );
});
