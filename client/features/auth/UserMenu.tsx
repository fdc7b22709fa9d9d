/** The header's account corner: sign in / sign up, or the user's name (a link to their profile) and sign out. */
import { Link, NavLink, useLocation } from "react-router-dom";
import { useMe, useSignOut } from "./api";

export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  if (me.isPending) return null;
  if (!me.data) {
    const next = pathname === "/signin" || pathname === "/signup" ? "" : `?next=${encodeURIComponent(pathname)}`;
    return (
      <>
        <li>
          <NavLink to={`/signin${next}`}>Sign in</NavLink>
        </li>
        <li>
          <Link to={`/signup${next}`} className="nav-cta">
            Sign up
          </Link>
        </li>
      </>
    );
  }
  return (
    <>
      <li className="nav-user">
        <span className="visually-hidden">Signed in as </span>
        <NavLink to={`/u/${encodeURIComponent(me.data.username)}`}>{me.data.username}</NavLink>
      </li>
      <li>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </li>
    </>
  );
}
