/**
 * My ballot for one ceremony (`/seasons/:season/ballot/:event`): one pick per category, with the sign-in prompt or
 * the share panel around it. An event that is not one of the season's ballots is not found.
 */
import { useParams } from "react-router-dom";
import { seasonPaths } from "../../shared/domain/seasonPaths";
import { ballotEvents, usePageSeason } from "../api/season";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { SignInPrompt } from "../features/auth/SignInPrompt";
import { Ballot } from "../features/ballot/Ballot";
import { SharePanel } from "../features/share/SharePanel";
import { NotFoundPage } from "./NotFoundPage";

export function BallotPage() {
  usePageTitle("My ballot");
  const { eventSlug = "" } = useParams();
  const { query, unknown } = usePageSeason();
  if (unknown) return <NotFoundPage what="ballot" />;
  return (
    <QueryState query={query} loadingLabel="Loading your ballot…">
      {(season) =>
        ballotEvents(season).some((event) => event.slug === eventSlug) ? (
          <Ballot
            eventSlug={eventSlug}
            leaderboardPath={seasonPaths.leaderboard(season.slug)}
            signInPrompt={
              <SignInPrompt
                title="Sign in to save your picks"
                reason="You can pick now: your picks are kept on this device as a draft, and you can save them to your ballot once you've signed in."
                headingLevel={2}
                className="ballot-signin"
              />
            }
            // The ballot shows the ceremony it fetched by this slug, so the link shares that same ballot.
            sharePanel={<SharePanel eventSlug={eventSlug} />}
          />
        ) : (
          <NotFoundPage what="ballot" />
        )
      }
    </QueryState>
  );
}
