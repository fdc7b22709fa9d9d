/** SQL for scoring, one concern a file, wired here into the one repository the scores service takes. */
import type { Db } from "../../db/connection.js";
import { createBallotCompletionRepository } from "./ballotCompletions.js";
import { createBoardRepository } from "./boards.js";
import { createRecordBoardRepository } from "./recordBoards.js";
import { createScoreRowRepository } from "./scoreRows.js";
import { createScoringInputRepository } from "./scoringInputs.js";
import { createTiebreakerAnswerRepository } from "./tiebreakerAnswers.js";

export type { BoardRow, PreviousRanks, StoredEntry } from "./boards.js";
export type { RecordReadRow, RecordRow, RecordTotals } from "./recordBoards.js";
export type { ScoreRow } from "./scoreRows.js";
export type { UserFacts } from "./scoringInputs.js";

export function createScoreRepository(db: Db) {
  return {
    ...createBoardRepository(db),
    ...createRecordBoardRepository(db),
    ...createScoreRowRepository(db),
    ...createScoringInputRepository(db),
    ...createTiebreakerAnswerRepository(db),
    ...createBallotCompletionRepository(db),
  };
}

export type ScoreRepository = ReturnType<typeof createScoreRepository>;
