/**
 * The pool's members ranked among themselves, by the same rule as the overall leaderboard, with who can still finish
 * first and who is mathematically out.
 */
import type { PoolDetail } from "../../../shared/schemas/pools";
import { QueryState } from "../../components/QueryState";
import { usePoolLeaderboard } from "./api";
import { LeaderboardTable } from "./LeaderboardTable";
import { ScoringStarts } from "./ScoringStarts";

export function PoolLeaderboard({ pool, myUsername }: { pool: PoolDetail; myUsername: string }) {
  const board = usePoolLeaderboard(pool.id);
  return (
    <section aria-labelledby="pool-leaderboard-heading" className="pool-leaderboard">
      <h2 id="pool-leaderboard-heading">Pool leaderboard</h2>
      <QueryState
        query={board}
        loadingLabel="Loading the pool leaderboard…"
        isEmpty={(data) => data.decidedCategories === 0}
        empty={<ScoringStarts />}
      >
        {(data) => (
          <LeaderboardTable
            caption={`${pool.name} leaderboard`}
            entries={data.entries}
            me={data.entries.find((entry) => entry.username === myUsername)}
            kind="pool"
          />
        )}
      </QueryState>
    </section>
  );
}
