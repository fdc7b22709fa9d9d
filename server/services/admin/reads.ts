/** What the admin tools read back: a category's event, the precursor results and the audit log. */
import type { AuditEntry } from "../../../shared/schemas/admin.js";
import type { PrecursorResult } from "../../../shared/schemas/results.js";
import { notFound } from "../../errors.js";
import { presentAuditEntry, presentResult } from "../../presenters/admin.js";
import type { AdminContext } from "./context.js";

export function createAdminReads({ admin }: AdminContext) {
  return {
    eventSlugOfCategory(categoryId: number): string {
      const slug = admin.eventSlugOfCategory(categoryId);
      if (slug === undefined) throw notFound("category");
      return slug;
    },
    listResults: (): PrecursorResult[] => admin.listResults().map(presentResult),
    listAudit: (limit = 200): AuditEntry[] => admin.listAudit(limit).map(presentAuditEntry),
  };
}
