/** A shared ballot, read-only, for anyone with the link: the picks, the crowd's view of each, and results. */
import { Link, useParams } from "react-router-dom";
import { formatPercent } from "../../shared/domain/odds";
import type { Category } from "../../shared/schemas/events";
import type { SharedPick } from "../../shared/schemas/share";
import { ApiError } from "../api/client";
import { useMe } from "../api/me";
import { useEvent } from "../api/season";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { useSharedBallot } from "../features/share/api";
import { NotFoundPage } from "./NotFoundPage";

function PickLine({ category, pick, owner }: { category: Category; pick: SharedPick | undefined; owner: string }) {
  const contender = category.contenders.find((candidate) => candidate.id === pick?.contenderId);
  return (
    <li className="card shared-pick">
      <h2>{category.name}</h2>
      {pick && contender ? (
        <>
          <p className="shared-pick-name">
            {contender.name}
            {contender.person && <span className="contender-film"> · {contender.film.title}</span>}
          </p>
          <p className="muted">
            {owner} picked {contender.name}; {formatPercent(pick.probability)} of fans agree.
          </p>
          {pick.correct !== undefined && (
            <p className={pick.correct ? "result result-right" : "result result-wrong"}>
              {pick.correct ? "✓ Right" : "✗ Wrong"}
            </p>
          )}
        </>
      ) : (
        <p className="muted">No pick yet.</p>
      )}
    </li>
  );
}

export function SharedBallotPage() {
  const { slug = "" } = useParams();
  const ballot = useSharedBallot(slug);
  const event = useEvent(ballot.data?.event.slug);
  const me = useMe();
  usePageTitle(ballot.data ? `${ballot.data.username}'s ballot` : "Shared ballot");

  if (ballot.error instanceof ApiError && (ballot.error.status === 404 || ballot.error.status === 400)) {
    return (
      <NotFoundPage
        what="ballot"
        reason="The link may have been turned off or replaced by its owner. Ask them for the current one."
      />
    );
  }
  return (
    <QueryState query={ballot} loadingLabel="Loading the ballot…">
      {(shared) => {
        const byCategory = new Map(shared.picks.map((pick) => [pick.categoryId, pick]));
        const decided = shared.picks.filter((pick) => pick.correct !== undefined);
        const right = decided.filter((pick) => pick.correct).length;
        return (
          <article>
            <p className="eyebrow">{shared.event.name}</p>
            <h1>{shared.username}'s ballot</h1>
            <p className="lede">
              This is {shared.username}'s ballot as it is now: it changes when they change a pick, and the percentages
              are today's consensus.
            </p>
            {shared.score ? (
              <p className="score-line">
                Rank {shared.score.rank} · {shared.score.points} points · {shared.score.correct} of{" "}
                {shared.score.decided} decided picks right
              </p>
            ) : (
              decided.length > 0 && (
                <p className="score-line">
                  {right} of {decided.length} decided picks right
                </p>
              )
            )}
            {/* A visitor from a shared link gets a way in: the ballot works as a draft until they sign up. */}
            <p className="shared-next">
              <Link to="/ballot" className="button">
                Make your own picks
              </Link>
              {me.data === null && (
                <>
                  {" "}
                  or <Link to="/signup?next=/ballot">sign up</Link> to save them and join the leaderboard.
                </>
              )}
            </p>
            <QueryState query={event} loadingLabel="Loading the categories…">
              {(ceremony) => (
                <ul className="shared-pick-list" aria-label="Picks">
                  {ceremony.categories.map((category) => (
                    <PickLine
                      key={category.id}
                      category={category}
                      pick={byCategory.get(category.id)}
                      owner={shared.username}
                    />
                  ))}
                </ul>
              )}
            </QueryState>
          </article>
        );
      }}
    </QueryState>
  );
}
