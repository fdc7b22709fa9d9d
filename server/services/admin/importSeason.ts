/** Imports a season file through the season service, audited and announced to the import listeners in the same transaction. */
import type { SeasonFile } from "../../../shared/schemas/season.js";
import type { ImportSummary } from "../seasonService.js";
import type { Actor, AdminContext } from "./context.js";

export function createImportSeason({ db, season, audit, listeners }: AdminContext) {
  return db.transaction((actor: Actor, file: SeasonFile): ImportSummary => {
    const summary = season.importSeason(file);
    audit(actor, "season.import", `season:${file.season.slug}`, null, summary);
    for (const listener of listeners.imported) listener();
    return summary;
  });
}
