/** The season's home lists its ceremonies that take picks, each with where its ballot stands and a link to it. */
import { useQueries } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { seasonPaths } from "../../../shared/domain/seasonPaths";
import type { SeasonDetail } from "../../../shared/schemas/events";
import { ballotEvents, eventQuery } from "../../api/season";
import { formatDay } from "../../components/format";
import { useNow } from "../../components/useNow";
import { ceremonyState } from "./ceremonyState";
import { tickIntervalFor } from "./lockStatus";

export function SeasonBallots({ season }: { season: SeasonDetail }) {
  const events = ballotEvents(season);
  const details = useQueries({ queries: events.map((event) => eventQuery(event.slug)) });
  const categories = details.flatMap((detail) => detail.data?.categories ?? []);
  const now = useNow((nowMs) => tickIntervalFor(categories, nowMs));
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="ballots-heading">
      <h2 id="ballots-heading">Ballots</h2>
      <ul className="season-ballots">
        {events.map((event, index) => {
          const detail = details[index]?.data;
          const state = detail ? ceremonyState(detail.categories, now) : undefined;
          return (
            <li key={event.slug} className={`card season-ballot state-${state?.state ?? "loading"}`}>
              <Link to={seasonPaths.ballot(season.slug, event.slug)}>{event.name} ballot</Link>
              <span className="muted">
                <time dateTime={event.date}>{formatDay(event.date)}</time>
                {state && ` · ${state.label}`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
