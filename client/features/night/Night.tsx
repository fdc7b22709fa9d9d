/**
 * The night, leading a ceremony's page from its first lock: the winners as they are announced, newest first, each
 * with how the crowd had it and the fan's pick, beside the fan's running score and their pools. After the last
 * winner it stays as the record of how the night went, first to last. Before the night it shows nothing.
 */
import { Link, useLocation } from "react-router-dom";
import { isCategoryLocked, lockableOfCategory } from "../../../shared/domain/lock";
import { seasonPaths } from "../../../shared/domain/seasonPaths";
import type { EventDetail } from "../../../shared/schemas/events";
import type { EventNight } from "../../../shared/schemas/night";
import { useMe } from "../../api/me";
import { formatInstant } from "../../components/format";
import { QueryState } from "../../components/QueryState";
import { useMyPicks, useNight } from "./api";
import { NightAnnouncement } from "./NightAnnouncement";
import { MyScore, PoolStandings } from "./NightStandings";

export function Night({ seasonSlug, event }: { seasonSlug: string; event: EventDetail }) {
  const night = useNight(event.slug);
  // Until the answer says which, a page whose categories are all open (the usual case all season) shows nothing
  // rather than a spinner that would then vanish and move the page.
  const begun = event.categories.some((category) => isCategoryLocked(lockableOfCategory(category), Date.now()));
  if (night.data?.state === "before" || (night.data === undefined && !night.isError && !begun)) return null;
  // While it loads, a ceremony whose every category has a winner is already the record.
  const after = night.data
    ? night.data.state === "after"
    : event.categories.every((category) => category.winnerContenderId !== null);
  return (
    <section aria-labelledby="night-heading" className="night">
      <h2 id="night-heading">{after ? "How the night went" : "The night, live"}</h2>
      <QueryState query={night} loadingLabel="Loading the night…">
        {(data) => <NightBody seasonSlug={seasonSlug} event={event} night={data} />}
      </QueryState>
    </section>
  );
}

function NightBody({ seasonSlug, event, night }: { seasonSlug: string; event: EventDetail; night: EventNight }) {
  const me = useMe().data ?? null;
  const picks = useMyPicks(me !== null);
  const after = night.state === "after";
  const total = event.categories.length;
  const count = night.announcements.length;
  // Live, the newest is on top, where it appears without a reload; the record reads first to last.
  const announcements = after ? night.announcements : [...night.announcements].reverse();
  const pickIn = (categoryId: number) => {
    if (me === null) return undefined;
    return picks.data?.picks.find((pick) => pick.categoryId === categoryId)?.contenderId ?? null;
  };
  return (
    <>
      <p className="lede" role="status">
        {after
          ? `The night is over: all ${total} winners, in the order they were announced.`
          : `${count} of ${total} categories announced${count > 0 ? ", newest first" : ""}.`}
      </p>
      <div className="night-layout">
        <div className="night-main">
          {count === 0 ? (
            <div className="state state-empty">
              No winners yet — the night starts at{" "}
              {night.startsAt && (
                <time dateTime={night.startsAt}>{formatInstant(Date.parse(night.startsAt), Date.now())}</time>
              )}
              .
            </div>
          ) : (
            <ol
              className="night-list"
              reversed={!after}
              aria-label={after ? "Winners, first to last" : "Winners, newest first"}
            >
              {announcements.map((announcement) => (
                <li key={announcement.category.id}>
                  <NightAnnouncement
                    categoryPath={seasonPaths.category(seasonSlug, event.slug, announcement.category.slug)}
                    announcement={announcement}
                    category={event.categories.find((category) => category.id === announcement.category.id)}
                    pick={pickIn(announcement.category.id)}
                  />
                </li>
              ))}
            </ol>
          )}
        </div>
        <aside className="night-aside" aria-label="Your night">
          {me === null ? <SignedOut /> : <SignedIn eventSlug={event.slug} username={me.username} />}
        </aside>
      </div>
    </>
  );
}

function SignedIn({ eventSlug, username }: { eventSlug: string; username: string }) {
  return (
    <>
      <MyScore eventSlug={eventSlug} />
      <PoolStandings myUsername={username} />
    </>
  );
}

function SignedOut() {
  const { pathname } = useLocation();
  return (
    <p className="night-score">
      <Link to={`/signin?next=${encodeURIComponent(pathname)}`}>Sign in</Link> to follow your score, your picks and your
      pools through the night.
    </p>
  );
}
