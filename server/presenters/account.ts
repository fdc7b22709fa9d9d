/** A fan's exported data → the export's JSON shape: instants as ISO strings, flags as booleans. */
import type { AccountExport } from "../../shared/schemas/account.js";
import type { AccountData } from "../services/accountService.js";

const iso = (ms: number) => new Date(ms).toISOString();

export const presentAccountExport = (data: AccountData): AccountExport => ({
  exportedAt: iso(data.exportedAt),
  user: { username: data.user.username, createdAt: iso(data.user.created_at), isAdmin: data.user.is_admin === 1 },
  picks: data.picks.map((row) => ({
    event: row.event_name,
    category: row.category_name,
    contender: row.contender_name,
    pickedAt: iso(row.updated_at),
    lockedInProbability: row.locked_in_probability,
  })),
  pickHistory: data.pickHistory.map((row) => ({
    event: row.event_name,
    category: row.category_name,
    contender: row.contender_name,
    at: iso(row.at),
  })),
  tiebreakers: data.tiebreakers.map((row) => ({ event: row.event_name, question: row.question, answer: row.answer })),
  pools: data.pools.map((row) => ({
    name: row.name,
    role: row.is_owner === 1 ? "owner" : "member",
    joinedAt: iso(row.joined_at),
    showOnProfile: row.show_on_profile === 1,
  })),
  shareLinks: data.shareLinks.map((row) => ({
    event: row.event_name,
    path: `/b/${row.slug}`,
    createdAt: iso(row.created_at),
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
  })),
});
