/** My pools: the pools I'm in, and a form to start one. */
import { Link } from "react-router-dom";
import { useMe } from "../api/me";
import { QueryState } from "../components/QueryState";
import { usePageTitle } from "../components/usePageTitle";
import { SignInPrompt } from "../features/auth/SignInPrompt";
import { useMyPools } from "../features/pools/api";
import { CreatePoolForm } from "../features/pools/CreatePoolForm";

function MyPools() {
  const pools = useMyPools();
  return (
    <QueryState
      query={pools}
      loadingLabel="Loading your pools…"
      isEmpty={(list) => list.length === 0}
      empty="You're not in any pools yet. Start one and send your friends the invite link."
    >
      {(list) => (
        <ul className="pool-list">
          {list.map((pool) => (
            <li key={pool.id} className="card">
              <Link to={`/pools/${pool.id}`} className="pool-link">
                {pool.name}
              </Link>
              <span className="muted">
                {pool.memberCount} {pool.memberCount === 1 ? "member" : "members"}
                {pool.isOwner ? " · you own it" : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}

export function PoolsPage() {
  usePageTitle("Pools");
  const me = useMe();
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <SignInPrompt title="Pools" reason="Sign in to start a pool with your friends or see the pools you're in." />
    );
  }
  return (
    <article>
      <h1>Pools</h1>
      <p className="lede">Private leaderboards for you and your friends.</p>
      <div className="pools-layout">
        <section aria-labelledby="my-pools-heading">
          <h2 id="my-pools-heading">Your pools</h2>
          <MyPools />
        </section>
        <CreatePoolForm />
      </div>
    </article>
  );
}
