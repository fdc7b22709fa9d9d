/** Delete my account: says what goes and what stays, and asks for the username typed out before it acts. */
import { type FormEvent, useState } from "react";
import { bodyFieldErrors } from "../../api/fieldErrors";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { errorText } from "../../components/QueryState";
import { useDeleteAccount } from "./api";

export function DeleteAccountForm({ username, onDeleted }: { username: string; onDeleted: () => void }) {
  const remove = useDeleteAccount();
  const [typed, setTyped] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const serverError = bodyFieldErrors(remove.error, ["confirmUsername"]).confirmUsername;
  const fieldError = mismatch ? "doesn't match your username" : serverError;
  const formError = remove.error && !serverError ? errorText(remove.error) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    remove.reset();
    const matches = typed.trim().toLowerCase() === username.toLowerCase();
    setMismatch(!matches);
    if (matches) remove.mutate({ confirmUsername: typed.trim() }, { onSuccess: onDeleted });
  }

  return (
    <form className="card account-form danger-zone" onSubmit={submit} noValidate aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p>
        Your sign-in, your name, your pool memberships and your share links go for good, and your picks in categories
        that are still open leave the odds from now on. Picks that already locked stay on the leaderboards under “Former
        fan”, so nobody else’s rank changes. Pools you own pass to their longest-standing member. This can’t be undone:
        export your data first if you want a copy.
      </p>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <TextField
        label={`Type your username, ${username}, to confirm`}
        name="confirmUsername"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        maxLength={100}
        error={fieldError && `Username ${fieldError}`}
      />
      <Button type="submit" className="button danger" unavailable={remove.isPending}>
        {remove.isPending ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
