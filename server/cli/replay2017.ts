/**
 * `npm run season:replay-2017 [-- <replay.json>]`: enters the real 2016–17 results, nominations and winners (the
 * bundled file, or another in its format). Safe to run again; a file with any problem changes nothing.
 */
import { readFileSync } from "node:fs";
import { replayFileSchema } from "../../shared/schemas/season.js";
import { zodProblems } from "../middleware/errors.js";
import { readReplayFile } from "../seed/replayFile.js";
import { CommandError, runCommand } from "./context.js";

runCommand((services, actor) => {
  const [file, ...rest] = process.argv.slice(2);
  if (rest.length > 0) throw new CommandError("usage: npm run season:replay-2017 [-- <replay.json>]");
  let replay = readReplayFile();
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new CommandError(`${file} could not be read as JSON: ${error instanceof Error ? error.message : error}`);
    }
    const parsed = replayFileSchema.safeParse(json);
    if (!parsed.success) {
      const problems = zodProblems(parsed.error).map((problem) => `  ${problem.path}: ${problem.message}`);
      throw new CommandError(`${file} was not replayed; nothing changed. Problems:\n${problems.join("\n")}`);
    }
    replay = parsed.data;
  }
  const changes = services.admin.replay(actor, replay);
  const message =
    changes === 0 ? "The season already matches 2017: nothing changed." : `Replayed 2017: ${changes} changes.`;
  process.stdout.write(`${message}\n`);
});
