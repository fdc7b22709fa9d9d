/** `npm run season:import -- <file>`: creates or updates a season from a JSON file; a bad file changes nothing. */
import { seasonFileSchema } from "../../shared/schemas/season.js";
import { CommandError, readJsonFile, runCommand } from "./context.js";

runCommand((services, actor) => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) throw new CommandError("usage: npm run season:import -- <season.json>");
  const summary = services.admin.importSeason(actor, readJsonFile(file, seasonFileSchema));
  process.stdout.write(
    `Imported ${summary.season}: ${summary.films} films, ${summary.events} events, ` +
      `${summary.categories} categories, ${summary.contenders} contenders.\n`,
  );
});
