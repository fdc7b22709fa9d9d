/** Change password: the current one proves it is the fan; every other session then ends. */
import { type FormEvent, useState } from "react";
import { passwordSchema } from "../../../shared/schemas/auth";
import { bodyFieldErrors } from "../../api/fieldErrors";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { errorText } from "../../components/QueryState";
import { useChangePassword } from "./api";

const fields = ["currentPassword", "newPassword"] as const;
type FieldErrors = Partial<Record<(typeof fields)[number], string>>;

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});

  const serverErrors = bodyFieldErrors(change.error, fields);
  const errors: FieldErrors = {
    currentPassword: localErrors.currentPassword ?? serverErrors.currentPassword,
    newPassword: localErrors.newPassword ?? serverErrors.newPassword,
  };
  const formError =
    change.error && !serverErrors.currentPassword && !serverErrors.newPassword ? errorText(change.error) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    change.reset();
    const found: FieldErrors = {
      currentPassword: currentPassword ? undefined : "is required",
      newPassword: passwordSchema.safeParse(newPassword).error?.issues[0]?.message,
    };
    setLocalErrors(found);
    if (found.currentPassword || found.newPassword) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword("");
          setNewPassword("");
        },
      },
    );
  }

  return (
    <form className="card account-form" onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Change password</h2>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={errors.currentPassword && `Current password ${errors.currentPassword}`}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        hint={errors.newPassword ? undefined : "At least 8 characters"}
        error={errors.newPassword && `New password ${errors.newPassword}`}
      />
      <Button type="submit" className="button" unavailable={change.isPending}>
        {change.isPending ? "Saving…" : "Change password"}
      </Button>
      <p role="status" className="account-status">
        {change.isSuccess ? "Password changed. Every other device you were signed in on is now signed out." : ""}
      </p>
    </form>
  );
}
