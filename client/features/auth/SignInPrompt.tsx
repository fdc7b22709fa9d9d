/** Shown where a page needs an account: explains why and links to sign in or up, returning here after. */
import { useId } from "react";
import { Link, useLocation } from "react-router-dom";
import { authPath } from "./safeNext";

type Props = {
  title: string;
  reason: string;
  /** 1 when the prompt is the whole page; 2 when it sits under the page's own heading (the ballot). */
  headingLevel?: 1 | 2;
  className?: string;
};

export function SignInPrompt({ title, reason, headingLevel = 1, className = "sign-in-prompt" }: Props) {
  const { pathname, search } = useLocation();
  const headingId = useId();
  const next = `${pathname}${search}`;
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section className={`card ${className}`} aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      <p className="muted">{reason}</p>
      <div className="button-row">
        <Link className="button" to={authPath("/signin", next)}>
          Sign in
        </Link>
        <Link className="button secondary" to={authPath("/signup", next)}>
          Create an account
        </Link>
      </div>
    </section>
  );
}
