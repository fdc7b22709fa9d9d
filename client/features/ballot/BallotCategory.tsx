/**
 * One category on the ballot: a radio group of its contenders (named by the category), its lock state, and
 * clearing or failing to save a pick, said right beside it.
 */
import { useRef } from "react";
import { formatPercent } from "../../../shared/domain/odds";
import type { Category, Contender } from "../../../shared/schemas/events";
import { isLocked, type LockStatus, lockLabel } from "./lockStatus";
import { type PickStanding, pickStanding } from "./summary";

type Props = {
  category: Category;
  chosenContenderId: number | null;
  status: LockStatus;
  nowMs: number;
  onChoose: (contenderId: number | null) => void;
  /** "Saving…" / "Saved" for the signed-in ballot; absent for a draft. */
  saveState?: "saving" | "saved";
  errorMessage?: string;
  /** The crowd's probability for the picked contender when the pick was saved: the odds it scores at. */
  lockedInProbability?: number | null;
};

export function BallotCategory({
  category,
  chosenContenderId,
  status,
  nowMs,
  onChoose,
  saveState,
  errorMessage,
  lockedInProbability,
}: Props) {
  const headingId = `ballot-category-${category.id}`;
  const statusId = `${headingId}-status`;
  const locked = isLocked(status);
  const chosen = category.contenders.find((contender) => contender.id === chosenContenderId);
  const standing = pickStanding(category, chosen?.id);
  const classes = ["card", "ballot-category", locked ? "is-locked" : "", `is-${pickStateClass[standing]}`];
  const repickId = `${headingId}-repick`;
  const options = useRef<HTMLDivElement>(null);

  return (
    // The radio group below carries the category's name; the section is only a card, not a landmark of its own.
    <section className={classes.join(" ")}>
      <div className="ballot-category-head">
        <h3 id={headingId}>{category.name}</h3>
        <PickBadge standing={standing} locked={locked} />
      </div>
      {chosen && standing === "eliminated" && (
        <p id={repickId} className="ballot-repick">
          {locked ? (
            <>Your pick, {contenderLabel(chosen)}, was not nominated, and this category is locked.</>
          ) : (
            <>
              <strong>Not nominated — pick again.</strong> Your pick, {contenderLabel(chosen)}, is out of the race;
              choose one of the nominees.
            </>
          )}
        </p>
      )}
      <p id={statusId} className={`ballot-lock lock-${status.state}`}>
        {locked && (
          // Drawn, not an emoji: emoji fonts are missing on some systems and would show a blank box.
          <svg className="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 0 0-4 0v2Z" fill="currentColor" />
          </svg>
        )}
        {status.locksAt === null ? (
          lockLabel(status, nowMs)
        ) : (
          <time dateTime={new Date(status.locksAt).toISOString()}>{lockLabel(status, nowMs)}</time>
        )}
      </p>
      <div
        ref={options}
        className="ballot-options"
        role="radiogroup"
        aria-labelledby={headingId}
        aria-describedby={standing === "eliminated" ? `${statusId} ${repickId}` : statusId}
      >
        {nomineesFirst(category.contenders).map((contender) => (
          <ContenderOption
            key={contender.id}
            groupName={headingId}
            contender={contender}
            checked={contender.id === chosenContenderId}
            // A contender that was not nominated can't be chosen; the fan's old pick of one stays shown, checked.
            disabled={locked || contender.status === "eliminated"}
            isWinner={contender.id === category.winnerContenderId}
            onChoose={() => onChoose(contender.id)}
          />
        ))}
      </div>
      <div className="ballot-category-foot">
        <p className="ballot-save-state" aria-live="polite">
          {saveState === "saving" ? "Saving…" : saveState === "saved" ? "Saved" : ""}
        </p>
        {chosen && lockedInProbability !== undefined && lockedInProbability !== null && (
          <p
            className="ballot-locked-odds"
            title="The crowd's odds when you made this pick: a right pick scores by them"
          >
            Locked in at {formatPercent(lockedInProbability)}
          </p>
        )}
        {chosen && !locked && (
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              onChoose(null);
              // The button goes with the pick: focus moves to the category's choices, where a new pick is made.
              options.current?.querySelector<HTMLInputElement>("input[type=radio]:not(:disabled)")?.focus();
            }}
          >
            Clear pick<span className="visually-hidden"> for {category.name}</span>
          </button>
        )}
      </div>
      {errorMessage && (
        <p className="form-error" role="alert">
          {errorMessage}
        </p>
      )}
    </section>
  );
}

const pickStateClass: Record<PickStanding, string> = { none: "unpicked", standing: "picked", eliminated: "eliminated" };

function PickBadge({ standing, locked }: { standing: PickStanding; locked: boolean }) {
  if (standing === "eliminated") {
    return <span className="badge badge-status-eliminated">{locked ? "Not nominated" : "Pick again"}</span>;
  }
  if (standing === "standing") return <span className="badge badge-picked">Picked</span>;
  return <span className={`badge ${locked ? "" : "badge-unpicked"}`}>No pick</span>;
}

/** Contenders still in the race first, in their listed order; those not nominated after them. */
const nomineesFirst = (contenders: readonly Contender[]) => [
  ...contenders.filter((contender) => contender.status !== "eliminated"),
  ...contenders.filter((contender) => contender.status === "eliminated"),
];

/** "Emma Stone, La La Land" for a person, "La La Land" for a film. */
export const contenderLabel = (contender: Contender) =>
  contender.person ? `${contender.name}, ${contender.film.title}` : contender.name;

type OptionProps = {
  groupName: string;
  contender: Contender;
  checked: boolean;
  disabled: boolean;
  isWinner: boolean;
  onChoose: () => void;
};

function ContenderOption({ groupName, contender, checked, disabled, isWinner, onChoose }: OptionProps) {
  const id = `${groupName}-contender-${contender.id}`;
  // One badge at most. Once nominations are out, nominees are the norm: only the others are marked.
  const badge = isWinner
    ? { text: "Winner", className: "badge-winner" }
    : contender.status === "eliminated"
      ? { text: "Not nominated", className: "badge-status-eliminated" }
      : null;
  return (
    <div className={`ballot-option status-${contender.status}`}>
      <input
        type="radio"
        id={id}
        name={groupName}
        value={contender.id}
        // Named explicitly: Chromium reads the label's flex items as "Emma Stone , La La Land".
        aria-label={contenderLabel(contender)}
        aria-describedby={badge ? `${id}-badge` : undefined}
        checked={checked}
        disabled={disabled}
        onChange={onChoose}
      />
      <label htmlFor={id}>
        <span className="contender-name">{contender.name}</span>
        {contender.person && <span className="contender-film">{contender.film.title}</span>}
      </label>
      {badge && (
        <span id={`${id}-badge`} className={`badge ${badge.className}`}>
          {badge.text}
        </span>
      )}
    </div>
  );
}
