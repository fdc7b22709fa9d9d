/**
 * A fan's public profile: their record season by season, their picks in locked categories with their score and
 * rank, and pools they show.
 */
import { useParams } from "react-router-dom";
import { formatPercent } from "../../shared/domain/odds";
import type { ProfileBallot } from "../../shared/schemas/scores";
import { ApiError } from "../api/client";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { useProfile } from "../features/leaderboard/api";
import { formatAccuracy } from "../features/leaderboard/LeaderboardTable";
import { SeasonRecord } from "../features/leaderboard/SeasonRecord";
import { NotFoundPage } from "./NotFoundPage";

export function ProfilePage() {
  const username = useParams().username ?? "";
  const profile = useProfile(username);
  usePageTitle(username);
  if (profile.error instanceof ApiError && profile.error.status === 404) return <NotFoundPage what="fan" />;
  return (
    <QueryState query={profile} loadingLabel="Loading the profile…">
      {(data) => (
        <article className="profile-page">
          <p className="eyebrow">{data.user.isDemo ? "Simulated fan" : "Fan"}</p>
          <h1>{data.user.username}</h1>
          <SeasonRecord seasons={data.seasons} allTime={data.allTime} />
          {data.ballots.map((ballot) => (
            <BallotSummary key={ballot.eventSlug} ballot={ballot} />
          ))}
          <section aria-labelledby="profile-pools">
            <h2 id="profile-pools">Pools</h2>
            {data.pools.length === 0 ? (
              <p className="muted">No pools shown on this profile.</p>
            ) : (
              <ul className="profile-pools">
                {data.pools.map((pool) => (
                  <li key={pool.name}>
                    {pool.name}{" "}
                    <span className="muted">
                      ({pool.memberCount} {pool.memberCount === 1 ? "member" : "members"})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </article>
      )}
    </QueryState>
  );
}

function BallotSummary({ ballot }: { ballot: ProfileBallot }) {
  const headingId = `profile-ballot-${ballot.eventSlug}`;
  return (
    <section aria-labelledby={headingId} className="card profile-ballot">
      <h2 id={headingId}>{ballot.eventName}</h2>
      {ballot.score ? (
        <p className="profile-score">
          Rank <strong>{ballot.score.rank}</strong> · {ballot.score.points} points · {ballot.score.correct} of{" "}
          {ballot.score.decided} correct ({formatAccuracy(ballot.score)})
        </p>
      ) : (
        <p className="muted">Not scored yet: no winners announced in categories this fan picked.</p>
      )}
      {ballot.picks.length === 0 ? (
        <p className="muted">Picks appear here once their categories lock.</p>
      ) : (
        <ul className="profile-picks">
          {ballot.picks.map((pick) => (
            <li key={pick.categoryId}>
              <span className="profile-pick-category">{pick.categoryName}</span>
              <span>
                {pick.contenderName}
                {pick.lockedInProbability !== null && (
                  <span className="muted"> · locked in at {formatPercent(pick.lockedInProbability)}</span>
                )}
              </span>
              {pick.correct !== null && (
                <span className={`badge ${pick.correct ? "badge-picked" : ""}`}>
                  {pick.correct ? `Right · ${pick.points} pts` : "Wrong"}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {ballot.openCategories > 0 && (
        <p className="muted">
          {ballot.openCategories} {ballot.openCategories === 1 ? "category is" : "categories are"} still open: those
          picks stay private until they lock.
        </p>
      )}
      {ballot.tiebreaker && (
        <p>
          Tiebreaker: {ballot.tiebreaker.question} <strong>{ballot.tiebreaker.answer}</strong>
        </p>
      )}
    </section>
  );
}
