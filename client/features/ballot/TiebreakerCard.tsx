/** The ballot's tiebreaker: one number, answered like a pick and locked with the event's first category. */
import { type FormEvent, useEffect, useId, useState } from "react";
import { TIEBREAKER_MAX, TIEBREAKER_MIN } from "../../../shared/schemas/scores";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { ErrorMessage } from "../../components/QueryState";
import { useTiebreaker, useTiebreakerMutation } from "./api/tiebreaker";

export function TiebreakerCard({ eventSlug, question }: { eventSlug: string; question: string }) {
  const tiebreaker = useTiebreaker(eventSlug);
  const save = useTiebreakerMutation(eventSlug);
  const headingId = useId();
  const saved = tiebreaker.data?.answer ?? null;
  const [value, setValue] = useState("");
  useEffect(() => setValue(saved === null ? "" : String(saved)), [saved]);
  const locked = tiebreaker.data?.locked ?? false;
  const parsed = Number(value);
  const valid = value.trim() !== "" && Number.isInteger(parsed) && parsed >= TIEBREAKER_MIN && parsed <= TIEBREAKER_MAX;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (valid) save.mutate(parsed);
  }

  return (
    <section className="card ballot-tiebreaker" aria-labelledby={headingId}>
      <h2 id={headingId}>Tiebreaker</h2>
      <form onSubmit={submit} className="tiebreaker-form">
        <TextField
          label={question}
          type="number"
          inputMode="numeric"
          min={TIEBREAKER_MIN}
          max={TIEBREAKER_MAX}
          step={1}
          value={value}
          disabled={locked || tiebreaker.isPending}
          error={
            value !== "" && !valid ? `Enter a whole number from ${TIEBREAKER_MIN} to ${TIEBREAKER_MAX}.` : undefined
          }
          onChange={(change) => setValue(change.target.value)}
          hint={
            locked
              ? "Locked with the first category: the answer can no longer change."
              : `A whole number from ${TIEBREAKER_MIN} to ${TIEBREAKER_MAX}. Closest answer wins a tie on points. Locks with the first category.`
          }
        />
        {!locked && (
          <div className="tiebreaker-actions">
            <Button type="submit" className="button" unavailable={!valid || save.isPending || parsed === saved}>
              Save answer
            </Button>
            {saved !== null && (
              <Button
                type="button"
                className="button secondary small"
                unavailable={save.isPending}
                onClick={() => save.mutate(null)}
              >
                Clear answer
              </Button>
            )}
          </div>
        )}
        <p className="ballot-save-state" aria-live="polite">
          {save.isPending ? "Saving…" : save.isSuccess && saved !== null ? `Saved: ${saved}` : ""}
        </p>
        {(save.error ?? tiebreaker.error) && <ErrorMessage error={save.error ?? tiebreaker.error} />}
      </form>
    </section>
  );
}
