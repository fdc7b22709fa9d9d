/** The invite link to send friends; the owner can replace it so the old one stops working. */
import { useState } from "react";
import type { PoolDetail } from "../../../shared/schemas/pools";
import { Button } from "../../components/Button";
import { ErrorMessage } from "../../components/QueryState";
import { inviteUrl, useRotateInvite } from "./api";

export function PoolInvite({ pool }: { pool: PoolDetail }) {
  const rotate = useRotateInvite(pool.id);
  const [notice, setNotice] = useState("");
  const url = inviteUrl(pool.inviteCode);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setNotice("Invite link copied.");
    } catch {
      setNotice("Couldn't copy automatically: select the link and copy it.");
    }
  }

  return (
    <section className="card pool-invite" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite friends</h2>
      <label className="field">
        <span>Invite link</span>
        <input readOnly value={url} onFocus={(event) => event.target.select()} />
      </label>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy invite link
        </button>
        {pool.isOwner && (
          <Button
            type="button"
            className="button secondary"
            unavailable={rotate.isPending}
            onClick={() =>
              rotate.mutate(undefined, {
                onSuccess: () => setNotice("New invite link made. The old one no longer works."),
              })
            }
          >
            Replace invite link
          </Button>
        )}
      </div>
      <p className="share-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {rotate.error && <ErrorMessage error={rotate.error} />}
    </section>
  );
}
