/** SQL for a fan's own account as a whole: what an export reads, and what deleting an account removes or rewrites. */
import type { Db } from "../db/connection.js";

type ExportPickRow = {
  event_name: string;
  category_name: string;
  contender_name: string;
  updated_at: number;
  locked_in_probability: number | null;
};
type ExportPickEventRow = {
  event_name: string;
  category_name: string;
  contender_name: string | null;
  at: number;
};
type ExportTiebreakerRow = { event_name: string; question: string; answer: number };
type ExportPoolRow = { name: string; is_owner: 0 | 1; joined_at: number; show_on_profile: 0 | 1 };
type ExportShareLinkRow = { event_name: string; slug: string; created_at: number; revoked_at: number | null };

export function createAccountRepository(db: Db) {
  const statements = {
    // A contender's name is the person in people categories, else the film's title; a cleared pick has none.
    picks: db.prepare<[number], ExportPickRow>(
      `SELECT e.name AS event_name, c.name AS category_name, COALESCE(k.person, f.title) AS contender_name,
         p.updated_at, p.locked_in_probability
       FROM picks p JOIN categories c ON c.id = p.category_id JOIN events e ON e.id = c.event_id
       JOIN contenders k ON k.id = p.contender_id JOIN films f ON f.id = k.film_id
       WHERE p.user_id = ? ORDER BY e.date, c.position, c.id`,
    ),
    pickEvents: db.prepare<[number], ExportPickEventRow>(
      `SELECT e.name AS event_name, c.name AS category_name,
         COALESCE(k.person, f.title) AS contender_name, pe.at
       FROM pick_events pe JOIN categories c ON c.id = pe.category_id JOIN events e ON e.id = c.event_id
       LEFT JOIN contenders k ON k.id = pe.contender_id LEFT JOIN films f ON f.id = k.film_id
       WHERE pe.user_id = ? ORDER BY pe.at, pe.id`,
    ),
    tiebreakers: db.prepare<[number], ExportTiebreakerRow>(
      `SELECT e.name AS event_name, e.tiebreaker_question AS question, t.answer
       FROM tiebreaker_answers t JOIN events e ON e.id = t.event_id WHERE t.user_id = ? ORDER BY e.date`,
    ),
    pools: db.prepare<[number], ExportPoolRow>(
      `SELECT p.name, p.owner_id = m.user_id AS is_owner, m.joined_at, m.show_on_profile
       FROM pool_members m JOIN pools p ON p.id = m.pool_id WHERE m.user_id = ? ORDER BY m.joined_at, p.id`,
    ),
    shareLinks: db.prepare<[number], ExportShareLinkRow>(
      `SELECT e.name AS event_name, s.slug, s.created_at, s.revoked_at
       FROM share_links s JOIN events e ON e.id = s.event_id WHERE s.user_id = ? ORDER BY s.created_at`,
    ),
    ownedPools: db.prepare<[number], { id: number }>("SELECT id FROM pools WHERE owner_id = ? ORDER BY id"),
    // The longest-standing other member inherits a pool; ties go to the lower id so the choice is stable.
    successor: db.prepare<[number, number], { user_id: number }>(
      `SELECT user_id FROM pool_members WHERE pool_id = ? AND user_id <> ? ORDER BY joined_at, user_id LIMIT 1`,
    ),
    setOwner: db.prepare<[number, number]>("UPDATE pools SET owner_id = ? WHERE id = ?"),
    deletePool: db.prepare<[number]>("DELETE FROM pools WHERE id = ?"),
    deleteMemberships: db.prepare<[number]>("DELETE FROM pool_members WHERE user_id = ?"),
    deleteShareLinks: db.prepare<[number]>("DELETE FROM share_links WHERE user_id = ?"),
    // A name no sign-up can take (usernames have no spaces) and a key no sign-in can match (keys have no '#').
    anonymize: db.prepare<[string, number, number]>(
      `UPDATE users SET username = 'Former fan', username_key = ?, password_hash = NULL, is_admin = 0, deleted_at = ?
       WHERE id = ?`,
    ),
  };

  return {
    picks: (userId: number) => statements.picks.all(userId),
    pickEvents: (userId: number) => statements.pickEvents.all(userId),
    tiebreakers: (userId: number) => statements.tiebreakers.all(userId),
    pools: (userId: number) => statements.pools.all(userId),
    shareLinks: (userId: number) => statements.shareLinks.all(userId),
    /** Passes each pool the user owns to its longest-standing other member, or deletes it when nobody else is in it. */
    handOverOwnedPools(userId: number) {
      for (const { id } of statements.ownedPools.all(userId)) {
        const successor = statements.successor.get(id, userId);
        if (successor) statements.setOwner.run(successor.user_id, id);
        else statements.deletePool.run(id);
      }
    },
    deleteMemberships: (userId: number) => statements.deleteMemberships.run(userId).changes,
    deleteShareLinks: (userId: number) => statements.deleteShareLinks.run(userId).changes,
    anonymize: (userId: number, at: number) => statements.anonymize.run(`#deleted-${userId}`, at, userId),
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
