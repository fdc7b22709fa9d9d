/**
 * The operator's choice of season and ceremony: two selects that put the choice in the address, so the whole area
 * follows it and a reload keeps it. They stay mounted while the chosen season loads, so focus stays where it was.
 */
import type { SeasonDetail, SeasonSummary } from "../../../shared/schemas/events";
import { ballotEvents } from "../../api/season";
import { SelectField } from "../../components/Field";
import { useAdminChoice } from "./adminScope";

type Props = {
  seasons: SeasonSummary[] | undefined;
  seasonSlug: string | undefined;
  /** The chosen season's details, once loaded. */
  season: SeasonDetail | undefined;
  /** The slug of the ceremony the area acts on, once known. */
  eventSlug: string | undefined;
};

export function ScopeChoice({ seasons, seasonSlug, season, eventSlug }: Props) {
  const choice = useAdminChoice();
  const ceremonies = season ? ballotEvents(season) : [];
  return (
    <section className="card admin-panel admin-scope" aria-labelledby="admin-scope-heading">
      <h2 id="admin-scope-heading">Season and ceremony</h2>
      <p className="field-hint">Every tool below acts on the ceremony chosen here and its season's films.</p>
      <div className="admin-row">
        <SelectField
          label="Season"
          value={seasonSlug ?? ""}
          disabled={seasons === undefined}
          onChange={(event) => choice.choose(event.target.value)}
        >
          {seasons === undefined && <option value="">Loading the seasons…</option>}
          {seasons !== undefined && seasonSlug !== undefined && !seasons.some((s) => s.slug === seasonSlug) && (
            <option value={seasonSlug}>Choose a season…</option>
          )}
          {seasons?.map((candidate) => (
            <option key={candidate.slug} value={candidate.slug}>
              {candidate.name}
              {candidate.current ? " (current)" : ""}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Ceremony"
          value={eventSlug ?? ""}
          disabled={ceremonies.length === 0 || seasonSlug === undefined}
          onChange={(event) => seasonSlug && choice.choose(seasonSlug, event.target.value)}
        >
          {eventSlug === undefined || !ceremonies.some((event) => event.slug === eventSlug) ? (
            <option value={eventSlug ?? ""}>
              {season === undefined ? "Loading the ceremonies…" : "Choose a ceremony…"}
            </option>
          ) : null}
          {ceremonies.map((event) => (
            <option key={event.slug} value={event.slug}>
              {event.name}
            </option>
          ))}
        </SelectField>
      </div>
    </section>
  );
}
