/**
 * The frame around every page: skip link, header with navigation and the season switcher, the page itself, and the
 * page's live stream. The links lead to the pages of the season the page belongs to (its address's, else the current).
 */
import { useEffect, useId, useRef, useState } from "react";
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from "react-router-dom";
import { seasonPaths } from "../../shared/domain/seasonPaths";
import { useLiveStream } from "../api/liveStream";
import { usePageSeason } from "../api/season";
import { SeasonSwitcher } from "../components/SeasonSwitcher";
import { useHeaderHeight } from "../components/useHeaderHeight";
import { AdminNavLink } from "../features/admin/AdminNavLink";
import { UserMenu } from "../features/auth/UserMenu";
import { BallotNotices } from "../features/ballot/BallotNotices";
import { closingBallot } from "./SeasonRedirects";

export function Layout() {
  // One live stream per page, whatever the page shows: its news lands in the query cache (api/liveStream.ts).
  useLiveStream();
  const header = useRef<HTMLElement>(null);
  useHeaderHeight(header);
  const menuButton = useRef<HTMLButtonElement>(null);
  // The phone menu belongs to the page it was opened on: following any link closes it, with no effect to sync.
  const location = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === location.key;
  const navId = useId();
  const season = usePageSeason().query.data;
  // Until the season is known the old addresses serve: each redirects to the current season's page.
  const paths = season
    ? {
        race: season.current ? "/" : seasonPaths.home(season.slug),
        ballot: closingBallot(season),
        calendar: seasonPaths.calendar(season.slug),
        leaderboard: seasonPaths.leaderboard(season.slug),
      }
    : { race: "/", ballot: "/ballot", calendar: "/calendar", leaderboard: "/leaderboard" };

  // Escape closes the open menu from anywhere and puts focus back on its button, as a disclosure should.
  useEffect(() => {
    if (!menuOpen) return;
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      menuButton.current?.focus();
    }
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [menuOpen]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header ref={header} className={menuOpen ? "site-header menu-open" : "site-header"}>
        <div className="container header-inner">
          <Link to="/" className="brand" aria-label="Frontrunner home">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            Frontrunner
          </Link>
          <button
            ref={menuButton}
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setOpenOn(menuOpen ? null : location.key)}
          >
            <span className="menu-icon" aria-hidden="true" />
            Menu
          </button>
          <nav id={navId} aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to={paths.race} end>
                  The race
                </NavLink>
              </li>
              <li>
                <NavLink to={paths.ballot}>My ballot</NavLink>
              </li>
              <li>
                <NavLink to="/pools">Pools</NavLink>
              </li>
              <li>
                <NavLink to={paths.calendar}>Calendar</NavLink>
              </li>
              <li>
                <NavLink to={paths.leaderboard}>Leaderboard</NavLink>
              </li>
              <SeasonSwitcher pageSeason={season} />
              <AdminNavLink />
              <UserMenu />
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <BallotNotices />
        <Outlet />
      </main>
      {/* New pages start at the top and Back returns to where the reader was, as with full page loads. */}
      <ScrollRestoration />
      <footer className="site-footer">
        <div className="container">Frontrunner{season && ` · predictions for the ${season.name}`}</div>
      </footer>
    </>
  );
}
