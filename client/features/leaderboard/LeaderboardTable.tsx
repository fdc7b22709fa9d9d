/**
 * A ranked table of fans with each row's movement since the latest announcement and what it can still win; the
 * signed-in fan's row is marked, and pinned below the page when it is elsewhere.
 */
import { Link } from "react-router-dom";
import type { BoardEntry, LeaderboardEntry } from "../../../shared/schemas/scores";
import { movementText } from "./movement";

/** A row; on a pool's board it also says whether the member can still finish first. */
type Row = BoardEntry & { alive?: boolean };

type Props = {
  caption: string;
  entries: readonly Row[];
  /** The signed-in fan's own row, if they are on this leaderboard. */
  me?: Row;
  /** A pool's board: adds the "First place" column (still alive or out). */
  firstPlace?: boolean;
};

export const formatAccuracy = (entry: LeaderboardEntry) =>
  entry.accuracy === null ? "—" : `${Math.round(entry.accuracy * 100)}%`;

export function LeaderboardTable({ caption, entries, me, firstPlace = false }: Props) {
  const meOnPage = me !== undefined && entries.some((entry) => entry.username === me.username);
  const columns = firstPlace ? 9 : 8;
  return (
    <div className="leaderboard-wrap">
      <table className={firstPlace ? "leaderboard-table has-first-place" : "leaderboard-table"}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Move</th>
            <th scope="col">Fan</th>
            <th scope="col">Points</th>
            <th scope="col" className="leaderboard-correct">
              Correct
            </th>
            <th scope="col" className="leaderboard-accuracy">
              Accuracy
            </th>
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
            {firstPlace && <th scope="col">First place</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <BoardRow
              key={entry.username}
              entry={entry}
              isMe={entry.username === me?.username}
              firstPlace={firstPlace}
            />
          ))}
        </tbody>
        {me && !meOnPage && (
          <tbody className="leaderboard-pinned">
            <tr className="leaderboard-gap">
              <th colSpan={columns} scope="colgroup">
                Your position
              </th>
            </tr>
            <BoardRow entry={me} isMe firstPlace={firstPlace} />
          </tbody>
        )}
      </table>
    </div>
  );
}

function BoardRow({ entry, isMe, firstPlace }: { entry: Row; isMe: boolean; firstPlace: boolean }) {
  const movement = movementText(entry.movement);
  const direction = entry.movement === null ? "new" : entry.movement > 0 ? "up" : entry.movement < 0 ? "down" : "same";
  return (
    <tr className={isMe ? "is-me" : undefined} aria-current={isMe ? "true" : undefined}>
      <td className="leaderboard-rank">{entry.rank}</td>
      <td className={`leaderboard-movement is-${direction}`}>
        <span aria-hidden="true">{movement.mark}</span>
        <span className="visually-hidden">{movement.words}</span>
      </td>
      <th scope="row">
        <Link to={`/u/${encodeURIComponent(entry.username)}`}>{entry.username}</Link>
        {isMe && <span className="badge">You</span>}
      </th>
      <td>{entry.points}</td>
      <td className="leaderboard-correct">
        {entry.correct} of {entry.decided}
      </td>
      <td className="leaderboard-accuracy">{formatAccuracy(entry)}</td>
      <td>{entry.stillPossible}</td>
      <td className="leaderboard-best">{entry.bestRank}</td>
      {firstPlace && (
        <td className={entry.alive ? "leaderboard-alive" : "leaderboard-out"}>{entry.alive ? "Still alive" : "Out"}</td>
      )}
    </tr>
  );
}
