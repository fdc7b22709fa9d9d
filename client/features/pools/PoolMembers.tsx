/** A pool's members; the owner can remove anyone but themselves. */
import type { PoolDetail } from "../../../shared/schemas/pools";
import { Button } from "../../components/Button";
import { ErrorMessage } from "../../components/QueryState";
import { useRemoveMember } from "./api";

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
    </section>
  );
}
