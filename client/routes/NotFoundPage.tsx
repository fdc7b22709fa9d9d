/** Shown for unknown addresses and for things that no longer exist. */
import { Link } from "react-router-dom";
import { usePageTitle } from "../components/usePageTitle";

export function NotFoundPage({ what = "page" }: { what?: string }) {
  usePageTitle("Not found");
  return (
    <div className="state state-empty not-found">
      <h1>We couldn't find that {what}</h1>
      <p>
        <Link to="/">Back to the race</Link>
      </p>
    </div>
  );
}
