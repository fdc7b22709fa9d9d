/** Pick rows → API picks. */
import type { Pick } from "../../shared/schemas/picks.js";
import type { PickRow } from "../repositories/pickRepository.js";

export const presentPick = (row: PickRow): Pick => ({
  categoryId: row.category_id,
  contenderId: row.contender_id,
  updatedAt: new Date(row.updated_at).toISOString(),
  lockedInProbability: row.locked_in_probability,
});
