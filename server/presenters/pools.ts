/** Pools → the pools API, as the viewing member sees them (which pools they own, whether theirs shows on their profile). */
import type { PoolCreated, PoolDetail, PoolPicks, PoolSummary } from "../../shared/schemas/pools.js";
import type { MemberPoolRow, PoolRow } from "../repositories/poolRepository.js";
import type { InvitePreview, LockedPoolPicks, PoolWithMembers } from "../services/poolService.js";

export const presentPoolCreated = (pool: PoolRow): PoolCreated => ({
  id: pool.id,
  name: pool.name,
  inviteCode: pool.invite_code,
});

export const presentPoolSummary = (pool: MemberPoolRow, viewerId: number): PoolSummary => ({
  id: pool.id,
  name: pool.name,
  memberCount: pool.member_count,
  isOwner: pool.owner_id === viewerId,
});

export const presentInvitePreview = ({ pool, owner, memberCount }: InvitePreview) => ({
  name: pool.name,
  owner,
  memberCount,
});

export const presentJoinedPool = (pool: PoolRow) => ({ id: pool.id, name: pool.name });

export const presentInviteCode = (pool: PoolRow) => ({ inviteCode: pool.invite_code });

export const presentPoolDetail = ({ pool, members, removed }: PoolWithMembers, viewerId: number): PoolDetail => ({
  id: pool.id,
  name: pool.name,
  isOwner: pool.owner_id === viewerId,
  inviteCode: pool.invite_code,
  showOnProfile: members.some((member) => member.user_id === viewerId && member.show_on_profile === 1),
  members: members.map((member) => ({
    userId: member.user_id,
    username: member.username,
    isOwner: member.user_id === pool.owner_id,
    joinedAt: new Date(member.joined_at).toISOString(),
  })),
  removed: removed.map((removal) => ({
    userId: removal.user_id,
    username: removal.username,
    removedAt: new Date(removal.removed_at).toISOString(),
  })),
});

/** Each picked contender with its count, the most picked first; a tie keeps the contenders' id order. */
function splitOf(contenderIds: number[]): PoolPicks["categories"][number]["split"] {
  const counts = new Map<number, number>();
  for (const id of contenderIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([contenderId, count]) => ({ contenderId, picks: count }))
    .sort((a, b) => b.picks - a.picks || a.contenderId - b.contenderId);
}

export const presentPoolPicks = ({ categories, picks, memberCount }: LockedPoolPicks): PoolPicks => ({
  categories: categories.map((category) => {
    const inCategory = picks
      .filter((pick) => pick.category_id === category.id)
      .map((pick) => ({ userId: pick.user_id, contenderId: pick.contender_id }));
    return {
      categoryId: category.id,
      picks: inCategory,
      split: splitOf(inCategory.map((pick) => pick.contenderId)),
      noPick: memberCount - inCategory.length,
    };
  }),
});
