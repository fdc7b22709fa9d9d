/** The season's key dates, month by month: precursor awards, the nominations, the ceremony and releases. */
import { useState } from "react";
import type { TimelineEntry } from "../../../shared/domain/timeline";
import type { SeasonDetail } from "../../../shared/schemas/events";
import { useSeasonTimeline } from "../../api/season";
import { formatDay, formatMonth } from "../../components/format";
import { groupConsecutive } from "../../components/groupConsecutive";
import { QueryState } from "../../components/QueryState";

const kindLabel: Record<TimelineEntry["kind"], string> = {
  precursor: "Precursor",
  nominations: "Nominations",
  ceremony: "Ceremony",
  release: "Release",
};

/** Releases months before the first awards event are context, not the race: folded away until asked for. */
function splitAtSeasonStart(entries: TimelineEntry[]) {
  const firstEvent = entries.find((entry) => entry.kind !== "release");
  const seasonStart = firstEvent ? `${firstEvent.date.slice(0, 7)}-01` : "";
  const earlier = entries.filter((entry) => entry.date < seasonStart);
  return { earlier, season: entries.slice(earlier.length) };
}

export function SeasonCalendar({ season }: { season: SeasonDetail }) {
  const [showEarlier, setShowEarlier] = useState(false);
  return (
    <QueryState
      query={useSeasonTimeline(season)}
      loadingLabel="Loading the calendar…"
      isEmpty={(entries) => entries.length === 0}
      empty="No dates on the calendar yet."
    >
      {(entries) => {
        const { earlier, season } = splitAtSeasonStart(entries);
        return (
          <>
            {earlier.length > 0 && (
              <button
                type="button"
                className="button secondary"
                aria-expanded={showEarlier}
                onClick={() => setShowEarlier((shown) => !shown)}
              >
                {showEarlier ? "Hide" : "Show"} {earlier.length} earlier releases
              </button>
            )}
            <CalendarMonths entries={showEarlier ? entries : season} />
          </>
        );
      }}
    </QueryState>
  );
}

function CalendarMonths({ entries }: { entries: TimelineEntry[] }) {
  return groupConsecutive(entries, (entry) => entry.date.slice(0, 7)).map(([month, monthEntries]) => (
    <section key={month} className="calendar-month" aria-labelledby={`month-${month}`}>
      <h2 id={`month-${month}`}>{formatMonth(`${month}-01`)}</h2>
      <ol className="calendar-list">
        {monthEntries.map((entry) => (
          <li
            key={`${entry.date}-${entry.label}`}
            className={`calendar-entry kind-${entry.kind} status-${entry.status}`}
          >
            <time dateTime={entry.date}>{formatDay(entry.date)}</time>
            <div>
              <span className="calendar-label">{entry.label}</span>
              <span className={`badge badge-${entry.kind}`}>
                {entry.status === "announced" ? "Announced date" : kindLabel[entry.kind]}
              </span>
              {entry.note && <p className="calendar-note">{entry.note}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  ));
}
