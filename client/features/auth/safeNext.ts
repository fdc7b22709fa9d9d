/** Where to go after signing in: only a path on this site, never `//evil.example` or a full URL. */
export function safeNext(next: string | null, fallback = "/"): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

/** The sign-in or sign-up page's address, carrying `next` along when it is a safe path to return to. */
export function authPath(page: "/signin" | "/signup", next: string | null): string {
  const returnTo = safeNext(next, "");
  return returnTo ? `${page}?next=${encodeURIComponent(returnTo)}` : page;
}
