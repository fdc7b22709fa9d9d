/** Account settings: password, devices, a copy of my data, and deleting the account. */
import { useState } from "react";
import { Link } from "react-router-dom";
import { useMe } from "../api/me";
import { usePageTitle } from "../components/usePageTitle";
import { ACCOUNT_EXPORT_URL } from "../features/auth/api";
import { ChangePasswordForm } from "../features/auth/ChangePasswordForm";
import { DeleteAccountForm } from "../features/auth/DeleteAccountForm";
import { SignInPrompt } from "../features/auth/SignInPrompt";
import { SignOutEverywhere } from "../features/auth/SignOutEverywhere";

export function AccountPage() {
  usePageTitle("Account");
  const me = useMe();
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <article>
        <h1>Account deleted</h1>
        <p className="lede" role="status">
          Your account is gone. Thanks for playing along — you can <Link to="/">keep following the race</Link> without
          one.
        </p>
      </article>
    );
  }
  if (me.isPending) return null;
  if (!me.data)
    return <SignInPrompt title="Account" reason="Sign in to change your password or manage your account." />;
  return (
    <article>
      <h1>Account</h1>
      <p className="lede">
        Signed in as <strong>{me.data.username}</strong>.
      </p>
      <div className="account-layout">
        <ChangePasswordForm />
        <SignOutEverywhere />
        <section className="card account-form" aria-labelledby="data-heading">
          <h2 id="data-heading">Your data</h2>
          <p>
            Everything Frontrunner keeps about you: your picks with their times and locked-in odds, every change you
            made, your pools and share links, as one JSON file.
          </p>
          <a className="button secondary" href={ACCOUNT_EXPORT_URL} download>
            Export my data
          </a>
        </section>
        <DeleteAccountForm username={me.data.username} onDeleted={() => setDeleted(true)} />
      </div>
    </article>
  );
}
