/** Members' picks at the current season's ceremony, category by category, once each category has locked. */
import type { PoolDetail } from "../../../shared/schemas/pools";
import { useEvent, usePageCeremony } from "../../api/season";
import { QueryState } from "../../components/QueryState";
import { usePoolPicks } from "./api";

export function PoolPicks({ pool }: { pool: PoolDetail }) {
  const ceremony = usePageCeremony();
  const picks = usePoolPicks(pool.id, ceremony);
  const event = useEvent(ceremony);
  const usernames = new Map(pool.members.map((member) => [member.userId, member.username]));
  return (
    <section aria-labelledby="pool-picks-heading">
      <h2 id="pool-picks-heading">Everyone's picks</h2>
      <QueryState
        query={picks}
        loadingLabel="Loading picks…"
        isEmpty={(data) => data.categories.length === 0}
        empty="Picks appear here as each category locks, so nobody can copy before then."
      >
        {(data) => (
          <div className="pool-picks">
            {data.categories.map((locked) => {
              const category = event.data?.categories.find((candidate) => candidate.id === locked.categoryId);
              const nameOf = (contenderId: number) =>
                category?.contenders.find((contender) => contender.id === contenderId)?.name ?? "—";
              return (
                <div key={locked.categoryId} className="card">
                  <h3>{category?.name ?? "Category"}</h3>
                  {locked.picks.length === 0 ? (
                    <p className="muted">Nobody picked.</p>
                  ) : (
                    <ul className="contender-mini-list">
                      {locked.picks.map((pick) => (
                        <li key={pick.userId}>
                          <span>{usernames.get(pick.userId) ?? "former member"}</span>
                          <span className={category?.winnerContenderId === pick.contenderId ? "result-right" : ""}>
                            {nameOf(pick.contenderId)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </QueryState>
    </section>
  );
}
