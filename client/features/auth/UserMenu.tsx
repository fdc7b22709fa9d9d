/** The header's account corner: sign in / sign up, or the user's name (a link to their profile) and sign out. */
import { Link, NavLink, useLocation, useSearchParams } from "react-router-dom";
import { useMe } from "../../api/me";
import { Button } from "../../components/Button";
import { useSignOut } from "./api";
import { authPath } from "./safeNext";

export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const { pathname, search } = useLocation();
  const [params] = useSearchParams();
  if (me.isPending) return null;
  if (!me.data) {
    // On the sign-in and sign-up pages themselves, pass on where the fan was going rather than return to the form.
    const next = pathname === "/signin" || pathname === "/signup" ? params.get("next") : `${pathname}${search}`;
    return (
      <>
        <li>
          <NavLink to={authPath("/signin", next)}>Sign in</NavLink>
        </li>
        <li>
          <Link to={authPath("/signup", next)} className="nav-cta">
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
        <NavLink to="/account">Account</NavLink>
      </li>
      <li>
        <Button type="button" onClick={() => signOut.mutate()} unavailable={signOut.isPending}>
          {signOut.isPending ? "Signing out…" : "Sign out"}
        </Button>
      </li>
    </>
  );
}
