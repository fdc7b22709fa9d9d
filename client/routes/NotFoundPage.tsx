/** Shown for unknown addresses and for things that no longer exist. */
import { Link } from "react-router-dom";
import { usePageTitle } from "../components/usePageTitle";

/** `what` names the missing thing in the heading; `reason`, a sentence, says why it may be gone. */
export function NotFoundPage({ what = "page", reason }: { what?: string; reason?: string }) {
  usePageTitle("Not found");
  return (
    <div className="state state-empty not-found">
      <h1>We couldn't find that {what}</h1>
      {reason && <p>{reason}</p>}
      <p>
        <Link to="/">Back to the race</Link>
      </p>
    </div>
  );
}
