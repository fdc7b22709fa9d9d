/** Shown where a page needs an account: explains why and links to sign in or up, returning here after. */
import { Link, useLocation } from "react-router-dom";

export function SignInPrompt({ title, reason }: { title: string; reason: string }) {
  const { pathname, search } = useLocation();
  const next = encodeURIComponent(`${pathname}${search}`);
  return (
    <div className="card sign-in-prompt">
      <h1>{title}</h1>
      <p className="muted">{reason}</p>
      <div className="button-row">
        <Link className="button" to={`/signin?next=${next}`}>
          Sign in
        </Link>
        <Link className="button secondary" to={`/signup?next=${next}`}>
          Create an account
        </Link>
      </div>
    </div>
  );
}
