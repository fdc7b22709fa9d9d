/** A season's leaderboard (every ceremony of the season that takes picks, added up) or the all-time one, paged. */
import { Link } from "react-router-dom";
import { QueryState } from "../../components/QueryState";
import { type RecordBoardParams, useRecordBoard } from "./api";
import { LeaderboardCount, LeaderboardPager } from "./LeaderboardPager";
import { LeaderboardTable } from "./LeaderboardTable";

type Props = RecordBoardParams & { onOffset: (offset: number) => void };

export function RecordLeaderboard({ onOffset, ...params }: Props) {
  const board = useRecordBoard(params);
  const allTime = params.scope === "all-time";
  return (
    <QueryState
      query={board}
      loadingLabel={allTime ? "Loading the all-time leaderboard…" : "Loading the season's leaderboard…"}
      isEmpty={(data) => data.decidedCategories === 0 || data.total === 0}
      empty={
        <p>
          No winners announced yet {allTime ? "in any season" : "this season"}: the ranking starts with the first
          envelope of a ceremony that takes picks. Until then, <Link to="/ballot">make or change your picks</Link>.
        </p>
      }
    >
      {(data) => {
        const name = data.season ? `${data.season.name} leaderboard` : "All-time leaderboard";
        const decided = `${data.decidedCategories} ${data.decidedCategories === 1 ? "category" : "categories"} decided. `;
        return (
          <>
            {data.season && <h2>{data.season.name}</h2>}
            <LeaderboardCount offset={params.offset} shown={data.entries.length} total={data.total} prefix={decided} />
            <LeaderboardTable
              caption={name}
              entries={data.entries}
              me={data.me}
              kind={allTime ? "all-time" : "season"}
            />
            <LeaderboardPager offset={params.offset} total={data.total} onOffset={onOffset} />
          </>
        );
      }}
    </QueryState>
  );
}
