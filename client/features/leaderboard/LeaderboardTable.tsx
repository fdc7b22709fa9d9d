/**
 * A ranked table of fans; the signed-in fan's row is marked, and pinned below the page when it is elsewhere. A
 * ceremony's and a pool's boards also show each row's movement since the latest announcement and what it can still
 * win; a pool's says who can still finish first; the all-time board counts seasons played.
 */
import { Link } from "react-router-dom";
import type { BoardEntry, LeaderboardEntry } from "../../../shared/schemas/scores";
import { movementText } from "./movement";

/** Which board: the columns beyond rank, fan, points, correct and accuracy follow from it. */
export type BoardKind = "ceremony" | "pool" | "season" | "all-time";

/** A row of any board; fields a board does not have are absent. */
type Row = LeaderboardEntry &
  Partial<Pick<BoardEntry, "movement" | "stillPossible" | "bestRank">> & { alive?: boolean; seasons?: number };

type Props = {
  caption: string;
  entries: readonly Row[];
  /** The signed-in fan's own row, if they are on this leaderboard. */
  me?: Row;
  kind?: BoardKind;
};

type Columns = { movement: boolean; outlook: boolean; firstPlace: boolean; seasons: boolean };

export const formatAccuracy = (entry: LeaderboardEntry) =>
  entry.accuracy === null ? "—" : `${Math.round(entry.accuracy * 100)}%`;

export function LeaderboardTable({ caption, entries, me, kind = "ceremony" }: Props) {
  const meOnPage = me !== undefined && entries.some((entry) => entry.username === me.username);
  // Season and all-time boards are sums over ceremonies: a movement or an outlook there would mix several nights.
  // With nothing pending on the page (before the night, or after it) the outlook is every row's own points and rank,
  // so its columns give their room to the names.
  const pending = [...entries, ...(me ? [me] : [])].some((entry) => (entry.stillPossible ?? 0) > 0);
  const hasOutlook = kind === "ceremony" || kind === "pool";
  const columns: Columns = {
    movement: hasOutlook,
    outlook: hasOutlook && pending,
    firstPlace: kind === "pool",
    seasons: kind === "all-time",
  };
  const count =
    5 +
    (columns.movement ? 1 : 0) +
    (columns.outlook ? 2 : 0) +
    (columns.firstPlace ? 1 : 0) +
    (columns.seasons ? 1 : 0);
  return (
    <div className="leaderboard-wrap">
      <table className={columns.firstPlace ? "leaderboard-table has-first-place" : "leaderboard-table"}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            {columns.movement && <th scope="col">Move</th>}
            <th scope="col">Fan</th>
            <th scope="col">Points</th>
            <th scope="col" className="leaderboard-correct">
              Correct
            </th>
            <th scope="col" className="leaderboard-accuracy">
              Accuracy
            </th>
            {columns.seasons && <th scope="col">Seasons</th>}
            {columns.outlook && (
              <>
                <th scope="col" title="Points of picks in locked categories still to be announced, if they all win">
                  Still possible
                </th>
                <th
                  scope="col"
                  className="leaderboard-best"
                  title="The best rank still within reach if every pending pick wins"
                >
                  Best rank
                </th>
              </>
            )}
            {columns.firstPlace && <th scope="col">First place</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <BoardRow key={entry.username} entry={entry} isMe={entry.username === me?.username} columns={columns} />
          ))}
        </tbody>
        {me && !meOnPage && (
          <tbody className="leaderboard-pinned">
            <tr className="leaderboard-gap">
              <th colSpan={count} scope="colgroup">
                Your position
              </th>
            </tr>
            <BoardRow entry={me} isMe columns={columns} />
          </tbody>
        )}
      </table>
    </div>
  );
}

function BoardRow({ entry, isMe, columns }: { entry: Row; isMe: boolean; columns: Columns }) {
  const movement = movementText(entry.movement ?? null);
  const direction = entry.movement == null ? "new" : entry.movement > 0 ? "up" : entry.movement < 0 ? "down" : "same";
  return (
    <tr className={isMe ? "is-me" : undefined} aria-current={isMe ? "true" : undefined}>
      <td className="leaderboard-rank">{entry.rank}</td>
      {columns.movement && (
        <td className={`leaderboard-movement is-${direction}`}>
          <span aria-hidden="true">{movement.mark}</span>
          <span className="visually-hidden">{movement.words}</span>
        </td>
      )}
      <th scope="row">
        <Link to={`/u/${encodeURIComponent(entry.username)}`}>{entry.username}</Link>
        {isMe && <span className="badge">You</span>}
      </th>
      <td>{entry.points}</td>
      <td className="leaderboard-correct">
        {entry.correct} of {entry.decided}
      </td>
      <td className="leaderboard-accuracy">{formatAccuracy(entry)}</td>
      {columns.seasons && <td>{entry.seasons}</td>}
      {columns.outlook && (
        <>
          <td>{entry.stillPossible}</td>
          <td className="leaderboard-best">{entry.bestRank}</td>
        </>
      )}
      {columns.firstPlace && (
        <td className={entry.alive ? "leaderboard-alive" : "leaderboard-out"}>{entry.alive ? "Still alive" : "Out"}</td>
      )}
    </tr>
  );
}
