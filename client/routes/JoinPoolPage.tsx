/** Opened from an invite link: shows which pool, and joins it after sign-in. */
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

function JoinInvite({ code }: { code: string }) {
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
      {(pool) => (
        <div className="card join-card">
          <p className="eyebrow">You're invited</p>
          <h1>Join {pool.name}</h1>
          <p className="muted">
            {pool.memberCount} {pool.memberCount === 1 ? "member" : "members"} so far. You'll see each other on the
            pool's leaderboard, and each other's picks once categories lock.
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
      )}
    </QueryState>
  );
}

export function JoinPoolPage() {
  usePageTitle("Join a pool");
  const { code = "" } = useParams();
  const me = useMe();
  if (!inviteCodeSchema.safeParse(code).success) return <NotFoundPage what="invite" />;
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <SignInPrompt
        title="You're invited to a pool"
        reason="Sign in or create an account to join your friends' pool on Frontrunner."
      />
    );
  }
  return <JoinInvite code={code} />;
}
