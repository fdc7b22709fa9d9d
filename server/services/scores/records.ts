/** Reading the season and all-time leaderboards: a page, a fan's own row, and a fan's record season by season. */
import type { RecordReadRow, ScoreRow } from "../../repositories/scores/index.js";
import type { EventRow, SeasonRow } from "../../repositories/seasonRepository.js";
import type { ScoresContext } from "./context.js";
import { ALL_TIME } from "./recordBoards.js";

/** Which board: a season's (with the season) or all-time. */
export type RecordScope = { scope: "season"; season: Pick<SeasonRow, "id" | "slug" | "name"> } | { scope: "all-time" };
export type RecordPaging = { limit: number; offset: number; demo: boolean };

export type RecordBoardRows = RecordScope & { total: number; decidedCategories: number; entries: RecordReadRow[] };

export type SeasonRecord = {
  season: SeasonRow;
  score: RecordReadRow;
  ceremonies: { event: EventRow; score: ScoreRow }[];
};
export type FanRecords = { seasons: SeasonRecord[]; allTime: RecordReadRow | undefined };

const boardOf = (scope: RecordScope) => (scope.scope === "season" ? scope.season.id : ALL_TIME);

export function createRecords({ scores, seasons }: ScoresContext) {
  return {
    /** One page of a season or all-time board, the same for every viewer. */
    recordBoard(scope: RecordScope, paging: RecordPaging): RecordBoardRows {
      const board = boardOf(scope);
      const realOnly = !paging.demo;
      return {
        ...scope,
        total: scores.countRecordBoard(board, realOnly),
        decidedCategories:
          scope.scope === "season" ? scores.countDecidedInSeason(scope.season.id) : scores.countDecidedEverywhere(),
        entries: scores.recordPage(board, realOnly, paging.limit, paging.offset),
      };
    },

    /** The viewer's row on that board, by the unique (board, user) index, ranked among real fans when demo is hidden. */
    recordStandingOn(scope: RecordScope, paging: RecordPaging, viewerId: number): RecordReadRow | undefined {
      const mine = scores.readRecordRowOf(boardOf(scope), viewerId);
      const rank = paging.demo ? mine?.rank : mine?.realRank;
      return mine && rank !== null && rank !== undefined ? { ...mine, rank } : undefined;
    },

    /** A fan's record: each season they have a row in, with its ceremonies, and their all-time row. */
    recordsOf(userId: number): FanRecords {
      const rows = new Map(scores.readRecordRowsOfUser(userId).map((row) => [row.board, row]));
      const played = seasons.listSeasons().flatMap((season): SeasonRecord[] => {
        const score = rows.get(season.id);
        if (!score) return [];
        const ceremonies = seasons.listEventsOfSeason(season.id).flatMap((event) => {
          const entry = event.categories > 0 ? scores.overallEntryOf(event.id, userId) : undefined;
          return entry ? [{ event, score: entry }] : [];
        });
        return [{ season, score, ceremonies }];
      });
      return { seasons: played, allTime: rows.get(ALL_TIME) };
    },
  };
}
