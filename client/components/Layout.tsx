/** The frame around every page: skip link, header with navigation, and the page itself. */
import { Link, NavLink, Outlet, ScrollRestoration } from "react-router-dom";
import { AdminNavLink } from "../features/admin/AdminNavLink";
import { UserMenu } from "../features/auth/UserMenu";
import { BallotNotices } from "../features/ballot/BallotNotices";

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" aria-label="Frontrunner home">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            Frontrunner
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  The race
                </NavLink>
              </li>
              <li>
                <NavLink to="/ballot">My ballot</NavLink>
              </li>
              <li>
                <NavLink to="/pools">Pools</NavLink>
              </li>
              <li>
                <NavLink to="/calendar">Calendar</NavLink>
              </li>
              <li>
                <NavLink to="/leaderboard">Leaderboard</NavLink>
              </li>
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
        <div className="container">Frontrunner · predictions for the 2016–17 awards season</div>
      </footer>
    </>
  );
}
