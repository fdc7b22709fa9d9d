/**
 * The admin tools, one operation a file, wired here: edit categories and contenders, announce nominations, precursor
 * results and winners, import seasons, replay 2017. Every change and its audit entry are written in one transaction;
 * a no-op writes nothing.
 */
import { createAddContender } from "./addContender.js";
import { createAnnounceNominations } from "./announceNominations.js";
import { type AdminDeps, createAdminContext, type TiebreakerListener, type WinnerListener } from "./context.js";
import { createImportSeason } from "./importSeason.js";
import { createLockEvent } from "./lockEvent.js";
import { createAdminReads } from "./reads.js";
import { createRecordResults } from "./recordResults.js";
import { createRemoveContender } from "./removeContender.js";
import { createRenameContender } from "./renameContender.js";
import { createReplay } from "./replay.js";
import { createSetAdmin } from "./setAdmin.js";
import { createSetTiebreakerActual } from "./setTiebreakerActual.js";
import { createSetWinner } from "./setWinner.js";
import { createUpdateCategory } from "./updateCategory.js";

export { type Actor, actorFromUser } from "./context.js";

export function createAdminService(deps: AdminDeps) {
  const context = createAdminContext(deps);
  const { listeners } = context;
  const setWinner = createSetWinner(context);
  const setTiebreakerActual = createSetTiebreakerActual(context);
  const announceNominations = createAnnounceNominations(context);
  const recordResults = createRecordResults(context);
  return {
    updateCategory: createUpdateCategory(context),
    setWinner,
    setTiebreakerActual,
    lockEvent: createLockEvent(context),
    announceNominations,
    recordResults,
    addContender: createAddContender(context),
    renameContender: createRenameContender(context),
    removeContender: createRemoveContender(context),
    importSeason: createImportSeason(context),
    setAdmin: createSetAdmin(context),
    replay: createReplay(context, { recordResults, announceNominations, setWinner, setTiebreakerActual }),
    /** Registers a function run in the same transaction as every winner change (announce, correct, clear). */
    onWinnerChanged(listener: WinnerListener) {
      listeners.winner.push(listener);
    },
    /** Registers a function run in the same transaction as every change of a tiebreaker's actual value. */
    onTiebreakerActualChanged(listener: TiebreakerListener) {
      listeners.tiebreaker.push(listener);
    },
    /** Registers a function run in the same transaction as every audited change (each admin edit is audited). */
    onEdited(listener: () => void) {
      listeners.edit.push(listener);
    },
    /** Registers a function run in the same transaction as every season import. */
    onSeasonImported(listener: () => void) {
      listeners.imported.push(listener);
    },
    ...createAdminReads(context),
  };
}
