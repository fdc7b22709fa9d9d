/** A fan's record season by season: each season's rank and points, each of its ceremonies beneath, then all-time. */
import type { LeaderboardEntry, Profile } from "../../../shared/schemas/scores";
import { formatAccuracy } from "./LeaderboardTable";

function Cells({ score }: { score: LeaderboardEntry }) {
  return (
    <>
      <td>{score.rank}</td>
      <td>{score.points}</td>
      <td>
        {score.correct} of {score.decided}
      </td>
      <td className="leaderboard-accuracy">{formatAccuracy(score)}</td>
    </>
  );
}

export function SeasonRecord({ seasons, allTime }: Pick<Profile, "seasons" | "allTime">) {
  return (
    <section aria-labelledby="profile-record" className="profile-record">
      <h2 id="profile-record">Record by season</h2>
      {seasons.length === 0 ? (
        <p className="muted">
          Nothing scored yet: the record starts with the first winner of a ceremony this fan picked.
        </p>
      ) : (
        <div className="leaderboard-wrap">
          <table className="leaderboard-table record-table">
            <caption className="visually-hidden">Record by season, each season's ceremonies beneath it</caption>
            <thead>
              <tr>
                <th scope="col">Season or ceremony</th>
                <th scope="col">Rank</th>
                <th scope="col">Points</th>
                <th scope="col">Correct</th>
                <th scope="col" className="leaderboard-accuracy">
                  Accuracy
                </th>
              </tr>
            </thead>
            {seasons.map((season) => (
              <tbody key={season.seasonSlug}>
                <tr className="record-season">
                  <th scope="row">{season.seasonName}</th>
                  <Cells score={season.score} />
                </tr>
                {season.ceremonies.map((ceremony) => (
                  <tr key={ceremony.eventSlug} className="record-ceremony">
                    <th scope="row">{ceremony.eventName}</th>
                    <Cells score={ceremony.score} />
                  </tr>
                ))}
              </tbody>
            ))}
            {allTime && (
              <tfoot>
                <tr className="record-season">
                  <th scope="row">
                    All-time ({allTime.seasons} {allTime.seasons === 1 ? "season" : "seasons"})
                  </th>
                  <Cells score={allTime} />
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}
