/** What the admin tools read back: a category's event, the precursor results and the audit log. */
import { notFound } from "../../errors.js";
import type { AdminContext } from "./context.js";

export function createAdminReads({ admin }: AdminContext) {
  return {
    eventSlugOfCategory(categoryId: number): string {
      const slug = admin.eventSlugOfCategory(categoryId);
      if (slug === undefined) throw notFound("category");
      return slug;
    },
    listResults: () => admin.listResults(),
    listResultsOfSeason: (seasonId: number) => admin.listResultsOfSeason(seasonId),
    listAudit: (limit = 200) => admin.listAudit(limit),
  };
}
