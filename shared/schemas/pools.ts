/** Pools: private groups of friends with an invite code, a shared leaderboard and, after lock, each other's picks. */
import { z } from "zod/mini";
import { idSchema, isoInstantSchema } from "./common.js";

export const inviteCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{14}$/, "is not an invite code"));

export const POOL_NAME_MAX = 60;

export const poolNameSchema = z.string({ error: "is required" }).check(
  z.trim(),
  z.minLength(1, "is required"),
  z.maxLength(POOL_NAME_MAX, `must be at most ${POOL_NAME_MAX} characters`),
  // Control characters have no place in a name people read (and can break layouts or logs).
  z.regex(/^[^\p{Cc}\p{Cf}]*$/u, "may not contain control characters"),
);

export const createPoolRequestSchema = z.strictObject({ name: poolNameSchema });
export const joinPoolRequestSchema = z.strictObject({ inviteCode: inviteCodeSchema });
export const poolVisibilityRequestSchema = z.strictObject({ showOnProfile: z.boolean() });

export const poolCreatedSchema = z.object({ id: idSchema, name: z.string(), inviteCode: inviteCodeSchema });
export type PoolCreated = z.infer<typeof poolCreatedSchema>;

export const poolSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  memberCount: z.number().check(z.int(), z.nonnegative()),
  isOwner: z.boolean(),
});
export type PoolSummary = z.infer<typeof poolSummarySchema>;
export const myPoolsResponseSchema = z.object({ pools: z.array(poolSummarySchema) });

const poolMemberSchema = z.object({
  userId: idSchema,
  username: z.string(),
  isOwner: z.boolean(),
  joinedAt: isoInstantSchema,
});

/** A fan the owner removed: no invite lets them back in until the owner does. */
const removedMemberSchema = z.object({ userId: idSchema, username: z.string(), removedAt: isoInstantSchema });

export const poolDetailSchema = z.object({
  id: idSchema,
  name: z.string(),
  isOwner: z.boolean(),
  inviteCode: inviteCodeSchema,
  showOnProfile: z.boolean(),
  members: z.array(poolMemberSchema),
  /** Listed to the owner only (empty for everyone else). */
  removed: z.array(removedMemberSchema),
});
export type PoolDetail = z.infer<typeof poolDetailSchema>;

/** Which pool an invite opens, shown to whoever holds the code (signed in or not) before they join. */
export const invitePreviewSchema = z.object({
  name: z.string(),
  /** The owner's username (null only if they are missing from the members, which the pool rules prevent). */
  owner: z.nullable(z.string()),
  memberCount: z.number().check(z.int(), z.nonnegative()),
});
export const joinedPoolSchema = z.object({ id: idSchema, name: z.string() });

/** Members' picks, only for categories that have locked: before that, no copying. */
export const poolPicksSchema = z.object({
  categories: z.array(
    z.object({
      categoryId: idSchema,
      picks: z.array(z.object({ userId: idSchema, contenderId: idSchema })),
      /** How the pool's members split: each picked contender with its members' picks, the most picked first. */
      split: z.array(z.object({ contenderId: idSchema, picks: z.number().check(z.int(), z.positive()) })),
      /** Members (today's) without a pick in the category. */
      noPick: z.number().check(z.int(), z.nonnegative()),
    }),
  ),
});
export type PoolPicks = z.infer<typeof poolPicksSchema>;
