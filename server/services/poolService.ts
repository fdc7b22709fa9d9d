/**
 * Pools: create, join by invite code, rotate the code, remove members, and see members' picks once a category
 * locks. Who may do what is decided here and nowhere else: members see a pool, only its owner manages it.
 * A pool that the caller is not in answers 404, so pool ids reveal nothing.
 */
import { randomBytes } from "node:crypto";
import { isCategoryLocked, lockableOfRow } from "../../shared/domain/lock.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { forbidden, notFound, ownerCannotLeave } from "../errors.js";
import type { MemberPoolRow, PoolMemberRow, PoolRepository, PoolRow } from "../repositories/poolRepository.js";
import type { CategoryRow, SeasonRepository } from "../repositories/seasonRepository.js";

// 10 random bytes → 14 URL-safe characters: an invite cannot be guessed.
const newInviteCode = () => randomBytes(10).toString("base64url");

type PoolAction = "view" | "manage";

export type PoolWithMembers = { pool: PoolRow; members: PoolMemberRow[] };
/** The event's locked categories, and members' picks in them. */
export type LockedPoolPicks = { categories: CategoryRow[]; picks: ReturnType<PoolRepository["memberPicks"]> };

export function createPoolService({
  db,
  pools,
  seasons,
  clock,
}: {
  db: Db;
  pools: PoolRepository;
  seasons: SeasonRepository;
  clock: Clock;
}) {
  /** The pool if this user may do `action` in it; else 404 for outsiders and 403 for members who may not. */
  function authorize(userId: number, poolId: number, action: PoolAction): PoolRow {
    const pool = pools.findById(poolId);
    if (!pool || !pools.findMember(poolId, userId)) throw notFound("pool");
    if (action === "manage" && pool.owner_id !== userId) {
      throw forbidden("Only the pool's owner can do that.");
    }
    return pool;
  }

  const create = db.transaction((ownerId: number, name: string): PoolRow => {
    const now = clock.now().getTime();
    const pool = pools.insert(name, ownerId, newInviteCode(), now);
    pools.addMember(pool.id, ownerId, now);
    return pool;
  });

  return {
    authorize,
    create,

    previewInvite(code: string): { pool: PoolRow; memberCount: number } {
      const pool = pools.findByInvite(code);
      if (!pool) throw notFound("invite (it may have been replaced by a new link)");
      return { pool, memberCount: pools.countMembers(pool.id) };
    },

    /** Joining twice is harmless: the member keeps their original join date. */
    join(userId: number, code: string): PoolRow {
      const pool = pools.findByInvite(code);
      if (!pool) throw notFound("invite (it may have been replaced by a new link)");
      pools.addMember(pool.id, userId, clock.now().getTime());
      return pool;
    },

    listForUser: (userId: number): MemberPoolRow[] => pools.listForUser(userId),
    listShownOnProfile: (userId: number): MemberPoolRow[] => pools.listShownOnProfile(userId),

    detail(userId: number, poolId: number): PoolWithMembers {
      return { pool: authorize(userId, poolId, "view"), members: pools.listMembers(poolId) };
    },

    /** The pool with its new invite code: the old link stops working. */
    rotateInvite(userId: number, poolId: number): PoolRow {
      const pool = authorize(userId, poolId, "manage");
      const inviteCode = newInviteCode();
      pools.setInvite(poolId, inviteCode);
      return { ...pool, invite_code: inviteCode };
    },

    /** The owner removes anyone but themselves; any member may remove themselves (leave). */
    removeMember(userId: number, poolId: number, memberId: number) {
      const pool = authorize(userId, poolId, memberId === userId ? "view" : "manage");
      if (memberId === pool.owner_id) {
        throw ownerCannotLeave();
      }
      if (!pools.removeMember(poolId, memberId)) throw notFound("member");
    },

    setShowOnProfile(userId: number, poolId: number, show: boolean) {
      authorize(userId, poolId, "view");
      pools.setShowOnProfile(poolId, userId, show);
    },

    /** Members' picks in categories that have locked; open categories stay hidden so nobody copies. */
    lockedPicks(userId: number, poolId: number, eventSlug: string): LockedPoolPicks {
      authorize(userId, poolId, "view");
      const event = seasons.findEventBySlug(eventSlug);
      if (!event) throw notFound(`event "${eventSlug}"`);
      const now = clock.now().getTime();
      const categories = seasons
        .listCategoriesForEvent(event.id)
        .filter((category) => isCategoryLocked(lockableOfRow(category), now));
      const locked = new Set(categories.map((category) => category.id));
      return {
        categories,
        picks: pools.memberPicks(poolId, event.id).filter((pick) => locked.has(pick.category_id)),
      };
    },
  };
}

export type PoolService = ReturnType<typeof createPoolService>;
