/**
 * Import or update a season from a JSON file (picked or pasted); a refused file lists every problem by path, an
 * imported one what it held, with links to the season's home and to managing it here. The import refreshes every
 * season query (api.ts), so the header's switcher lists a new season at once.
 */
import { type ChangeEvent, type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { seasonPaths } from "../../../shared/domain/seasonPaths";
import { fieldProblemSchema } from "../../../shared/schemas/errors";
import { ApiError } from "../../api/client";
import { useSeasons } from "../../api/season";
import { Button } from "../../components/Button";
import { Field, TextField } from "../../components/Field";
import { errorText } from "../../components/QueryState";
import { useImportSeason } from "./api";

function problemsOf(error: unknown) {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((detail) => {
    const problem = fieldProblemSchema.safeParse(detail);
    return problem.success ? [{ ...problem.data, path: problem.data.path.replace(/^body\.?/, "") || "(file)" }] : [];
  });
}

export function ImportForm() {
  const importSeason = useImportSeason();
  const seasons = useSeasons();
  const [text, setText] = useState("");
  const [parseError, setParseError] = useState<string>();

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      setParseError(`This is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    setParseError(undefined);
    importSeason.mutate(json);
  }

  const problems = problemsOf(importSeason.error);
  return (
    <form className="card admin-panel" onSubmit={submit} aria-labelledby="import-heading">
      <h2 id="import-heading">Import a season</h2>
      <p className="field-hint">
        Same format as the seed file. Everything in it is created or updated by slug in one step; a file with any
        problem changes nothing.
      </p>
      <TextField label="Season file" type="file" accept="application/json,.json" onChange={pickFile} />
      <Field label="Or paste the JSON">
        {(control) => <textarea {...control} rows={6} value={text} onChange={(event) => setText(event.target.value)} />}
      </Field>
      <Button type="submit" className="button" unavailable={importSeason.isPending || text.trim() === ""}>
        Import season
      </Button>
      {parseError && (
        <p className="form-error" role="alert">
          {parseError}
        </p>
      )}
      {importSeason.error && (
        <div className="form-error" role="alert">
          <p>
            {problems.length > 0 ? "The file was refused; nothing changed. Problems:" : errorText(importSeason.error)}
          </p>
          {problems.length > 0 && (
            <ul className="admin-problems">
              {problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  <code>{problem.path}</code>: {problem.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div role="status">
        {importSeason.data && (
          <ImportedSeason
            summary={importSeason.data}
            name={seasons.data?.seasons.find((season) => season.slug === importSeason.data.season)?.name}
          />
        )}
      </div>
    </form>
  );
}

type ImportSummary = NonNullable<ReturnType<typeof useImportSeason>["data"]>;

/** What an import wrote, named by the season once the refreshed list has it. */
function ImportedSeason({ summary, name }: { summary: ImportSummary; name: string | undefined }) {
  const label = name ?? summary.season;
  return (
    <div className="notice notice-success">
      <p>
        Imported {label}: {summary.films} films, {summary.events} events, {summary.categories} categories,{" "}
        {summary.contenders} contenders.
      </p>
      <p className="notice-actions">
        <Link to={seasonPaths.home(summary.season)}>Go to {label}</Link>
        <Link to={`/admin?season=${encodeURIComponent(summary.season)}`}>Manage {label} here</Link>
      </p>
    </div>
  );
}
