/** One pool: its members, the invite link, and members' picks once categories lock. */
import { useId } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../api/client";
import { useMe } from "../api/me";
import { Button } from "../components/Button";
import { ErrorMessage, QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { SignInPrompt } from "../features/auth/SignInPrompt";
import { PoolLeaderboard } from "../features/leaderboard/PoolLeaderboard";
import { usePool, useRemoveMember, useShowOnProfile } from "../features/pools/api";
import { PoolInvite } from "../features/pools/PoolInvite";
import { PoolMembers } from "../features/pools/PoolMembers";
import { PoolPicks } from "../features/pools/PoolPicks";
import { NotFoundPage } from "./NotFoundPage";

function MembershipControls({
  poolId,
  userId,
  isOwner,
  showOnProfile,
}: {
  poolId: number;
  userId: number;
  isOwner: boolean;
  showOnProfile: boolean;
}) {
  const leave = useRemoveMember(poolId);
  const visibility = useShowOnProfile(poolId);
  const navigate = useNavigate();
  const checkboxId = useId();
  return (
    <section className="membership-controls" aria-label="Your membership">
      <label htmlFor={checkboxId} className="checkbox">
        <input
          id={checkboxId}
          type="checkbox"
          checked={showOnProfile}
          // Not `disabled`, which would drop the keyboard's focus while the change is saved (see Button.tsx).
          aria-disabled={visibility.isPending || undefined}
          onChange={(event) => {
            if (!visibility.isPending) visibility.mutate(event.target.checked);
          }}
        />
        Show this pool on my public profile
      </label>
      {!isOwner && (
        <Button
          type="button"
          className="button secondary"
          unavailable={leave.isPending}
          onClick={() => leave.mutate(userId, { onSuccess: () => navigate("/pools") })}
        >
          Leave pool
        </Button>
      )}
      {(leave.error ?? visibility.error) && <ErrorMessage error={leave.error ?? visibility.error} />}
    </section>
  );
}

function PoolView({ poolId, userId, username }: { poolId: number; userId: number; username: string }) {
  const pool = usePool(poolId);
  usePageTitle(pool.data?.name ?? "Pool");
  if (pool.error instanceof ApiError && pool.error.status === 404) return <NotFoundPage what="pool" />;
  return (
    <QueryState query={pool} loadingLabel="Loading the pool…">
      {(detail) => (
        <article>
          <p className="eyebrow">Pool</p>
          <h1>{detail.name}</h1>
          <MembershipControls
            poolId={detail.id}
            userId={userId}
            isOwner={detail.isOwner}
            showOnProfile={detail.showOnProfile}
          />
          <div className="pool-layout">
            <div>
              <PoolMembers pool={detail} myUserId={userId} />
            </div>
            <PoolInvite pool={detail} />
          </div>
          <PoolLeaderboard pool={detail} myUsername={username} />
          <PoolPicks pool={detail} />
        </article>
      )}
    </QueryState>
  );
}

export function PoolPage() {
  const params = useParams();
  const poolId = Number(params.id);
  const me = useMe();
  if (!Number.isInteger(poolId) || poolId < 1) return <NotFoundPage what="pool" />;
  if (me.isPending) return null;
  if (!me.data) return <SignInPrompt title="Pool" reason="Sign in to see this pool." />;
  return <PoolView poolId={poolId} userId={me.data.id} username={me.data.username} />;
}
