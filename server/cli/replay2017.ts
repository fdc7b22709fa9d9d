/** `npm run season:replay-2017`: enters the real 2016–17 results, nominations and winners. Safe to run again. */
import { readReplayFile } from "../seed/replayFile.js";
import { runCommand } from "./context.js";

runCommand((services, actor) => {
  const changes = services.admin.replay(actor, readReplayFile());
  const message =
    changes === 0 ? "The season already matches 2017: nothing changed." : `Replayed 2017: ${changes} changes.`;
  process.stdout.write(`${message}\n`);
});
