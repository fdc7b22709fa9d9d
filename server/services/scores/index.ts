/**
 * Scoring: keeps the materialized scores in step with winners, the tiebreaker and ballot completions, and answers
 * leaderboards (event, season and all-time), pool leaderboards, tiebreaker answers and public profiles from them. One file per operation or
 * small group of them; this is where they are put together.
 */
import { createBallotTracking } from "./ballots.js";
import { createScoresContext, type ScoresDeps } from "./context.js";
import { createLeaderboards } from "./leaderboards.js";
import { createProfiles } from "./profile.js";
import { createRecords } from "./records.js";
import { createRescoring } from "./rescoring.js";
import { createTiebreaker } from "./tiebreaker.js";

export function createScoresService(deps: ScoresDeps) {
  const context = createScoresContext(deps);
  return {
    ...createRescoring(context),
    ...createBallotTracking(context),
    ...createLeaderboards(context),
    ...createTiebreaker(context),
    ...createProfiles(context),
    ...createRecords(context),
    onScoresChanged: context.onScoresChanged,
  };
}

export type ScoresService = ReturnType<typeof createScoresService>;
