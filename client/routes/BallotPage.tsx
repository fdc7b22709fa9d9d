/** My ballot: one pick per Academy Awards category, with the sign-in prompt or the share panel around it. */
import { CEREMONY_SLUG } from "../api/season";
import { usePageTitle } from "../components/usePageTitle";
import { SignInPrompt } from "../features/auth/SignInPrompt";
import { Ballot } from "../features/ballot/Ballot";
import { SharePanel } from "../features/share/SharePanel";

export function BallotPage() {
  usePageTitle("My ballot");
  return (
    <Ballot
      signInPrompt={
        <SignInPrompt
          title="Sign in to save your picks"
          reason="You can pick now: your picks are kept on this device as a draft, and you can save them to your ballot once you've signed in."
          headingLevel={2}
          className="ballot-signin"
        />
      }
      // The ballot shows the ceremony it fetched by this slug, so the link shares that same ballot.
      sharePanel={<SharePanel eventSlug={CEREMONY_SLUG} />}
    />
  );
}
