/** Where to go after signing in: only a path on this site, never `//evil.example` or a full URL. */

/**
 * Control characters and backslashes have no place in our paths, and browsers rewrite both: the URL parser drops
 * tabs and newlines (`/\t/evil.example` becomes `//evil.example`, another site) and reads `\` as `/`.
 */
const unsafeCharacters = /[\p{Cc}\\]/u;

export function safeNext(next: string | null, fallback = "/"): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || unsafeCharacters.test(next)) return fallback;
  return next;
}

/** The sign-in or sign-up page's address, carrying `next` along when it is a safe path to return to. */
export function authPath(page: "/signin" | "/signup", next: string | null): string {
  const returnTo = safeNext(next, "");
  return returnTo ? `${page}?next=${encodeURIComponent(returnTo)}` : page;
}
