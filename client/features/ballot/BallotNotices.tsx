/**
 * Ballot notices above every page for a signed-in fan: the offer to save a signed-out draft, or else a reminder
 * of open categories still without a pick (or whose pick was not nominated) in the first of the page's season's
 * ballots that has any.
 */
import { Link, useLocation } from "react-router-dom";
import { seasonPaths } from "../../../shared/domain/seasonPaths";
import { useMe } from "../../api/me";
import { useSeasonBallots } from "../../api/season";
import { useNow } from "../../components/useNow";
import { useBallotDraft } from "../../stores/ballotDraft";
import { useBallotReminder } from "../../stores/ballotReminder";
import { useMyPicks } from "./api/myPicks";
import { useSaveDraft } from "./api/saveDraft";
import { DraftOffer } from "./DraftOffer";
import { reminderText, summarizeBallot } from "./summary";

export function BallotNotices() {
  const me = useMe();
  // Keyed by user, so one fan's save results never show to the next person who signs in here.
  return me.data ? <SignedInNotices key={me.data.id} /> : null;
}

function SignedInNotices() {
  const draftPicks = useBallotDraft((state) => state.picks);
  const forget = useBallotDraft((state) => state.forget);
  const saveDraft = useSaveDraft((outcome) => forget(outcome.savedCategoryIds));
  if (draftPicks.length > 0 || saveDraft.data) return <DraftOffer draftPicks={draftPicks} saveDraft={saveDraft} />;
  return <BallotReminder />;
}

function BallotReminder() {
  const { pathname } = useLocation();
  const { dismissed, dismiss } = useBallotReminder();
  const ballots = useSeasonBallots();
  const picks = useMyPicks(true);
  const now = useNow(() => 60_000);
  if (dismissed || !ballots || !picks.data) return null;
  const chosen = new Map(picks.data.picks.map((pick) => [pick.categoryId, pick.contenderId]));
  const reminder = ballots.ceremonies
    .map((ceremony) => ({ ceremony, text: reminderText(summarizeBallot(ceremony.categories, chosen, now)) }))
    .find((candidate) => candidate.text !== null);
  if (!reminder) return null;
  const ballotPath = seasonPaths.ballot(ballots.season.slug, reminder.ceremony.slug);
  if (pathname === ballotPath) return null;
  return (
    <aside className="notice" aria-label="Ballot reminder">
      <p>
        {reminder.text} —{" "}
        <Link to={ballotPath}>
          {/* With one ballot in the season "your ballot" is enough; with several, say which. */}
          {ballots.ceremonies.length === 1 ? "finish your ballot" : `finish your ${reminder.ceremony.name} ballot`}
        </Link>
      </p>
      <button type="button" className="notice-dismiss" onClick={dismiss}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Dismiss the ballot reminder</span>
      </button>
    </aside>
  );
}
