/** Scores → the API: leaderboard entries with their accuracy, leaderboard pages, tiebreaker answers and profiles. */
import { movementOf } from "../../shared/domain/scoring.js";
import type {
  BoardEntry,
  LeaderboardEntry,
  LeaderboardPage,
  PoolBoardEntry,
  PoolLeaderboard,
  Profile,
  ProfileBallot,
  RecordBoardPage,
  RecordEntry,
  Tiebreaker,
} from "../../shared/schemas/scores.js";
import type { RecordReadRow } from "../repositories/scores/index.js";
import type {
  BoardEntry as BoardRow,
  LeaderboardRows,
  PoolEntry,
  PoolLeaderboardRows,
  RankedEntry,
} from "../services/scores/leaderboards.js";
import type { FanProfile, ProfileBallotOf } from "../services/scores/profile.js";
import type { RecordBoardRows } from "../services/scores/records.js";
import type { TiebreakerAnswer } from "../services/scores/tiebreaker.js";
import { contenderName } from "./season.js";

/** correct / decided; null while none of the fan's picks is decided. */
export const accuracyOf = (entry: Pick<RankedEntry, "correct" | "decided">) =>
  entry.decided === 0 ? null : entry.correct / entry.decided;

export const presentLeaderboardEntry = (row: RankedEntry): LeaderboardEntry => ({
  rank: row.rank,
  username: row.username,
  points: row.points,
  correct: row.correct,
  decided: row.decided,
  accuracy: accuracyOf(row),
});

/** A leaderboard's row: the entry, its movement since the latest announcement, and what is still to win. */
export const presentBoardEntry = (row: BoardRow): BoardEntry => ({
  ...presentLeaderboardEntry(row),
  movement: movementOf(row.rank, row.previous_rank),
  stillPossible: row.stillPossible,
  bestRank: row.bestRank,
});

const presentPoolEntry = (row: PoolEntry): PoolBoardEntry => ({ ...presentBoardEntry(row), alive: row.alive });

export const presentLeaderboardPage = (page: LeaderboardRows): LeaderboardPage => ({
  total: page.total,
  decidedCategories: page.decidedCategories,
  entries: page.entries.map(presentBoardEntry),
});

/** A season or all-time row: the event row's fields (public ones only) and the seasons played. */
export const presentRecordEntry = (row: RecordReadRow): RecordEntry => ({
  ...presentLeaderboardEntry(row),
  seasons: row.seasons,
});

export const presentRecordBoardPage = (page: RecordBoardRows): RecordBoardPage => ({
  scope: page.scope,
  season: page.scope === "season" ? { slug: page.season.slug, name: page.season.name } : null,
  total: page.total,
  decidedCategories: page.decidedCategories,
  entries: page.entries.map(presentRecordEntry),
});

export const presentPoolLeaderboard = (board: PoolLeaderboardRows): PoolLeaderboard => ({
  decidedCategories: board.decidedCategories,
  entries: board.entries.map(presentPoolEntry),
});

export const presentTiebreaker = ({ event, question, answer, locked, actual }: TiebreakerAnswer): Tiebreaker => ({
  eventSlug: event.slug,
  question,
  answer,
  locked,
  actual,
});

const presentProfileBallot = (ballot: ProfileBallotOf): ProfileBallot => ({
  seasonSlug: ballot.season.slug,
  seasonName: ballot.season.name,
  eventSlug: ballot.event.slug,
  eventName: ballot.event.name,
  eventDate: ballot.event.date,
  firstLockAt: ballot.firstLockAt === null ? null : new Date(ballot.firstLockAt).toISOString(),
  openCategories: ballot.openCategories,
  picks: ballot.picks.map((pick) => ({
    categoryId: pick.category.id,
    categoryName: pick.category.name,
    contenderId: pick.contenderId,
    contenderName: pick.contender ? contenderName(pick.contender) : "",
    lockedInProbability: pick.lockedInProbability,
    correct: pick.correct,
    points: pick.points,
  })),
  tiebreaker: ballot.tiebreaker,
  score: ballot.overall ? presentLeaderboardEntry(ballot.overall) : null,
  // Absent, not empty, for everyone but the fan: other viewers' answers carry no trace of it.
  ...(ballot.ownPicks && {
    ownPicks: ballot.ownPicks.map((pick) => ({
      categoryId: pick.category.id,
      categoryName: pick.category.name,
      contenderId: pick.contenderId,
      contenderName: pick.contender ? contenderName(pick.contender) : "",
    })),
  }),
});

export const presentProfile = ({ user, viewerIsOwner, ballots, pools, records }: FanProfile): Profile => ({
  user: {
    username: user.username,
    isDemo: user.is_demo === 1,
    joinedAt: new Date(user.created_at).toISOString(),
  },
  viewerIsOwner,
  ballots: ballots.map(presentProfileBallot),
  seasons: records.seasons.map((record) => ({
    seasonSlug: record.season.slug,
    seasonName: record.season.name,
    score: presentRecordEntry(record.score),
    ceremonies: record.ceremonies.map((ceremony) => ({
      eventSlug: ceremony.event.slug,
      eventName: ceremony.event.name,
      score: presentLeaderboardEntry(ceremony.score),
    })),
  })),
  allTime: records.allTime ? presentRecordEntry(records.allTime) : null,
  pools: pools.map((pool) => ({ name: pool.name, memberCount: pool.member_count })),
});
