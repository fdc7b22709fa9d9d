/**
 * Members' picks at the current season's ceremony, category by category, once each category has locked: how the pool
 * split, then who picked what.
 */
import type { Category } from "../../../shared/schemas/events";
import type { PoolPicks as LockedPicks, PoolDetail } from "../../../shared/schemas/pools";
import { useEvent, usePageCeremony } from "../../api/season";
import { QueryState } from "../../components/QueryState";
import { usePoolPicks } from "./api";

type LockedCategory = LockedPicks["categories"][number];

/**
 * "La La Land 4 · Moonlight 2 · no pick 1": the pool's split, most picked first, as the server ordered it. A count is
 * joined to the word before it by a no-break space, so a narrow card never leaves a number alone on a line.
 */
function splitText(locked: LockedCategory, nameOf: (contenderId: number) => string): string {
  const parts = locked.split.map((share) => `${nameOf(share.contenderId)}\u00a0${share.picks}`);
  if (locked.noPick > 0) parts.push(`no\u00a0pick\u00a0${locked.noPick}`);
  return parts.join(" · ");
}

function LockedCategoryCard({
  locked,
  category,
  usernames,
}: {
  locked: LockedCategory;
  category: Category | undefined;
  usernames: Map<number, string>;
}) {
  const headingId = `pool-category-${locked.categoryId}`;
  const nameOf = (contenderId: number) =>
    category?.contenders.find((contender) => contender.id === contenderId)?.name ?? "—";
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{category?.name ?? "Category"}</h3>
      <p className="pool-split">
        <span className="visually-hidden">How the pool split: </span>
        {splitText(locked, nameOf)}
      </p>
      {locked.picks.length > 0 && (
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
    </section>
  );
}

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
            {data.categories.map((locked) => (
              <LockedCategoryCard
                key={locked.categoryId}
                locked={locked}
                category={event.data?.categories.find((candidate) => candidate.id === locked.categoryId)}
                usernames={usernames}
              />
            ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}
