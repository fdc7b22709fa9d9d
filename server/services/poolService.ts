/**
 * Pools: create, join by invite code, rotate the code, remove members (and let them back in), and see members'
 * picks once a category locks. Who may do what is decided here and nowhere else: members see a pool, only its owner manages it.
 * A pool that the caller is not in answers 404, so pool ids reveal nothing.
 */
import { randomBytes } from "node:crypto";
import { isCategoryLocked, lockableOfRow } from "../../shared/domain/lock.js";
import type { Clock } from "../clock.js";
import type { Db } from "../db/connection.js";
import { forbidden, notFound, ownerCannotLeave, removedFromPool } from "../errors.js";
import type {
  MemberPoolRow,
  PoolMemberRow,
  PoolRemovalRow,
  PoolRepository,
  PoolRow,
} from "../repositories/poolRepository.js";
import type { CategoryRow, SeasonRepository } from "../repositories/seasonRepository.js";

// 10 random bytes → 14 URL-safe characters: an invite cannot be guessed.
const newInviteCode = () => randomBytes(10).toString("base64url");

type PoolAction = "view" | "manage";

/** `owner` is the owner's username; null only if they are missing from the members, which the pool rules prevent. */
export type InvitePreview = { pool: PoolRow; owner: string | null; memberCount: number };
export type PoolWithMembers = { pool: PoolRow; members: PoolMemberRow[]; removed: PoolRemovalRow[] };
/** The event's locked categories, members' picks in them, and how many members the pool has. */
export type LockedPoolPicks = {
  categories: CategoryRow[];
  picks: ReturnType<PoolRepository["memberPicks"]>;
  memberCount: number;
};

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

  /** The pool this invite opens for this user; 404 for a replaced code, 403 for a fan the owner removed. */
  function poolForInvite(userId: number, code: string): PoolRow {
    const pool = pools.findByInvite(code);
    if (!pool) throw notFound("invite (it may have been replaced by a new link)");
    if (pools.wasRemoved(pool.id, userId)) throw removedFromPool(pool.name);
    return pool;
  }

  /** Removal is remembered with it, so the removed fan cannot walk back in with the invite they already have. */
  const removeByOwner = db.transaction((poolId: number, memberId: number) => {
    if (!pools.removeMember(poolId, memberId)) throw notFound("member");
    pools.recordRemoval(poolId, memberId, clock.now().getTime());
  });

  return {
    authorize,
    create,

    /** Which pool an invite opens, and whose it is; `userId` null for a visitor who has not signed in yet. */
    previewInvite(userId: number | null, code: string): InvitePreview {
      const pool = userId === null ? pools.findByInvite(code) : poolForInvite(userId, code);
      if (!pool) throw notFound("invite (it may have been replaced by a new link)");
      const members = pools.listMembers(pool.id);
      const owner = members.find((member) => member.user_id === pool.owner_id)?.username ?? null;
      return { pool, owner, memberCount: members.length };
    },

    /** Joining twice is harmless: the member keeps their original join date. */
    join(userId: number, code: string): PoolRow {
      const pool = poolForInvite(userId, code);
      pools.addMember(pool.id, userId, clock.now().getTime());
      return pool;
    },

    listForUser: (userId: number): MemberPoolRow[] => pools.listForUser(userId),
    listShownOnProfile: (userId: number): MemberPoolRow[] => pools.listShownOnProfile(userId),

    detail(userId: number, poolId: number): PoolWithMembers {
      const pool = authorize(userId, poolId, "view");
      // Whom the owner removed is the owner's business: only they see the list (to let someone back in).
      const removed = pool.owner_id === userId ? pools.listRemovals(poolId) : [];
      return { pool, members: pools.listMembers(poolId), removed };
    },

    /** The pool with its new invite code: the old link stops working. */
    rotateInvite(userId: number, poolId: number): PoolRow {
      const pool = authorize(userId, poolId, "manage");
      const inviteCode = newInviteCode();
      pools.setInvite(poolId, inviteCode);
      return { ...pool, invite_code: inviteCode };
    },

    /**
     * The owner removes anyone but themselves, and the removal sticks (see `allowBack`); any member may remove
     * themselves (leave), and come back with the invite.
     */
    removeMember(userId: number, poolId: number, memberId: number) {
      const leaving = memberId === userId;
      const pool = authorize(userId, poolId, leaving ? "view" : "manage");
      if (memberId === pool.owner_id) {
        throw ownerCannotLeave();
      }
      if (leaving) {
        if (!pools.removeMember(poolId, memberId)) throw notFound("member");
      } else {
        removeByOwner(poolId, memberId);
      }
    },

    /** The owner lets a removed fan back in: the invite works for them again (they still join themselves). */
    allowBack(userId: number, poolId: number, removedId: number) {
      authorize(userId, poolId, "manage");
      if (!pools.deleteRemoval(poolId, removedId)) throw notFound("removed member");
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
        memberCount: pools.listMembers(poolId).length,
      };
    },
  };
}

export type PoolService = ReturnType<typeof createPoolService>;
