/** Whole-event actions: lock every category of the ceremony now, and replay the real 2017 season. */
import { errorText } from "../../components/QueryState";
import { useLockEvent, useReplay2017 } from "./api";

export function SeasonTools({ eventSlug, eventName }: { eventSlug: string; eventName: string }) {
  const lock = useLockEvent();
  const replay = useReplay2017();
  return (
    <section className="card admin-panel" aria-labelledby="season-tools-heading">
      <h2 id="season-tools-heading">Season</h2>
      <div className="admin-actions">
        <button
          type="button"
          className="button secondary"
          disabled={lock.isPending}
          onClick={() => lock.mutate(eventSlug)}
        >
          Lock all of {eventName} now
        </button>
        <button type="button" className="button secondary" disabled={replay.isPending} onClick={() => replay.mutate()}>
          Replay 2017
        </button>
      </div>
      <p className="field-hint">
        Replay enters the real precursor results, nominations and winners, including the Best Picture envelope (La La
        Land read out, corrected to Moonlight). Running it again changes nothing.
      </p>
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
    </section>
  );
}
