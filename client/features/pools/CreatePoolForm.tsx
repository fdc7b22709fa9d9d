/** Name a new pool; the server's reason appears next to the field if the name is refused. */
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router-dom";
import { POOL_NAME_MAX, poolNameSchema } from "../../../shared/schemas/pools";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { errorText } from "../../components/QueryState";
import { useCreatePool } from "./api";

export function CreatePoolForm() {
  const create = useCreatePool();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [localError, setLocalError] = useState<string>();
  const error = localError ?? (create.error ? errorText(create.error) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    // A new attempt is judged on its own: the last refusal must not stay beside a name that may now be fine.
    create.reset();
    const checked = poolNameSchema.safeParse(name);
    setLocalError(checked.success ? undefined : `Name ${checked.error.issues[0]?.message ?? "is invalid"}`);
    if (checked.success) create.mutate(checked.data, { onSuccess: (pool) => navigate(`/pools/${pool.id}`) });
  }

  return (
    <form className="card create-pool" onSubmit={submit} noValidate>
      <h2>Start a pool</h2>
      <TextField
        label="Pool name"
        value={name}
        maxLength={POOL_NAME_MAX}
        onChange={(event) => setName(event.target.value)}
        placeholder="Oscar night at Sam's"
        // The field stops taking characters at the limit, so say where it is before a name is cut short.
        hint={`Up to ${POOL_NAME_MAX} characters`}
        error={error}
      />
      <Button type="submit" className="button" unavailable={create.isPending}>
        {create.isPending ? "Creating…" : "Create pool"}
      </Button>
    </form>
  );
}
