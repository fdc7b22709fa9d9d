/**
 * One category's operator controls: winner, lock time, nominations, and its contenders; in a finished season, only the
 * winner (history keeps its corrections).
 */
import { type FormEvent, useState } from "react";
import type { Category, Contender, Film } from "../../../shared/schemas/events";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { SelectField, TextField } from "../../components/Field";
import { errorText } from "../../components/QueryState";
import {
  useAddContender,
  useAnnounceNominations,
  useRemoveContender,
  useRenameContender,
  useSetWinner,
  useUpdateCategory,
} from "./api";
import { ContenderOptions } from "./ContenderOptions";

type Props = { eventSlug: string; category: Category; films: Film[] };
type CategoryAdminProps = Props & {
  /** The season is finished history: the server refuses every change but a winner's, so only that form is offered. */
  history: boolean;
};

const statusLabel: Record<Contender["status"], string> = {
  contender: "Contender",
  nominated: "Nominated",
  eliminated: "Not nominated",
};

/** `datetime-local` works in the operator's own time zone; the API takes UTC instants. */
function toLocalInput(iso: string | null): string {
  if (iso === null) return "";
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function MutationError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {errorText(error)}
    </p>
  );
}

function WinnerForm({ category }: { category: Category }) {
  const setWinner = useSetWinner();
  const [choice, setChoice] = useState(String(category.winnerContenderId ?? ""));
  const [confirmingClear, setConfirmingClear] = useState(false);
  const winner = category.contenders.find((contender) => contender.id === category.winnerContenderId);
  const clearing = winner !== undefined && choice === "";
  const eligible = category.contenders.filter((contender) => contender.status !== "eliminated");

  function submit(event: FormEvent) {
    event.preventDefault();
    // Clearing takes the win away from every fan who called it: ask first. Announcing and correcting name a winner
    // the operator just chose, and a mistake there is fixed by correcting again.
    if (clearing) setConfirmingClear(true);
    else setWinner.mutate({ categoryId: category.id, contenderId: choice === "" ? null : Number(choice) });
  }

  return (
    <form className="admin-row" onSubmit={submit}>
      <SelectField
        label={`Winner of ${category.name}`}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      >
        <option value="">No winner yet</option>
        <ContenderOptions contenders={eligible} />
      </SelectField>
      <Button type="submit" className="button" unavailable={setWinner.isPending || (!winner && choice === "")}>
        {clearing ? "Clear winner" : winner ? "Correct winner" : "Announce winner"}
      </Button>
      <MutationError error={setWinner.error} />
      {winner && (
        <ConfirmDialog
          open={confirmingClear}
          title={`Clear the ${category.name} winner?`}
          confirmLabel="Clear winner"
          onConfirm={() => {
            setConfirmingClear(false);
            setWinner.mutate({ categoryId: category.id, contenderId: null });
          }}
          onCancel={() => setConfirmingClear(false)}
        >
          <p>
            {winner.name} stops being the winner of {category.name}. Fans who picked it lose the points it scored them,
            and the category reopens for picks unless its lock time has passed.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}

function LockForm({ category }: { category: Category }) {
  const update = useUpdateCategory();
  const [value, setValue] = useState(toLocalInput(category.locksAt));

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ categoryId: category.id, changes: { locksAt: value ? new Date(value).toISOString() : null } });
  }

  return (
    <form className="admin-row" onSubmit={submit}>
      <TextField
        label="Picks lock at (your time)"
        type="datetime-local"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <Button
        type="submit"
        className="button secondary"
        unavailable={update.isPending || value === toLocalInput(category.locksAt)}
      >
        {/* "Clear" only when there is a lock time to clear; an empty field on an open category has nothing to save. */}
        {value || category.locksAt === null ? "Save lock time" : "Clear lock time"}
      </Button>
      <MutationError error={update.error} />
    </form>
  );
}

function NominationsForm({ eventSlug, category }: Omit<Props, "films">) {
  const announce = useAnnounceNominations();
  const [nominees, setNominees] = useState(
    () => new Set(category.contenders.filter((c) => c.status === "nominated").map((c) => c.id)),
  );

  function toggle(contenderId: number, checked: boolean) {
    setNominees((current) => {
      const next = new Set(current);
      if (checked) next.add(contenderId);
      else next.delete(contenderId);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    announce.mutate({ eventSlug, nominations: [{ categoryId: category.id, nomineeIds: [...nominees] }] });
  }

  return (
    <form onSubmit={submit}>
      <fieldset className="admin-fieldset">
        <legend>Nominees — the others become eliminated</legend>
        <ul className="admin-checklist">
          {category.contenders.map((contender) => (
            <li key={contender.id}>
              <label>
                <input
                  type="checkbox"
                  checked={nominees.has(contender.id)}
                  onChange={(event) => toggle(contender.id, event.target.checked)}
                />
                {contender.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Button type="submit" className="button secondary" unavailable={announce.isPending || nominees.size === 0}>
        Announce nominations
      </Button>
      <MutationError error={announce.error} />
    </form>
  );
}

function ContenderRow({ contender }: { contender: Contender }) {
  const rename = useRenameContender();
  const remove = useRemoveContender();
  const [name, setName] = useState(contender.name);

  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ contenderId: contender.id, name });
  }

  return (
    <li className="admin-contender">
      <form className="admin-row" onSubmit={submit}>
        <TextField
          label={
            <>
              {contender.person ? `${contender.person} (${contender.film.title})` : contender.name}{" "}
              <span className={`badge badge-status-${contender.status}`}>{statusLabel[contender.status]}</span>
            </>
          }
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={120}
        />
        <Button
          type="submit"
          className="button secondary"
          aria-label={`Rename ${contender.name}`}
          unavailable={rename.isPending || name === contender.name}
        >
          Rename
        </Button>
        <Button
          type="button"
          className="button secondary"
          aria-label={`Remove ${contender.name}`}
          unavailable={remove.isPending}
          onClick={() => remove.mutate(contender.id)}
        >
          Remove
        </Button>
      </form>
      <MutationError error={rename.error ?? remove.error} />
    </li>
  );
}

function AddContenderForm({ category, films }: Omit<Props, "eventSlug">) {
  const add = useAddContender();
  const [filmId, setFilmId] = useState("");
  const [person, setPerson] = useState("");
  const needsPerson = category.kind === "person";

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { categoryId: category.id, contender: { filmId: Number(filmId), person: needsPerson ? person : null } },
      { onSuccess: () => setPerson("") },
    );
  }

  return (
    <form className="admin-row" onSubmit={submit}>
      <SelectField label="Film" value={filmId} onChange={(event) => setFilmId(event.target.value)} required>
        <option value="">Choose a film…</option>
        {films.map((film) => (
          <option key={film.id} value={film.id}>
            {film.title}
          </option>
        ))}
      </SelectField>
      {needsPerson && (
        <TextField label="Person" value={person} onChange={(event) => setPerson(event.target.value)} required />
      )}
      <Button type="submit" className="button secondary" unavailable={add.isPending || !filmId}>
        Add contender
      </Button>
      <MutationError error={add.error} />
    </form>
  );
}

export function CategoryAdmin({ eventSlug, category, films, history }: CategoryAdminProps) {
  const winner = category.contenders.find((contender) => contender.id === category.winnerContenderId);
  return (
    <details className="card admin-category">
      <summary>
        {/* Drawn, not the browser's marker, so it looks the same in every browser and can turn. */}
        <span className="admin-summary-chevron" aria-hidden="true" />
        {category.name}
        {winner && <span className="admin-summary-note"> · Winner: {winner.name}</span>}
      </summary>
      {/* Keys reset each form's draft when the server's state changes (another action, a replay). */}
      <WinnerForm key={`winner-${category.winnerContenderId}`} category={category} />
      {history ? (
        <p className="field-hint">
          The season is history: the winner can be corrected; the category's nominations and contenders stay as they
          were, and a decided category is locked whatever its lock time.
        </p>
      ) : (
        <EditableCategory eventSlug={eventSlug} category={category} films={films} />
      )}
    </details>
  );
}

/** What can change while the season runs: the lock time, nominations and contenders. */
function EditableCategory({ eventSlug, category, films }: Props) {
  return (
    <>
      <LockForm key={`lock-${category.locksAt}`} category={category} />
      <NominationsForm
        key={category.contenders.map((contender) => contender.status).join()}
        eventSlug={eventSlug}
        category={category}
      />
      <h4>Contenders</h4>
      <ul className="admin-contenders">
        {category.contenders.map((contender) => (
          <ContenderRow key={`${contender.id}-${contender.name}`} contender={contender} />
        ))}
      </ul>
      <AddContenderForm category={category} films={films} />
    </>
  );
}
