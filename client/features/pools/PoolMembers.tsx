/**
 * A pool's members; the owner can remove anyone but themselves (after confirming), and sees whom they removed, to
 * let them back in.
 */
import { useRef, useState } from "react";
import { Link } from "react-router-dom";
import type { PoolDetail } from "../../../shared/schemas/pools";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/QueryState";
import { useAllowBack, useRemoveMember } from "./api";

type Member = PoolDetail["members"][number];

export function PoolMembers({ pool, myUserId }: { pool: PoolDetail; myUserId: number }) {
  const remove = useRemoveMember(pool.id);
  const [confirming, setConfirming] = useState<Member | null>(null);
  const removeButtons = useRef(new Map<number, HTMLButtonElement>());
  const heading = useRef<HTMLHeadingElement>(null);

  /**
   * The removed row and its button are gone, so focus moves to a neighbour: the next member's Remove, else the
   * previous one's, else the list's heading; never dropped to the page.
   */
  function removeConfirmed(member: Member) {
    setConfirming(null);
    const removable = pool.members.filter((candidate) => !candidate.isOwner);
    const at = removable.findIndex((candidate) => candidate.userId === member.userId);
    const neighbour = removable[at + 1] ?? removable[at - 1];
    remove.mutate(member.userId, {
      onSettled: () => {
        const next = neighbour && removeButtons.current.get(neighbour.userId);
        (next?.isConnected ? next : heading.current)?.focus();
      },
    });
  }

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading" ref={heading} tabIndex={-1}>
        Members ({pool.members.length})
      </h2>
      <ul className="member-list">
        {pool.members.map((member) => (
          <li key={member.userId} className="member-row">
            <span>
              <Link to={`/u/${encodeURIComponent(member.username)}`}>{member.username}</Link>
              {member.isOwner && <span className="badge">Owner</span>}
              {member.userId === myUserId && <span className="muted"> (you)</span>}
            </span>
            {pool.isOwner && !member.isOwner && (
              <Button
                type="button"
                className="button secondary small"
                unavailable={remove.isPending}
                ref={(button) => {
                  if (button) removeButtons.current.set(member.userId, button);
                  else removeButtons.current.delete(member.userId);
                }}
                onClick={() => setConfirming(member)}
                aria-label={`Remove ${member.username} from the pool`}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {remove.error && <ErrorMessage error={remove.error} />}
      <ConfirmDialog
        open={confirming !== null}
        title={`Remove ${confirming?.username ?? ""} from ${pool.name}?`}
        confirmLabel="Remove"
        onConfirm={() => confirming && removeConfirmed(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          They leave the pool's leaderboard at once, and can't rejoin with any invite link until you let them back in.
        </p>
      </ConfirmDialog>
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
