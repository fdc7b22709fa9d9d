/** SQL for pools and their members. */
import type { Db } from "../db/connection.js";

export type PoolRow = { id: number; name: string; owner_id: number; invite_code: string; created_at: number };
export type PoolMemberRow = { user_id: number; username: string; joined_at: number; show_on_profile: 0 | 1 };
export type MemberPoolRow = { id: number; name: string; owner_id: number; member_count: number };
export type PoolRemovalRow = { user_id: number; username: string; removed_at: number };

export function createPoolRepository(db: Db) {
  const statements = {
    insert: db.prepare<[string, number, string, number], PoolRow>(
      "INSERT INTO pools (name, owner_id, invite_code, created_at) VALUES (?, ?, ?, ?) RETURNING *",
    ),
    findById: db.prepare<[number], PoolRow>("SELECT * FROM pools WHERE id = ?"),
    findByInvite: db.prepare<[string], PoolRow>("SELECT * FROM pools WHERE invite_code = ?"),
    setInvite: db.prepare<[string, number]>("UPDATE pools SET invite_code = ? WHERE id = ?"),
    addMember: db.prepare<[number, number, number]>(
      "INSERT INTO pool_members (pool_id, user_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    removeMember: db.prepare<[number, number]>("DELETE FROM pool_members WHERE pool_id = ? AND user_id = ?"),
    recordRemoval: db.prepare<[number, number, number]>(
      `INSERT INTO pool_removals (pool_id, user_id, removed_at) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET removed_at = excluded.removed_at`,
    ),
    wasRemoved: db
      .prepare<[number, number], 1>("SELECT 1 FROM pool_removals WHERE pool_id = ? AND user_id = ?")
      .pluck(),
    deleteRemoval: db.prepare<[number, number]>("DELETE FROM pool_removals WHERE pool_id = ? AND user_id = ?"),
    listRemovals: db.prepare<[number], PoolRemovalRow>(
      `SELECT r.user_id, u.username, r.removed_at FROM pool_removals r JOIN users u ON u.id = r.user_id
       WHERE r.pool_id = ? ORDER BY r.removed_at, u.username_key`,
    ),
    findMember: db.prepare<[number, number], PoolMemberRow>(
      `SELECT m.user_id, u.username, m.joined_at, m.show_on_profile FROM pool_members m JOIN users u ON u.id = m.user_id
       WHERE m.pool_id = ? AND m.user_id = ?`,
    ),
    listMembers: db.prepare<[number], PoolMemberRow>(
      `SELECT m.user_id, u.username, m.joined_at, m.show_on_profile FROM pool_members m JOIN users u ON u.id = m.user_id
       WHERE m.pool_id = ? ORDER BY m.joined_at, u.username_key`,
    ),
    listForUser: db.prepare<[number], MemberPoolRow>(
      `SELECT p.id, p.name, p.owner_id, (SELECT count(*) FROM pool_members c WHERE c.pool_id = p.id) AS member_count
       FROM pool_members m JOIN pools p ON p.id = m.pool_id WHERE m.user_id = ? ORDER BY p.name COLLATE NOCASE, p.id`,
    ),
    listShownOnProfile: db.prepare<[number], MemberPoolRow>(
      `SELECT p.id, p.name, p.owner_id, (SELECT count(*) FROM pool_members c WHERE c.pool_id = p.id) AS member_count
       FROM pool_members m JOIN pools p ON p.id = m.pool_id
       WHERE m.user_id = ? AND m.show_on_profile = 1 ORDER BY p.name COLLATE NOCASE, p.id`,
    ),
    setShowOnProfile: db.prepare<[number, number, number]>(
      "UPDATE pool_members SET show_on_profile = ? WHERE pool_id = ? AND user_id = ?",
    ),
    memberPicks: db.prepare<[number, number], { user_id: number; category_id: number; contender_id: number }>(
      `SELECT p.user_id, p.category_id, p.contender_id FROM picks p
       JOIN pool_members m ON m.user_id = p.user_id AND m.pool_id = ?
       JOIN categories c ON c.id = p.category_id WHERE c.event_id = ?`,
    ),
  };

  return {
    insert: (name: string, ownerId: number, inviteCode: string, at: number) =>
      statements.insert.get(name, ownerId, inviteCode, at) as PoolRow,
    findById: (id: number) => statements.findById.get(id),
    findByInvite: (code: string) => statements.findByInvite.get(code),
    setInvite: (id: number, code: string) => statements.setInvite.run(code, id),
    addMember: (poolId: number, userId: number, at: number) => statements.addMember.run(poolId, userId, at),
    removeMember: (poolId: number, userId: number) => statements.removeMember.run(poolId, userId).changes > 0,
    recordRemoval: (poolId: number, userId: number, at: number) => statements.recordRemoval.run(poolId, userId, at),
    wasRemoved: (poolId: number, userId: number) => statements.wasRemoved.get(poolId, userId) !== undefined,
    deleteRemoval: (poolId: number, userId: number) => statements.deleteRemoval.run(poolId, userId).changes > 0,
    listRemovals: (poolId: number) => statements.listRemovals.all(poolId),
    findMember: (poolId: number, userId: number) => statements.findMember.get(poolId, userId),
    listMembers: (poolId: number) => statements.listMembers.all(poolId),
    listForUser: (userId: number) => statements.listForUser.all(userId),
    listShownOnProfile: (userId: number) => statements.listShownOnProfile.all(userId),
    setShowOnProfile: (poolId: number, userId: number, show: boolean) =>
      statements.setShowOnProfile.run(show ? 1 : 0, poolId, userId),
    memberPicks: (poolId: number, eventId: number) => statements.memberPicks.all(poolId, eventId),
  };
}

export type PoolRepository = ReturnType<typeof createPoolRepository>;
