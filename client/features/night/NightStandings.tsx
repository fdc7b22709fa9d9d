/** The signed-in fan's night: their running score and rank on the event's board, and each of their pools' top rows. */
import { Link } from "react-router-dom";
import type { PoolSummary } from "../../../shared/schemas/pools";
import type { LeaderboardEntry } from "../../../shared/schemas/scores";
import { QueryState } from "../../components/QueryState";
import { TOP_ROWS, useMyPools, useMyStanding, usePoolBoards } from "./api";

const points = (count: number) => `${count} ${count === 1 ? "point" : "points"}`;

export function MyScore({ eventSlug }: { eventSlug: string }) {
  const standing = useMyStanding(eventSlug, true);
  return (
    <QueryState query={standing} loadingLabel="Loading your score…">
      {(board) =>
        board.me ? (
          <p className="night-score" role="status">
            Your score: <strong>{points(board.me.points)}</strong> · rank {board.me.rank} of {board.total} ·{" "}
            {board.me.correct} of {board.me.decided} right
          </p>
        ) : (
          <p className="night-score" role="status">
            Your score: none yet — your picks score as their winners are announced.
          </p>
        )
      }
    </QueryState>
  );
}

export function PoolStandings({ myUsername }: { myUsername: string }) {
  const pools = useMyPools(true);
  return (
    <section aria-labelledby="night-pools-heading" className="night-pools">
      <h3 id="night-pools-heading">Your pools</h3>
      <QueryState
        query={pools}
        loadingLabel="Loading your pools…"
        isEmpty={(list) => list.length === 0}
        empty={
          <>
            You're in no pool. <Link to="/pools">Start one</Link> to play against friends.
          </>
        }
      >
        {(list) => <PoolBoards pools={list} myUsername={myUsername} />}
      </QueryState>
    </section>
  );
}

function PoolBoards({ pools, myUsername }: { pools: PoolSummary[]; myUsername: string }) {
  const boards = usePoolBoards(pools.map((pool) => pool.id));
  return (
    <>
      {pools.map((pool, index) => {
        const board = boards[index];
        return (
          <div key={pool.id} className="night-pool">
            <h4>
              <Link to={`/pools/${pool.id}`}>{pool.name}</Link>
            </h4>
            {board && (
              <QueryState query={board} loadingLabel={`Loading ${pool.name}…`}>
                {(data) => <TopRows caption={`${pool.name}: top of the pool`} entries={data.entries} me={myUsername} />}
              </QueryState>
            )}
          </div>
        );
      })}
    </>
  );
}

/** The board's first rows, then the fan's own row when it is further down. */
function TopRows({ caption, entries, me }: { caption: string; entries: LeaderboardEntry[]; me: string }) {
  const top = entries.slice(0, TOP_ROWS);
  const mine = entries.find((entry) => entry.username === me);
  const rows = mine && !top.includes(mine) ? [...top, mine] : top;
  return (
    <table className="night-board">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Fan</th>
          <th scope="col">Points</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((entry) => (
          <tr key={entry.username} className={entry === mine ? "night-board-me" : undefined}>
            <td>{entry.rank}</td>
            <th scope="row">
              {entry.username}
              {entry === mine && <span className="badge">You</span>}
            </th>
            <td>{entry.points}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
