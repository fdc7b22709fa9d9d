/** A ranked table of fans; the signed-in fan's row is marked, and pinned below the page when it is elsewhere. */
import { Link } from "react-router-dom";
import type { LeaderboardEntry } from "../../../shared/schemas/scores";

/** A row of any board; the all-time board's rows also say how many seasons the fan played. */
type Entry = LeaderboardEntry & { seasons?: number };

type Props = {
  caption: string;
  entries: readonly Entry[];
  /** The signed-in fan's own row, if they are on this leaderboard. */
  me?: Entry;
  /** Adds the seasons-played column (the all-time board). */
  showSeasons?: boolean;
};

export const formatAccuracy = (entry: LeaderboardEntry) =>
  entry.accuracy === null ? "—" : `${Math.round(entry.accuracy * 100)}%`;

export function LeaderboardTable({ caption, entries, me, showSeasons = false }: Props) {
  const meOnPage = me !== undefined && entries.some((entry) => entry.username === me.username);
  return (
    <div className="leaderboard-wrap">
      <table className="leaderboard-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Fan</th>
            <th scope="col">Points</th>
            <th scope="col">Correct</th>
            <th scope="col" className="leaderboard-accuracy">
              Accuracy
            </th>
            {showSeasons && <th scope="col">Seasons</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <Row key={entry.username} entry={entry} isMe={entry.username === me?.username} showSeasons={showSeasons} />
          ))}
        </tbody>
        {me && !meOnPage && (
          <tbody className="leaderboard-pinned">
            <tr className="leaderboard-gap">
              <th colSpan={showSeasons ? 6 : 5} scope="colgroup">
                Your position
              </th>
            </tr>
            <Row entry={me} isMe showSeasons={showSeasons} />
          </tbody>
        )}
      </table>
    </div>
  );
}

function Row({ entry, isMe, showSeasons }: { entry: Entry; isMe: boolean; showSeasons: boolean }) {
  return (
    <tr className={isMe ? "is-me" : undefined} aria-current={isMe ? "true" : undefined}>
      <td className="leaderboard-rank">{entry.rank}</td>
      <th scope="row">
        <Link to={`/u/${encodeURIComponent(entry.username)}`}>{entry.username}</Link>
        {isMe && <span className="badge">You</span>}
      </th>
      <td>{entry.points}</td>
      <td>
        {entry.correct} of {entry.decided}
      </td>
      <td className="leaderboard-accuracy">{formatAccuracy(entry)}</td>
      {showSeasons && <td>{entry.seasons}</td>}
    </tr>
  );
}
