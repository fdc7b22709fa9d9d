/** Precursor-result and audit-log rows → API shapes. */
import type { AuditEntry } from "../../shared/schemas/admin.js";
import type { PrecursorResult } from "../../shared/schemas/results.js";
import type { AuditRow, ResultRow } from "../repositories/adminRepository.js";

export const presentResult = (row: ResultRow): PrecursorResult => ({
  eventSlug: row.event_slug,
  eventName: row.event_name,
  date: row.date,
  award: row.award,
  categoryId: row.category_id,
  contenderId: row.contender_id,
});

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export const presentAuditEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  actor: row.actor,
  action: row.action,
  target: row.target,
  before: parseJson(row.before_json),
  after: parseJson(row.after_json),
});
