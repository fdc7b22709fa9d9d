/** SQL for share links. */
import type { Db } from "../db/connection.js";

export type ShareLinkRow = { slug: string; user_id: number; event_id: number; event_slug: string; username: string };

const linkColumns =
  "s.slug, s.user_id, s.event_id, e.slug AS event_slug, u.username FROM share_links s JOIN events e ON e.id = s.event_id JOIN users u ON u.id = s.user_id";

export function createShareRepository(db: Db) {
  const statements = {
    findLive: db.prepare<[string], ShareLinkRow>(`SELECT ${linkColumns} WHERE s.slug = ? AND s.revoked_at IS NULL`),
    findLiveForUser: db.prepare<[number, number], ShareLinkRow>(
      `SELECT ${linkColumns} WHERE s.user_id = ? AND s.event_id = ? AND s.revoked_at IS NULL`,
    ),
    listLiveForUser: db.prepare<[number], ShareLinkRow>(
      `SELECT ${linkColumns} WHERE s.user_id = ? AND s.revoked_at IS NULL ORDER BY s.created_at`,
    ),
    insert: db.prepare<[string, number, number, number]>(
      "INSERT INTO share_links (slug, user_id, event_id, created_at) VALUES (?, ?, ?, ?)",
    ),
    revoke: db.prepare<[number, string, number]>(
      "UPDATE share_links SET revoked_at = ? WHERE slug = ? AND user_id = ? AND revoked_at IS NULL",
    ),
  };
  return {
    findLive: (slug: string) => statements.findLive.get(slug),
    findLiveForUser: (userId: number, eventId: number) => statements.findLiveForUser.get(userId, eventId),
    listLiveForUser: (userId: number) => statements.listLiveForUser.all(userId),
    insert: (slug: string, userId: number, eventId: number, at: number) =>
      statements.insert.run(slug, userId, eventId, at),
    /** Only the owner's own live link is revoked; anything else changes nothing. */
    revoke: (slug: string, userId: number, at: number) => statements.revoke.run(at, slug, userId).changes > 0,
  };
}

export type ShareRepository = ReturnType<typeof createShareRepository>;
