/**
 * After signing in, offers to save the picks made while signed out. Saved picks leave the draft; any that fail
 * (a category locked meanwhile) stay in it and are listed with the reason, never dropped silently.
 */
import type { UseMutationResult } from "@tanstack/react-query";
import type { EventDetail } from "../../../shared/schemas/events";
import { useSeasonBallots } from "../../api/season";
import { Button } from "../../components/Button";
import type { DraftPick } from "../../stores/ballotDraft";
import { useBallotDraft } from "../../stores/ballotDraft";
import { pickErrorMessage } from "./api/pickErrorMessage";
import type { DraftSaveOutcome } from "./api/saveDraft";
import { contenderLabel } from "./BallotCategory";

type Props = {
  draftPicks: DraftPick[];
  saveDraft: UseMutationResult<DraftSaveOutcome, Error, readonly DraftPick[]>;
};

const pickCount = (count: number) => `${count} ${count === 1 ? "pick" : "picks"}`;

/** "Best Actress: Emma Stone, La La Land", or a plain fallback for a category none of the ballots has. */
function describePick(ceremonies: readonly EventDetail[], pick: DraftPick) {
  const category = ceremonies
    .flatMap((ceremony) => ceremony.categories)
    .find((candidate) => candidate.id === pick.categoryId);
  const contender = category?.contenders.find((candidate) => candidate.id === pick.contenderId);
  if (!category || !contender)
    return { categoryName: "A category", text: "a category that is no longer on the ballot" };
  return { categoryName: category.name, text: `${category.name}: ${contenderLabel(contender)}` };
}

export function DraftOffer({ draftPicks, saveDraft }: Props) {
  const ceremonies = useSeasonBallots()?.ceremonies ?? [];
  const discard = useBallotDraft((state) => state.discard);
  const outcome = saveDraft.data;
  const failures = outcome?.failures.filter((failure) =>
    draftPicks.some((pick) => pick.categoryId === failure.categoryId),
  );

  if (draftPicks.length === 0) {
    // Everything went through: confirm it until the fan moves on.
    return (
      <aside className="notice notice-success" aria-label="Draft saved">
        <p role="status">Saved {pickCount(outcome?.savedCategoryIds.length ?? 0)} to your ballot.</p>
        <button type="button" className="notice-dismiss" onClick={() => saveDraft.reset()}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">Dismiss</span>
        </button>
      </aside>
    );
  }

  return (
    <aside className="notice notice-draft" aria-labelledby="draft-offer-title">
      <div className="notice-body">
        <h2 id="draft-offer-title">
          Save {draftPicks.length} draft {draftPicks.length === 1 ? "pick" : "picks"} to your ballot?
        </h2>
        {failures && failures.length > 0 && (
          <div className="form-error" role="alert">
            <p>
              {outcome &&
                outcome.savedCategoryIds.length > 0 &&
                `Saved ${pickCount(outcome.savedCategoryIds.length)}. `}
              {failures.length === 1 ? "This pick wasn't saved:" : "These picks weren't saved:"}
            </p>
            <ul>
              {failures.map((failure) => {
                const pick = draftPicks.find((candidate) => candidate.categoryId === failure.categoryId);
                const categoryName = pick ? describePick(ceremonies, pick).categoryName : "A category";
                return <li key={failure.categoryId}>{pickErrorMessage(failure.error, categoryName)}</li>;
              })}
            </ul>
          </div>
        )}
        <ul className="draft-list">
          {draftPicks.map((pick) => (
            <li key={pick.categoryId}>{describePick(ceremonies, pick).text}</li>
          ))}
        </ul>
        <p className="notice-actions">
          <Button
            type="button"
            className="button"
            unavailable={saveDraft.isPending}
            onClick={() => saveDraft.mutate(draftPicks)}
          >
            {saveDraft.isPending ? "Saving…" : "Save"}
          </Button>
          <Button
            type="button"
            className="button secondary"
            unavailable={saveDraft.isPending}
            onClick={() => {
              discard();
              saveDraft.reset();
            }}
          >
            Discard
          </Button>
        </p>
      </div>
    </aside>
  );
}
