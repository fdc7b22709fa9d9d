/**
 * A pool's members; the owner can remove anyone but themselves, and sees whom they removed, to let them back in.
 */
import { useState } from "react";
import type { PoolDetail } from "../../../shared/schemas/pools";
import { Button } from "../../components/Button";
import { ErrorMessage } from "../../components/QueryState";
import { useAllowBack, useRemoveMember } from "./api";

export function PoolMembers({ pool, myUserId }: { pool: PoolDetail; myUserId: number }) {
  const remove = useRemoveMember(pool.id);
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members ({pool.members.length})</h2>
      <ul className="member-list">
        {pool.members.map((member) => (
          <li key={member.userId} className="member-row">
            <span>
              {member.username}
              {member.isOwner && <span className="badge">Owner</span>}
              {member.userId === myUserId && <span className="muted"> (you)</span>}
            </span>
            {pool.isOwner && !member.isOwner && (
              <Button
                type="button"
                className="button secondary small"
                unavailable={remove.isPending}
                onClick={() => remove.mutate(member.userId)}
                aria-label={`Remove ${member.username} from the pool`}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {remove.error && <ErrorMessage error={remove.error} />}
      {pool.isOwner && <RemovedMembers pool={pool} />}
    </section>
  );
}

/** Removed fans can't rejoin with any invite until the owner lets them back in here; then they join themselves. */
function RemovedMembers({ pool }: { pool: PoolDetail }) {
  const allowBack = useAllowBack(pool.id);
  const [notice, setNotice] = useState("");
  return (
    <>
      {pool.removed.length > 0 && (
        <>
          <h3 id="removed-heading">Removed</h3>
          <p className="muted">They can't rejoin with any invite link until you let them back in.</p>
          <ul className="member-list" aria-labelledby="removed-heading">
            {pool.removed.map((removed) => (
              <li key={removed.userId} className="member-row">
                <span>{removed.username}</span>
                <Button
                  type="button"
                  className="button secondary small"
                  unavailable={allowBack.isPending}
                  onClick={() =>
                    allowBack.mutate(removed.userId, {
                      onSuccess: () => setNotice(`${removed.username} can join again with the invite link.`),
                    })
                  }
                  aria-label={`Let ${removed.username} back in`}
                >
                  Let back in
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="share-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {allowBack.error && <ErrorMessage error={allowBack.error} />}
    </>
  );
}
