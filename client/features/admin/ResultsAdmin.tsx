/**
 * Precursor results of the chosen season: pick an awards event, see what is recorded for it, record another result or
 * remove one (a finished season's are read-only). The API takes an event's whole list, so each change sends the
 * recorded results with one added or left out.
 */
import { type FormEvent, useId, useState } from "react";
import type { Category, EventSummary } from "../../../shared/schemas/events";
import type { PrecursorResult } from "../../../shared/schemas/results";
import { usePrecursorResults } from "../../api/precursorResults";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { errorText, QueryState } from "../../components/QueryState";
import { useRecordResults } from "./api";
import { ContenderOptions } from "./ContenderOptions";
import { type ResultFieldErrors, resultFieldErrors } from "./resultFields";

type Props = {
  /** The season's slug, whose results are read. */
  season: string;
  precursors: readonly EventSummary[];
  /** The season's closing ceremony, whose categories the results name (what each award foreshadows). */
  closingName: string | undefined;
  categories: readonly Category[];
  /** The season is finished history: its results are shown, not edited. */
  history: boolean;
};

export function ResultsAdmin({ season, precursors: seasonPrecursors, closingName, categories, history }: Props) {
  const results = usePrecursorResults(season);
  const [eventSlug, setEventSlug] = useState("");
  const query = {
    ...results,
    data: results.data && { precursors: seasonPrecursors, results: results.data.results },
  };

  return (
    <section className="card admin-panel" aria-labelledby="results-heading">
      <h2 id="results-heading">Precursor results</h2>
      <p className="field-hint">
        Who won at each precursor, under the {closingName ?? "closing ceremony"} category the award foreshadows. They
        appear on that category's race chart.
      </p>
      <QueryState
        query={query}
        loadingLabel="Loading the precursor results…"
        isEmpty={(data) => data.precursors.length === 0}
        empty="This season has no precursor events."
      >
        {({ precursors, results: allResults }) => {
          const selected = precursors.find((event) => event.slug === eventSlug) ?? precursors[0];
          if (!selected) return null;
          return (
            <>
              <SelectField
                label="Awards event"
                value={selected.slug}
                onChange={(event) => setEventSlug(event.target.value)}
              >
                {precursors.map((event) => (
                  <option key={event.slug} value={event.slug}>
                    {event.name}
                  </option>
                ))}
              </SelectField>
              {/* Keyed by event, so switching events starts a clean form and forgets the last save's outcome. */}
              <EventResults
                key={selected.slug}
                eventSlug={selected.slug}
                eventName={selected.name}
                recorded={allResults.filter((result) => result.eventSlug === selected.slug)}
                categories={categories}
                history={history}
              />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

type EventResultsProps = {
  eventSlug: string;
  eventName: string;
  recorded: PrecursorResult[];
  categories: readonly Category[];
  history: boolean;
};

const asRequest = (results: readonly PrecursorResult[]) =>
  results.map(({ award, categoryId, contenderId }) => ({ award, categoryId, contenderId }));

function EventResults({ eventSlug, eventName, recorded, categories, history }: EventResultsProps) {
  const record = useRecordResults();
  const remove = useRecordResults();
  const [award, setAward] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const [contenderId, setContenderId] = useState("");
  const [missing, setMissing] = useState<ResultFieldErrors>({});
  const listId = useId();

  const category = categories.find((candidate) => String(candidate.id) === categoryId);
  const contenderName = (result: PrecursorResult) => {
    const owner = categories.find((candidate) => candidate.id === result.categoryId);
    const contender = owner?.contenders.find((candidate) => candidate.id === result.contenderId);
    return { category: owner?.name ?? "Unknown category", contender: contender?.name ?? "Unknown contender" };
  };
  const serverErrors = resultFieldErrors(record.error, recorded.length);
  const errors: ResultFieldErrors = { ...serverErrors, ...missing };
  const formError = record.error && Object.keys(serverErrors).length === 0 ? errorText(record.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: ResultFieldErrors = {};
    if (award.trim() === "") problems.award = "is required";
    if (categoryId === "") problems.categoryId = "is required";
    if (contenderId === "") problems.contenderId = "is required";
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    const added = { award: award.trim(), categoryId: Number(categoryId), contenderId: Number(contenderId) };
    record.mutate(
      { eventSlug, results: [...asRequest(recorded), added] },
      {
        onSuccess: () => {
          setAward("");
          setContenderId("");
        },
      },
    );
  }

  const fieldError = (field: keyof ResultFieldErrors, label: string) => errors[field] && `${label} ${errors[field]}`;

  return (
    <>
      <h3 id={listId} className="admin-subheading">
        Recorded at {eventName}
      </h3>
      {recorded.length === 0 ? (
        <p className="field-hint">No results recorded for {eventName} yet.</p>
      ) : (
        <ul className="admin-results" aria-labelledby={listId}>
          {recorded.map((result, index) => {
            const names = contenderName(result);
            return (
              <li key={`${result.award}-${result.contenderId}`} className="admin-result">
                <span>
                  <strong>{result.award}</strong>: {names.contender}{" "}
                  <span className="admin-result-category">({names.category})</span>
                </span>
                {!history && (
                  <Button
                    type="button"
                    className="button secondary small"
                    unavailable={remove.isPending}
                    onClick={() =>
                      remove.mutate({ eventSlug, results: asRequest(recorded.filter((_, other) => other !== index)) })
                    }
                  >
                    Remove<span className="visually-hidden"> {`${result.award}: ${names.contender}`}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {remove.error && (
        <p className="form-error" role="alert">
          {errorText(remove.error)}
        </p>
      )}
      {history ? (
        <p className="field-hint">The season is history: its precursor results stay as recorded.</p>
      ) : (
        <>
          <form
            className="admin-row admin-result-form"
            onSubmit={submit}
            noValidate
            aria-label={`Record a result at ${eventName}`}
          >
            <TextField
              label="Award"
              value={award}
              onChange={(event) => setAward(event.target.value)}
              maxLength={120}
              placeholder="Best Motion Picture – Drama"
              error={fieldError("award", "Award")}
            />
            <SelectField
              label="Oscar category"
              value={categoryId}
              onChange={(event) => {
                setCategoryId(event.target.value);
                setContenderId("");
              }}
              error={fieldError("categoryId", "Category")}
            >
              <option value="">Choose a category…</option>
              {categories.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Winner"
              value={contenderId}
              onChange={(event) => setContenderId(event.target.value)}
              disabled={!category}
              error={fieldError("contenderId", "Winner")}
            >
              <option value="">{category ? "Choose the winner…" : "Choose a category first"}</option>
              {category && <ContenderOptions contenders={category.contenders} />}
            </SelectField>
            <Button type="submit" className="button" unavailable={record.isPending}>
              Record result
            </Button>
            {formError && (
              <p className="form-error" role="alert">
                {formError}
              </p>
            )}
          </form>
          <p role="status" className="field-hint">
            {record.isSuccess ? "Result recorded." : ""}
          </p>
        </>
      )}
    </>
  );
}
