/** Scores, leaderboards, tiebreaker answers and public profiles. */
import { z } from "zod/mini";
import { idSchema, isoInstantSchema, slugSchema } from "./common.js";

/** Query strings arrive as text: whole numbers only, no signs, no decimals. */
const wholeNumberParam = (max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^[0-9]{1,15}$/, "must be a whole number")), z.transform(Number)),
    z.number().check(z.int(), z.minimum(0), z.maximum(max)),
  );

const LEADERBOARD_MAX_LIMIT = 100;
export const LEADERBOARD_DEFAULT_LIMIT = 25;

export const leaderboardQuerySchema = z.strictObject({
  /** Absent: the current season's closing ceremony, which only the server's clock and seasons can tell. */
  event: z.optional(slugSchema),
  /** A category id or slug; empty or absent means the event overall. */
  category: z.pipe(
    z.optional(
      z.union([
        z.literal(""),
        z.string().check(z.regex(/^(?:[1-9][0-9]{0,14}|[a-z0-9]+(?:-[a-z0-9]+)*)$/, "is not a category")),
      ]),
    ),
    z.transform((value) => (value ? value : undefined)),
  ),
  limit: z._default(
    wholeNumberParam(LEADERBOARD_MAX_LIMIT).check(z.refine((value) => value >= 1, "must be at least 1")),
    LEADERBOARD_DEFAULT_LIMIT,
  ),
  offset: z._default(wholeNumberParam(Number.MAX_SAFE_INTEGER), 0),
  /** `false` hides the simulated crowd; ranks are then among real users only. */
  demo: z.pipe(
    z._default(z.enum(["true", "false"]), "true"),
    z.transform((value) => value === "true"),
  ),
});
/** A board query with its event settled (the route fills in the default). */
export type LeaderboardQuery = z.infer<typeof leaderboardQuerySchema> & { event: string };

export const leaderboardEntrySchema = z.object({
  rank: z.number().check(z.int(), z.positive()),
  username: z.string(),
  points: z.number().check(z.int(), z.nonnegative()),
  correct: z.number().check(z.int(), z.nonnegative()),
  decided: z.number().check(z.int(), z.nonnegative()),
  /** correct / decided; null when none of the user's picks has been decided yet. */
  accuracy: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
});
export type LeaderboardEntry = z.infer<typeof leaderboardEntrySchema>;

/** A row of a leaderboard: the entry, its movement, and what the fan can still win (docs/scoring.md). */
export const boardEntrySchema = z.extend(leaderboardEntrySchema, {
  /** Places gained since the latest announcement (negative: lost); null for a fan not ranked before it ("new"). */
  movement: z.nullable(z.number().check(z.int())),
  /** Points of the fan's pending picks (locked, undecided) at their locked-in odds: the most they can still add. */
  stillPossible: z.number().check(z.int(), z.nonnegative()),
  /** The best rank the fan can still reach if every pending pick of theirs wins. */
  bestRank: z.number().check(z.int(), z.positive()),
});
export type BoardEntry = z.infer<typeof boardEntrySchema>;

export const poolBoardEntrySchema = z.extend(boardEntrySchema, {
  /** Whether the member can still finish first in the pool (false: mathematically out). */
  alive: z.boolean(),
});
export type PoolBoardEntry = z.infer<typeof poolBoardEntrySchema>;

export const leaderboardSchema = z.object({
  total: z.number().check(z.int(), z.nonnegative()),
  /** How many categories of this leaderboard have a winner; 0 means nothing is scored yet. */
  decidedCategories: z.number().check(z.int(), z.nonnegative()),
  entries: z.array(boardEntrySchema),
  me: z.optional(boardEntrySchema),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;
/** A leaderboard as every viewer sees it, before the viewer's own row is added. */
export type LeaderboardPage = Omit<Leaderboard, "me">;

/**
 * The season and all-time leaderboards: `?season=<slug>` (the season's board; `scope=season` alone, the current
 * season's) or `?scope=all-time`, with the event board's paging. Naming an event, a category, or a season with
 * all-time is refused: each board is one question.
 */
export const recordQuerySchema = z
  .strictObject({
    season: z.optional(slugSchema),
    scope: z.optional(z.enum(["season", "all-time"])),
    limit: leaderboardQuerySchema.shape.limit,
    offset: leaderboardQuerySchema.shape.offset,
    demo: leaderboardQuerySchema.shape.demo,
  })
  .check(
    z.refine((query) => !(query.scope === "all-time" && query.season !== undefined), {
      message: "the all-time leaderboard takes no season",
      path: ["season"],
    }),
  );
export type RecordQuery = z.infer<typeof recordQuerySchema>;

/** A row of a season or all-time board: the event board's row plus how many seasons the fan has played. */
export const recordEntrySchema = z.extend(leaderboardEntrySchema, { seasons: z.number().check(z.int(), z.positive()) });
export type RecordEntry = z.infer<typeof recordEntrySchema>;

export const recordBoardSchema = z.object({
  scope: z.enum(["season", "all-time"]),
  /** The season of a season board; null on the all-time board. */
  season: z.nullable(z.object({ slug: slugSchema, name: z.string() })),
  total: z.number().check(z.int(), z.nonnegative()),
  /** Decided categories over the board's ceremonies; 0 means nothing is scored yet. */
  decidedCategories: z.number().check(z.int(), z.nonnegative()),
  entries: z.array(recordEntrySchema),
  me: z.optional(recordEntrySchema),
});
export type RecordBoard = z.infer<typeof recordBoardSchema>;
export type RecordBoardPage = Omit<RecordBoard, "me">;

export const poolLeaderboardSchema = z.object({
  decidedCategories: z.number().check(z.int(), z.nonnegative()),
  entries: z.array(poolBoardEntrySchema),
});
export type PoolLeaderboard = z.infer<typeof poolLeaderboardSchema>;

export const TIEBREAKER_MIN = 0;
export const TIEBREAKER_MAX = 999;
const tiebreakerValueSchema = z
  .number({ error: "must be a number" })
  .check(
    z.int("must be a whole number"),
    z.minimum(TIEBREAKER_MIN, `must be at least ${TIEBREAKER_MIN}`),
    z.maximum(TIEBREAKER_MAX, `must be at most ${TIEBREAKER_MAX}`),
  );

export const tiebreakerAnswerRequestSchema = z.strictObject({ answer: tiebreakerValueSchema });
export const tiebreakerActualRequestSchema = z.strictObject({ actual: z.nullable(tiebreakerValueSchema) });

export const tiebreakerSchema = z.object({
  eventSlug: slugSchema,
  question: z.string(),
  answer: z.nullable(z.number().check(z.int())),
  /** True once any category of the event has locked: the answer can no longer change. */
  locked: z.boolean(),
  /** The operator's actual value, once known. */
  actual: z.nullable(z.number().check(z.int())),
});
export type Tiebreaker = z.infer<typeof tiebreakerSchema>;

const profilePickSchema = z.object({
  categoryId: idSchema,
  categoryName: z.string(),
  contenderId: idSchema,
  contenderName: z.string(),
  lockedInProbability: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** null until the category has a winner. */
  correct: z.nullable(z.boolean()),
  points: z.nullable(z.number().check(z.int(), z.nonnegative())),
});

export const profileBallotSchema = z.object({
  seasonSlug: slugSchema,
  seasonName: z.string(),
  eventSlug: slugSchema,
  eventName: z.string(),
  /** The event's day: scoring starts there at the latest. */
  eventDate: z.string(),
  /** The earliest lock of the event's categories, once one is set: when its picks start to count and show. */
  firstLockAt: z.nullable(isoInstantSchema),
  /** Categories that have not locked yet: their picks stay private. */
  openCategories: z.number().check(z.int(), z.nonnegative()),
  picks: z.array(profilePickSchema),
  tiebreaker: z.nullable(z.object({ question: z.string(), answer: z.number().check(z.int()) })),
  score: z.nullable(leaderboardEntrySchema),
  /** In the fan's own view only, until the event's first winner: their pick in every category they picked. */
  ownPicks: z.optional(
    z.array(
      z.object({ categoryId: idSchema, categoryName: z.string(), contenderId: idSchema, contenderName: z.string() }),
    ),
  ),
});
export type ProfileBallot = z.infer<typeof profileBallotSchema>;

/** A fan's record in one season: the season board's row and each ceremony's overall row they are on. */
export const profileSeasonSchema = z.object({
  seasonSlug: slugSchema,
  seasonName: z.string(),
  score: recordEntrySchema,
  ceremonies: z.array(z.object({ eventSlug: slugSchema, eventName: z.string(), score: leaderboardEntrySchema })),
});
export type ProfileSeason = z.infer<typeof profileSeasonSchema>;

export const profileSchema = z.object({
  user: z.object({ username: z.string(), isDemo: z.boolean(), joinedAt: isoInstantSchema }),
  /** True when the fan asks for their own profile: the answer is theirs alone (`ownPicks`). */
  viewerIsOwner: z.boolean(),
  /** Every event that takes picks, in date order within each season, seasons in order. */
  ballots: z.array(profileBallotSchema),
  /** Season by season, in season order: only seasons with a scored ceremony the fan played. */
  seasons: z.array(profileSeasonSchema),
  /** The all-time row, once any season is scored for the fan. */
  allTime: z.nullable(recordEntrySchema),
  pools: z.array(z.object({ name: z.string(), memberCount: z.number().check(z.int(), z.nonnegative()) })),
});
export type Profile = z.infer<typeof profileSchema>;
