/**
 * The header's season switcher: a disclosure button naming the season the page belongs to, opening the list of every
 * season (the current one marked), each a link to its home. Links rather than a select, so choosing is following a
 * link (middle-click and Back work) and the open list is the same on a phone, inside the menu, as on a desktop.
 */
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router-dom";
import { seasonPaths } from "../../shared/domain/seasonPaths";
import { useSeasons } from "../api/season";

export function SeasonSwitcher({ pageSeason }: { pageSeason: { slug: string; name: string } | undefined }) {
  const seasons = useSeasons();
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  // Like the phone menu, the open list belongs to the page it was opened on: following any link closes it.
  const location = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === location.key;
  if (!pageSeason || !seasons.data) return null;

  // Escape closes the list and returns to its button; it stops here, so an open phone menu stays open around it.
  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== "Escape" || !open) return;
    event.stopPropagation();
    setOpenOn(null);
    button.current?.focus();
  }

  return (
    <li className="season-switcher" onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : location.key)}
      >
        <span className="visually-hidden">Season: </span>
        {pageSeason.name}
        <span className="season-caret" aria-hidden="true" />
      </button>
      <ul id={listId} className="season-list" aria-label="Seasons" hidden={!open}>
        {seasons.data.seasons.map((season) => (
          <li key={season.slug}>
            <Link
              to={seasonPaths.home(season.slug)}
              aria-current={season.slug === pageSeason.slug ? "true" : undefined}
            >
              {season.name}
              {season.current && <span className="season-current"> (current)</span>}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
