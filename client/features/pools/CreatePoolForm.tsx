/** Name a new pool; the server's reason appears next to the field if the name is refused. */
import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router-dom";
import { poolNameSchema } from "../../../shared/schemas/pools";
import { errorText } from "../../components/QueryState";
import { useCreatePool } from "./api";

export function CreatePoolForm() {
  const create = useCreatePool();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [localError, setLocalError] = useState<string>();
  const inputId = useId();
  const errorId = useId();
  const error = localError ?? (create.error ? errorText(create.error) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = poolNameSchema.safeParse(name);
    setLocalError(checked.success ? undefined : `Name ${checked.error.issues[0]?.message ?? "is invalid"}`);
    if (checked.success) create.mutate(checked.data, { onSuccess: (pool) => navigate(`/pools/${pool.id}`) });
  }

  return (
    <form className="card create-pool" onSubmit={submit} noValidate>
      <h2>Start a pool</h2>
      <div className="field">
        <label htmlFor={inputId}>Pool name</label>
        <input
          id={inputId}
          value={name}
          maxLength={60}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder="Oscar night at Sam's"
        />
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create pool"}
      </button>
    </form>
  );
}
