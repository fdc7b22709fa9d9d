/** Sign out everywhere: ends every session of the fan, on every device, this one included. */
import { Button } from "../../components/Button";
import { errorText } from "../../components/QueryState";
import { useSignOutEverywhere } from "./api";

export function SignOutEverywhere() {
  const signOut = useSignOutEverywhere();
  return (
    <section className="card account-form" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Devices</h2>
      <p>Signed in on a shared or lost device? This signs you out on every device, this one included.</p>
      {signOut.error && (
        <p className="form-error" role="alert">
          {errorText(signOut.error)}
        </p>
      )}
      <Button
        type="button"
        className="button secondary"
        onClick={() => signOut.mutate()}
        unavailable={signOut.isPending}
      >
        {signOut.isPending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </section>
  );
}
