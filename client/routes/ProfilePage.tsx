/**
 * A fan's profile: their record season by season, a ballot for every event that takes picks (its locked picks with
 * score and rank; to the fan alone, their own picks until its first winner), and the pools they show.
 */
import { useParams } from "react-router-dom";
import { formatPercent } from "../../shared/domain/odds";
import type { Profile, ProfileBallot } from "../../shared/schemas/scores";
import { ApiError } from "../api/client";
import { formatDay, formatInstant } from "../components/format";
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
          {seasonsOf(data.ballots).map((season) => (
            <section key={season.slug} aria-labelledby={`profile-season-${season.slug}`}>
              <h2 id={`profile-season-${season.slug}`}>{season.name}</h2>
              {season.ballots.map((ballot) => (
                <BallotSummary key={ballot.eventSlug} ballot={ballot} />
              ))}
            </section>
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

/** The ballots, which arrive season by season, under their season. */
function seasonsOf(ballots: Profile["ballots"]) {
  const seasons: { slug: string; name: string; ballots: ProfileBallot[] }[] = [];
  for (const ballot of ballots) {
    const last = seasons.at(-1);
    if (last?.slug === ballot.seasonSlug) last.ballots.push(ballot);
    else seasons.push({ slug: ballot.seasonSlug, name: ballot.seasonName, ballots: [ballot] });
  }
  return seasons;
}

/** When the ballot's picks start to count: its first lock once one is set, else the event's day. */
function ScoringStartsAt({ ballot }: { ballot: ProfileBallot }) {
  return ballot.firstLockAt ? (
    <time dateTime={ballot.firstLockAt}>{formatInstant(Date.parse(ballot.firstLockAt), Date.now())}</time>
  ) : (
    <time dateTime={ballot.eventDate}>{formatDay(ballot.eventDate)}</time>
  );
}

/** The fan's own ballot before its first winner: what they picked, seen by them alone. */
function OwnBallot({ ballot, ownPicks }: { ballot: ProfileBallot; ownPicks: NonNullable<ProfileBallot["ownPicks"]> }) {
  return (
    <>
      <p className="muted">
        Only you see these picks until their categories lock. Scoring starts <ScoringStartsAt ballot={ballot} />.
      </p>
      {ownPicks.length === 0 ? (
        <p className="muted">No picks yet.</p>
      ) : (
        <ul className="profile-picks" aria-label={`Your picks for the ${ballot.eventName}`}>
          {ownPicks.map((pick) => (
            <li key={pick.categoryId}>
              <span className="profile-pick-category">{pick.categoryName}</span>
              <span>{pick.contenderName}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function BallotSummary({ ballot }: { ballot: ProfileBallot }) {
  const headingId = `profile-ballot-${ballot.eventSlug}`;
  if (ballot.ownPicks) {
    return (
      <section aria-labelledby={headingId} className="card profile-ballot">
        <h3 id={headingId}>{ballot.eventName}</h3>
        <OwnBallot ballot={ballot} ownPicks={ballot.ownPicks} />
      </section>
    );
  }
  return (
    <section aria-labelledby={headingId} className="card profile-ballot">
      <h3 id={headingId}>{ballot.eventName}</h3>
      {ballot.score ? (
        <p className="profile-score">
          Rank <strong>{ballot.score.rank}</strong> · {ballot.score.points} points · {ballot.score.correct} of{" "}
          {ballot.score.decided} correct ({formatAccuracy(ballot.score)})
        </p>
      ) : (
        <p className="muted">
          Not scored yet: no winners announced in categories this fan picked. Scoring starts{" "}
          <ScoringStartsAt ballot={ballot} />.
        </p>
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
