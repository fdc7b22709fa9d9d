/**
 * Whole-event actions: lock every category of the chosen ceremony now, and (for 2016–17) replay the real 2017 season.
 * Neither can be undone from here, so each asks for confirmation first.
 */
import { useState } from "react";
import { isCategoryLocked, lockableOfCategory } from "../../../shared/domain/lock";
import { useEvent } from "../../api/season";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { errorText } from "../../components/QueryState";
import { useLockEvent, useReplay2017 } from "./api";

type Pending = "lock" | "replay" | null;

/**
 * The season the admin area's replay enters: `POST /api/admin/replay-2017` replays the bundled 2016–17 file. Another
 * season's replay is a file for `npm run season:replay -- <file>` (docs/operations.md), so it has no button here.
 */
const REPLAY_SEASON = "2016-17";

type Props = {
  seasonSlug: string;
  eventSlug: string;
  eventName: string;
  /** The season is finished history: nothing is left to lock. */
  history: boolean;
};

export function SeasonTools({ seasonSlug, eventSlug, eventName, history }: Props) {
  const lock = useLockEvent();
  const replay = useReplay2017();
  const event = useEvent(eventSlug);
  const [pending, setPending] = useState<Pending>(null);
  const openCategories = event.data?.categories.filter(
    (category) => !isCategoryLocked(lockableOfCategory(category), Date.now()),
  );

  function confirm() {
    if (pending === "lock") lock.mutate(eventSlug);
    if (pending === "replay") replay.mutate();
    setPending(null);
  }

  return (
    <section className="card admin-panel" aria-labelledby="season-tools-heading">
      <h2 id="season-tools-heading">Season</h2>
      <div className="admin-actions">
        <Button
          type="button"
          className="button secondary"
          unavailable={lock.isPending || history}
          aria-describedby={history ? "season-tools-history" : undefined}
          onClick={() => setPending("lock")}
        >
          Lock all of {eventName} now
        </Button>
        {seasonSlug === REPLAY_SEASON && (
          <Button
            type="button"
            className="button secondary"
            unavailable={replay.isPending}
            onClick={() => setPending("replay")}
          >
            Replay 2017
          </Button>
        )}
      </div>
      {history && (
        <p className="field-hint" id="season-tools-history">
          Every category is decided, so there is nothing left to lock.
        </p>
      )}
      {seasonSlug === REPLAY_SEASON && (
        <p className="field-hint">
          Replay enters the real precursor results, nominations and winners, including the Best Picture envelope (La La
          Land read out, corrected to Moonlight). Running it again changes nothing.
        </p>
      )}
      <div role="status">
        {lock.data && <p>{lock.data.locked} categories locked.</p>}
        {replay.data && (
          <p>
            {replay.data.changes === 0
              ? "Already replayed: nothing changed."
              : `Replayed: ${replay.data.changes} changes.`}
          </p>
        )}
      </div>
      {(lock.error ?? replay.error) && (
        <p className="form-error" role="alert">
          {errorText(lock.error ?? replay.error)}
        </p>
      )}
      <ConfirmDialog
        open={pending === "lock"}
        title={`Lock all of ${eventName} now?`}
        confirmLabel="Lock all categories"
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        <p>
          {openCategories === undefined
            ? "Every category that is still open locks at once."
            : `The ${openCategories.length} ${openCategories.length === 1 ? "category" : "categories"} still open lock at once.`}{" "}
          Fans can no longer make or change picks in them.
        </p>
        <p>To reopen a category you will have to clear its lock time, one category at a time.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending === "replay"}
        title="Replay the 2017 season?"
        confirmLabel="Replay 2017"
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        <p>
          This records what really happened: the precursor results, the Oscar nominations (contenders who missed out
          become “Not nominated”), and every winner, which locks each category and re-scores every fan.
        </p>
        <p>It writes dozens of changes to the audit log and can't be undone from the admin area.</p>
      </ConfirmDialog>
    </section>
  );
}
