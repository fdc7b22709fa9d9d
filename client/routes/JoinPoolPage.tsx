/** Opened from an invite link: names the pool and its owner, signed in or not, and joins it after sign-in. */
import { useNavigate, useParams } from "react-router-dom";
import { inviteCodeSchema } from "../../shared/schemas/pools";
import { ApiError } from "../api/client";
import { useMe } from "../api/me";
import { Button } from "../components/Button";
import { ErrorMessage, QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { SignInPrompt } from "../features/auth/SignInPrompt";
import { useInvitePreview, useJoinPool } from "../features/pools/api";
import { NotFoundPage } from "./NotFoundPage";

function JoinInvite({ code, signedIn }: { code: string; signedIn: boolean }) {
  const preview = useInvitePreview(code);
  const join = useJoinPool();
  const navigate = useNavigate();
  if (preview.error instanceof ApiError && preview.error.code === "removed_from_pool") {
    return (
      <div className="card join-card">
        <p className="eyebrow">Invite</p>
        <h1>You can't join this pool</h1>
        <p role="alert">{preview.error.message}</p>
      </div>
    );
  }
  if (preview.error instanceof ApiError && preview.error.status === 404) {
    return (
      <NotFoundPage
        what="invite"
        reason="The pool's owner may have replaced this link with a new one. Ask them for the current invite."
      />
    );
  }
  return (
    <QueryState query={preview} loadingLabel="Loading the invite…">
      {(pool) => {
        const invitedBy = pool.owner ? `${pool.owner} invited you` : "You're invited";
        const members = `${pool.memberCount} ${pool.memberCount === 1 ? "member" : "members"} so far`;
        if (!signedIn) {
          return (
            <SignInPrompt
              title={`Join ${pool.name}`}
              reason={`${invitedBy} to their pool on Frontrunner (${members}). Sign in or create an account to join.`}
            />
          );
        }
        return (
          <div className="card join-card">
            <p className="eyebrow">{invitedBy}</p>
            <h1>Join {pool.name}</h1>
            <p className="muted">
              {members}. You'll see each other on the pool's leaderboard, and each other's picks once categories lock.
            </p>
            <Button
              type="button"
              className="button"
              unavailable={join.isPending}
              onClick={() => join.mutate(code, { onSuccess: (joined) => navigate(`/pools/${joined.id}`) })}
            >
              {join.isPending ? "Joining…" : "Join pool"}
            </Button>
            {join.error && <ErrorMessage error={join.error} />}
          </div>
        );
      }}
    </QueryState>
  );
}

export function JoinPoolPage() {
  usePageTitle("Join a pool");
  const { code = "" } = useParams();
  const me = useMe();
  if (!inviteCodeSchema.safeParse(code).success) return <NotFoundPage what="invite" />;
  if (me.isPending) return null;
  return <JoinInvite code={code} signedIn={Boolean(me.data)} />;
}
