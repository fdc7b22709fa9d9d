/**
 * A season's leaderboard (`/seasons/:season/leaderboard`): one of its ceremonies' (the closing one unless the address
 * names another, overall or one category), the season's (its ceremonies added up) or all-time, paged, with the fan's
 * own row always in view. The scope and ceremony are in the address (`?scope=season`, `?event=…`), so they can be
 * shared.
 */
import { useId, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { POINTS_RULE } from "../../shared/domain/scoring";
import { ballotEvents, useEvent, usePageCeremony, usePageSeason } from "../api/season";
import { SelectField } from "../components/Field";
import { QueryState } from "../components/QueryState";
import { SegmentedChoice } from "../components/SegmentedChoice";
import { usePageTitle } from "../components/usePageTitle";
import { useLeaderboard } from "../features/leaderboard/api";
import { LeaderboardCount, LeaderboardPager } from "../features/leaderboard/LeaderboardPager";
import { LeaderboardTable } from "../features/leaderboard/LeaderboardTable";
import { RecordLeaderboard } from "../features/leaderboard/RecordLeaderboard";
import { ScoringStarts } from "../features/leaderboard/ScoringStarts";
import { NotFoundPage } from "./NotFoundPage";

type Scope = "ceremony" | "season" | "all-time";
const scopes: { value: Scope; label: string }[] = [
  { value: "ceremony", label: "This ceremony" },
  { value: "season", label: "Season" },
  { value: "all-time", label: "All-time" },
];
const scopeOf = (value: string | null): Scope => (value === "season" || value === "all-time" ? value : "ceremony");

/** "89th Academy Awards" → "Academy Awards": what a board of every year's ceremony is called. */
const boardTitleOf = (eventName: string) => eventName.replace(/^\d+(?:st|nd|rd|th)\s+/, "");

export function LeaderboardPage() {
  usePageTitle("Leaderboard");
  const [search, setSearch] = useSearchParams();
  // The radio follows the fan's choice at once; the address follows it (and opens the page on it).
  const [scope, setScope] = useState(() => scopeOf(search.get("scope")));
  const season = usePageSeason();
  const closing = usePageCeremony();
  const ceremonies = season.query.data ? ballotEvents(season.query.data) : [];
  // A ceremony the season does not hold (an old or mistyped address) falls back to the closing one.
  const named = search.get("event");
  const ceremony = ceremonies.some((candidate) => candidate.slug === named) ? (named ?? undefined) : closing;
  const event = useEvent(ceremony);
  const overall = event.data ? `${boardTitleOf(event.data.name)} overall` : "Overall";
  const [category, setCategory] = useState("");
  const [demo, setDemo] = useState(true);
  const [offset, setOffset] = useState(0);
  const demoId = useId();
  const categoryName = event.data?.categories.find((row) => row.slug === category)?.name;
  const boardName =
    scope === "all-time" ? "All seasons" : scope === "season" ? "This season" : (categoryName ?? overall);

  if (season.unknown) return <NotFoundPage what="leaderboard" />;
  return (
    <article className="leaderboard-page">
      <p className="eyebrow">Leaderboard</p>
      <h1>{boardName}</h1>
      <p className="lede">
        {POINTS_RULE}
        {scope !== "ceremony" &&
          ` ${scope === "season" ? "A season adds up its ceremonies that take picks" : "All-time adds up every season"}, ranked by points, then right picks.`}
      </p>
      <div className="leaderboard-controls">
        <SegmentedChoice
          legend="Leaderboard scope"
          name="leaderboard-scope"
          options={scopes}
          value={scope}
          onChange={(chosen) => {
            setScope(chosen);
            setSearch(
              chosen === "ceremony"
                ? ceremony === closing || !ceremony
                  ? {}
                  : { event: ceremony }
                : { scope: chosen },
              { replace: true },
            );
            setOffset(0);
          }}
        />
        {scope === "ceremony" && ceremonies.length > 1 && (
          <SelectField
            label="Ceremony"
            value={ceremony ?? ""}
            onChange={(change) => {
              const chosen = change.target.value;
              setSearch(chosen === closing ? {} : { event: chosen }, { replace: true });
              setCategory("");
              setOffset(0);
            }}
          >
            {ceremonies.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
        )}
        {scope === "ceremony" && (
          <SelectField
            label="Leaderboard"
            value={category}
            onChange={(change) => {
              setCategory(change.target.value);
              setOffset(0);
            }}
          >
            <option value="">{overall}</option>
            {event.data?.categories.map((row) => (
              <option key={row.id} value={row.slug}>
                {row.name}
              </option>
            ))}
          </SelectField>
        )}
        <label htmlFor={demoId} className="checkbox">
          <input
            id={demoId}
            type="checkbox"
            checked={!demo}
            onChange={(change) => {
              setDemo(!change.target.checked);
              setOffset(0);
            }}
          />
          Hide demo fans
        </label>
      </div>
      {scope === "ceremony" ? (
        <CeremonyBoard
          event={ceremony ?? ""}
          category={category}
          categoryName={categoryName}
          boardName={boardName}
          offset={offset}
          demo={demo}
          onOffset={setOffset}
        />
      ) : (
        <RecordLeaderboard
          scope={scope}
          season={season.query.data?.slug}
          offset={offset}
          demo={demo}
          onOffset={setOffset}
        />
      )}
    </article>
  );
}

type CeremonyBoardProps = {
  event: string;
  category: string;
  categoryName: string | undefined;
  boardName: string;
  offset: number;
  demo: boolean;
  onOffset: (offset: number) => void;
};

function CeremonyBoard({ event, category, categoryName, boardName, offset, demo, onOffset }: CeremonyBoardProps) {
  const board = useLeaderboard({ event, category, offset, demo });
  return (
    <QueryState
      query={board}
      loadingLabel="Loading the leaderboard…"
      isEmpty={(data) => data.decidedCategories === 0 || data.total === 0}
      empty={
        board.data && board.data.decidedCategories > 0 ? (
          // Winners are in, but nobody (or no real fan, with demo fans hidden) picked here.
          <p>
            Nobody {demo ? "" : "but demo fans "}made a pick {categoryName ? `for ${categoryName}` : "on this ballot"},
            so there is no one to rank.
          </p>
        ) : (
          <ScoringStarts categoryName={categoryName} eventSlug={event} />
        )
      }
    >
      {(data) => (
        <>
          <LeaderboardCount
            offset={offset}
            shown={data.entries.length}
            total={data.total}
            prefix={
              categoryName
                ? ""
                : `${data.decidedCategories} ${data.decidedCategories === 1 ? "category" : "categories"} decided. `
            }
          />
          <LeaderboardTable caption={`${boardName} leaderboard`} entries={data.entries} me={data.me} />
          <LeaderboardPager offset={offset} total={data.total} onOffset={onOffset} />
        </>
      )}
    </QueryState>
  );
}
