/**
 * A season's leaderboard (`/seasons/:season/leaderboard`): its closing ceremony overall or one category, paged, with
 * the fan's own row always in view.
 */
import { useId, useState } from "react";
import { POINTS_RULE } from "../../shared/domain/scoring";
import { useEvent, usePageCeremony, usePageSeason } from "../api/season";
import { Button } from "../components/Button";
import { SelectField } from "../components/Field";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { PAGE_SIZE, useLeaderboard } from "../features/leaderboard/api";
import { LeaderboardTable } from "../features/leaderboard/LeaderboardTable";
import { ScoringStarts } from "../features/leaderboard/ScoringStarts";
import { NotFoundPage } from "./NotFoundPage";

export function LeaderboardPage() {
  usePageTitle("Leaderboard");
  const season = usePageSeason();
  const ceremony = usePageCeremony();
  const event = useEvent(ceremony);
  const [category, setCategory] = useState("");
  const [demo, setDemo] = useState(true);
  const [offset, setOffset] = useState(0);
  const board = useLeaderboard({ event: ceremony ?? "", category, offset, demo });
  const demoId = useId();
  const categoryName = event.data?.categories.find((row) => row.slug === category)?.name;
  const boardName = categoryName ?? "Academy Awards overall";

  if (season.unknown) return <NotFoundPage what="leaderboard" />;
  return (
    <article className="leaderboard-page">
      <p className="eyebrow">Leaderboard</p>
      <h1>{boardName}</h1>
      <p className="lede">{POINTS_RULE}</p>
      <div className="leaderboard-controls">
        <SelectField
          label="Leaderboard"
          value={category}
          onChange={(change) => {
            setCategory(change.target.value);
            setOffset(0);
          }}
        >
          <option value="">Academy Awards overall</option>
          {event.data?.categories.map((row) => (
            <option key={row.id} value={row.slug}>
              {row.name}
            </option>
          ))}
        </SelectField>
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
      <QueryState
        query={board}
        loadingLabel="Loading the leaderboard…"
        isEmpty={(data) => data.decidedCategories === 0 || data.total === 0}
        empty={<ScoringStarts categoryName={categoryName} />}
      >
        {(data) => {
          const lastShown = Math.min(offset + data.entries.length, data.total);
          return (
            <>
              <p className="muted" aria-live="polite">
                {data.decidedCategories === 1 && !categoryName
                  ? "1 category decided. "
                  : !categoryName
                    ? `${data.decidedCategories} categories decided. `
                    : ""}
                Showing {offset + 1}–{lastShown} of {data.total.toLocaleString()} fans.
              </p>
              <LeaderboardTable caption={`${boardName} leaderboard`} entries={data.entries} me={data.me} />
              <nav className="pager" aria-label="Leaderboard pages">
                <Button
                  type="button"
                  className="button secondary"
                  unavailable={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  Previous page
                </Button>
                <Button
                  type="button"
                  className="button secondary"
                  unavailable={offset + PAGE_SIZE >= data.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  Next page
                </Button>
              </nav>
            </>
          );
        }}
      </QueryState>
    </article>
  );
}
