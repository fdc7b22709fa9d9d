/** The sign-in and sign-up form: labelled fields, errors next to the field that caused them. */
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { passwordSchema, usernameSchema } from "../../../shared/schemas/auth";
import { bodyFieldErrors } from "../../api/fieldErrors";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { errorText } from "../../components/QueryState";
import { useSignIn, useSignUp } from "./api";
import { authPath } from "./safeNext";

type Mode = "signin" | "signup";
type FieldErrors = { username?: string; password?: string };

function checkLocally(mode: Mode, username: string, password: string): FieldErrors {
  if (mode === "signin") {
    return { username: username.trim() ? undefined : "is required", password: password ? undefined : "is required" };
  }
  const name = usernameSchema.safeParse(username);
  const secret = passwordSchema.safeParse(password);
  return { username: name.error?.issues[0]?.message, password: secret.error?.issues[0]?.message };
}

/** `next` is where the fan was going: kept on the link to the other form, so switching forms does not lose it. */
export function AuthForm({ mode, next, onDone }: { mode: Mode; next: string | null; onDone: () => void }) {
  const signIn = useSignIn();
  const signUp = useSignUp();
  const mutation = mode === "signin" ? signIn : signUp;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});

  const serverFieldErrors: FieldErrors = bodyFieldErrors(mutation.error, ["username", "password"]);
  const errors: FieldErrors = {
    username: localErrors.username ?? serverFieldErrors.username,
    password: localErrors.password ?? serverFieldErrors.password,
  };
  const formError =
    mutation.error && !serverFieldErrors.username && !serverFieldErrors.password
      ? errorText(mutation.error)
      : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    // A new attempt starts clean: the last attempt's refusal says nothing about what is in the form now.
    mutation.reset();
    const found = checkLocally(mode, username, password);
    setLocalErrors(found);
    if (found.username || found.password) return;
    mutation.mutate({ username: username.trim(), password }, { onSuccess: onDone });
  }

  const title = mode === "signin" ? "Sign in" : "Create your account";
  return (
    <form className="card auth-form" onSubmit={submit} noValidate aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        maxLength={mode === "signup" ? 24 : 100}
        hint={mode === "signup" && !errors.username ? "3–24 letters, digits, _ or -" : undefined}
        error={errors.username && `Username ${errors.username}`}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete={mode === "signin" ? "current-password" : "new-password"}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint={mode === "signup" && !errors.password ? "At least 8 characters" : undefined}
        error={errors.password && `Password ${errors.password}`}
      />
      <Button type="submit" className="button" unavailable={mutation.isPending}>
        {mutation.isPending ? "Please wait…" : mode === "signin" ? "Sign in" : "Sign up"}
      </Button>
      <p className="auth-switch">
        {mode === "signin" ? (
          <>
            New here? <Link to={authPath("/signup", next)}>Create an account</Link>
          </>
        ) : (
          <>
            Already have an account? <Link to={authPath("/signin", next)}>Sign in</Link>
          </>
        )}
      </p>
    </form>
  );
}
