/**
 * `npm run season:replay -- <file>`: enters what happened in a season (precursor results, nominations, winners of
 * the ceremony and of any precursor ballot) from a replay file such as server/seed/replay-2018.json. Safe to run
 * again. (`season:replay-2017` is this for the bundled 2016–17 file.)
 */
import { replayFileSchema } from "../../shared/schemas/season.js";
import { CommandError, readJsonFile, runCommand } from "./context.js";

runCommand((services, actor) => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length > 0) throw new CommandError("usage: npm run season:replay -- <replay.json>");
  const replay = readJsonFile(file, replayFileSchema);
  const changes = services.admin.replay(actor, replay);
  process.stdout.write(
    changes === 0
      ? `${replay.ceremony} already matches ${file}: nothing changed.\n`
      : `Replayed ${file} into ${replay.ceremony}: ${changes} changes.\n`,
  );
});
