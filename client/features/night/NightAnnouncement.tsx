/** One winner of the night: the category, the winner (and any correction's story), how the crowd had it, your pick. */
import { useId } from "react";
import { Link } from "react-router-dom";
import { formatOdds } from "../../../shared/domain/odds";
import { correctionStory } from "../../../shared/domain/winnerStory";
import type { Category } from "../../../shared/schemas/events";
import type { NightAnnouncement as Announcement, ClosingQuote } from "../../../shared/schemas/night";
import { useOddsFormat } from "../../stores/oddsFormat";

const timeOfDay = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZoneName: "short" });

type Props = {
  /** The category page's address. */
  categoryPath: string;
  announcement: Announcement;
  /** The category as the event has it, for the names of contenders read out in error and of the fan's pick. */
  category: Category | undefined;
  /** The signed-in fan's pick in the category: a contender id, null for none, undefined when signed out. */
  pick: number | null | undefined;
};

export function NightAnnouncement({ categoryPath, announcement, category, pick }: Props) {
  const headingId = useId();
  const format = useOddsFormat((state) => state.format);
  const { winner, closingOdds } = announcement;
  const nameOf = (contenderId: number) =>
    category?.contenders.find((contender) => contender.id === contenderId)?.name ?? "Another contender";
  const story = correctionStory(announcement.winnerHistory, nameOf);
  const quote = (entry: ClosingQuote) => `${entry.name} ${formatOdds(entry.probability, format)}`;
  const favourites = closingOdds.favourites;
  const winnerWasFavourite = favourites.some((entry) => entry.contenderId === winner.contenderId);
  return (
    <article aria-labelledby={headingId} className={announcement.upset ? "night-item night-upset" : "night-item"}>
      <p className="night-when">
        <time dateTime={announcement.announcedAt}>{timeOfDay.format(Date.parse(announcement.announcedAt))}</time>
        {announcement.upset && <span className="badge badge-upset">Upset</span>}
      </p>
      <h3 id={headingId}>
        <Link to={categoryPath}>{announcement.category.name}</Link>
      </h3>
      <p className="category-winner">
        <span aria-hidden="true">★ </span>Winner: {winner.name}
        {winner.person && <span className="contender-film"> · {winner.film}</span>}
        {story && <span className="category-winner-story"> — {story}</span>}
      </p>
      <p className="night-odds">
        {closingOdds.winner === null ? (
          "No closing odds were recorded for the winner."
        ) : winnerWasFavourite ? (
          <>
            The crowd's favourite at lock{favourites.length > 1 ? " (tied)" : ""}: {quote(closingOdds.winner)}
          </>
        ) : (
          <>
            Closing odds: {quote(closingOdds.winner)}. The crowd's favourite
            {favourites.length > 1 ? "s were" : " was"} {favourites.map(quote).join(" and ")}
          </>
        )}
      </p>
      {pick !== undefined && <YourPick pick={pick} winnerId={winner.contenderId} nameOf={nameOf} />}
    </article>
  );
}

function YourPick({
  pick,
  winnerId,
  nameOf,
}: {
  pick: number | null;
  winnerId: number;
  nameOf: (contenderId: number) => string;
}) {
  if (pick === null) return <p className="night-pick">You had no pick here.</p>;
  const right = pick === winnerId;
  return (
    <p className={right ? "night-pick night-pick-right" : "night-pick night-pick-wrong"}>
      Your pick: {nameOf(pick)} — <strong>{right ? "right" : "wrong"}</strong>
    </p>
  );
}
